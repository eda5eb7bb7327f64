/**
 * One SafeString that lives as long as the page. V8 holds the hidden class
 * of an object shape only weakly: once every SafeString of a render is
 * garbage, a full collection drops the shape, and every optimised filter
 * that made one is thrown away and rebuilt during the next render (472
 * deoptimisations in the compile bench, which collects before each run:
 * renders took twice as long). Keeping one instance keeps the shape.
 */
let keeper: SafeString | undefined;

/**
 * Markup that a filter has already made safe for the output format (for
 * example Markdown rendered to sanitised HTML): the HTML escaper passes it
 * through unchanged instead of escaping it a second time.
 */
export class SafeString {
	readonly value: string;

	constructor(value: string) {
		this.value = value;
		// An empty one is kept, never a render's (possibly long) output.
		if (keeper === undefined) keeper = value === "" ? this : new SafeString("");
	}

	toString(): string {
		return this.value;
	}

	toJSON(): string {
		return this.value;
	}
}
