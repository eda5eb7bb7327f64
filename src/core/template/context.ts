/** A template function applied with `|`: `{{ value | name: arg1, arg2 }}`. */
export type FilterFunction = (input: unknown, ...args: unknown[]) => unknown;

/** Everything a compiled template needs while rendering. */
export interface Context {
	/** The variables the template was rendered with (e.g. `issue`). */
	data: Record<string, unknown>;
	/** Variables set by `assign` and `capture`. */
	assigned: Map<string, unknown>;
	/**
	 * Loop variables and `forloop` objects, by a slot number fixed at compile
	 * time: a loop variable is found by index, not looked up by name.
	 */
	slots: unknown[];
	/** Output pieces not yet joined. */
	out: string[];
	/** Output joined so far, in order, before the pieces in `out`. */
	chunks: string[];
	/** Characters in `chunks`, bounded so a template cannot exhaust memory. */
	size: number;
	/** Turns a value into output text: HTML-escaped for the html format, as is otherwise. */
	escape: (value: unknown) => string;
	/** Loop iterations so far, bounded so a template cannot hang the preview. */
	iterations: number;
}

/**
 * Resolves a variable name at compile time: a loop variable in scope gives
 * its slot reader; anything else is read from `assigned`, then `data`.
 */
export type Resolver = (name: string, at: number) => (ctx: Context) => unknown;
