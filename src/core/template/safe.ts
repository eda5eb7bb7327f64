/**
 * Markup that a filter has already made safe for the output format (for
 * example Markdown rendered to sanitised HTML): the HTML escaper passes it
 * through unchanged instead of escaping it a second time.
 */
export class SafeString {
	readonly value: string;

	constructor(value: string) {
		this.value = value;
	}

	toString(): string {
		return this.value;
	}

	toJSON(): string {
		return this.value;
	}
}
