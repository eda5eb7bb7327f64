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
	/** Output appended since the last chunk: a rope of pieces, flattened into a chunk once it reaches a bound. */
	rope: string;
	/** Output joined so far, in order, before the pieces in `out`. */
	chunks: string[];
	/** Characters in `chunks`, bounded so a template cannot exhaust memory. */
	size: number;
	/** Turns a value into output text: HTML-escaped for the html format, as is otherwise. */
	escape: (value: unknown) => string;
	/** Loop iterations so far, bounded so a template cannot hang the preview. */
	iterations: number;
	/** How many partials deep this render is (0 in the template itself). */
	depth: number;
}

/**
 * Resolves a variable name at compile time: a loop variable in scope gives
 * its slot reader; anything else is read from `assigned`, then `data`.
 */
export type Resolver = (name: string, at: number) => (ctx: Context) => unknown;

/** Where a filter or tag stands against Liquid: the same, the same name with a stated difference, or Linkletter's own. */
export type LiquidOrigin = "liquid" | "differs" | "linkletter";

/** The documentation of a filter or tag, kept beside its code so the reference cannot drift. */
export interface Documented {
	/** How it is written: `date: format`. */
	signature: string;
	/** One line on what it does. */
	summary: string;
	/** A template using it; rendered by a test through the real engine. */
	example: string;
	/** What `example` renders to, exactly. */
	exampleOutput: string;
	/** Variables the example reads, if any. */
	exampleData?: Readonly<Record<string, unknown>>;
	origin: LiquidOrigin;
	/** For "differs": how it differs from Liquid; for "linkletter", optional notes. */
	note?: string;
}

/** One entry of a filter table: the function and its documentation. */
export interface FilterEntry extends Documented {
	fn: FilterFunction;
}

/** A table of filters by name: documented entries, or bare functions (for a test or a one-off engine). */
export type FilterTable = Readonly<Record<string, FilterEntry | FilterFunction>>;
