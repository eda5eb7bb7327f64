import type { Context, FilterTable } from "./context.ts";
import { positionAt, TemplateFailure } from "./errors.ts";
import { type Evaluate, ExpressionParser } from "./expression.ts";
import { type TagToken, type Token, tokenize } from "./lexer.ts";
import { MAX_OUTPUT, TOO_LARGE } from "./limits.ts";
import { SafeString } from "./safe.ts";
import { didYouMean } from "./suggest.ts";
import { TAG_ENTRIES } from "./tags.ts";
import { isEqual, isTruthy } from "./values.ts";

/** A compiled run of template: appends its output to ctx (see emit). */
export type Render = (ctx: Context) => void;
/** A compiled piece: constant text, or a render function. */
type Part = string | Render;

export { MAX_OUTPUT };

/** Loop iterations one render may run: generous for 10,000 captures, finite for a template typed in a preview. */
export const MAX_ITERATIONS = 2_000_000;
/** Position of a failure not yet placed: the innermost loop around it gives its own. */
const UNPLACED = -1;

/** Append text to the output, counting it against MAX_OUTPUT. */
function emit(ctx: Context, text: string, at: number): void {
	ctx.size += text.length;
	if (ctx.size > MAX_OUTPUT) throw new TemplateFailure(at, TOO_LARGE);
	if (text.length < LARGE_PIECE) {
		ctx.rope += text;
		if (ctx.rope.length >= (ctx.size < LARGE_OUTPUT ? CHUNK_CHARS : LARGE_CHUNK_CHARS)) flush(ctx);
	} else {
		// Already one long string (the JSON export is one): it becomes a chunk as it is, never copied again.
		flush(ctx);
		ctx.chunks.push(text);
	}
}

/**
 * Characters gathered before they are flattened into one chunk: small
 * enough that a chunk of two-byte text (any "—" or "é" makes a whole chunk
 * two-byte) stays under V8's 128 KB large-object size. A larger chunk is
 * given fresh pages from the system each time, and cost four times as much
 * per character. Pieces are appended with + (V8 keeps a rope of them) rather
 * than pushed to an array and joined: about a fifth fewer instructions for
 * a whole export, the join's work per piece being the larger.
 */
const CHUNK_CHARS = 32 * 1024;
/**
 * Past this much output (an archive export, not a weekly issue: SRE Weekly
 * #90 is 20 KB of Markdown), chunks are made large enough to be V8 large
 * objects. A small chunk is cheaper to make, but every one that lives
 * through a young-generation collection is copied, once to survive and once
 * to be promoted, and all of an export's chunks live until it is done: at
 * 10,000 captures that copying was a quarter of the export's time.
 */
const LARGE_OUTPUT = 1024 * 1024;
const LARGE_CHUNK_CHARS = 256 * 1024;
/** A piece this long is a chunk by itself. */
const LARGE_PIECE = 16 * 1024;

const CLOSING_TAGS = new Set([
	"elsif",
	"else",
	"endif",
	"endunless",
	"endfor",
	"endcapture",
	"endcomment",
	"endraw",
	"when",
	"endcase",
]);

/** How deep partials may render partials: enough for any real layout, and a partial that renders itself stops. */
export const MAX_PARTIAL_DEPTH = 16;

type Filters = FilterTable;

/** The curator's partials for one compile: their source by name, each compiled once, on first use. */
export interface PartialSet {
	sources: Readonly<Record<string, string>>;
	compiled: Map<string, Render>;
}

/** A partial rendering partials too deeply: reported once, at the outermost render tag. */
class DepthFailure extends TemplateFailure {}

const nothing: Render = () => {};

function sequence(parts: Part[]): Render {
	const merged: Part[] = [];
	for (const part of parts) {
		const last = merged[merged.length - 1];
		if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
		else merged.push(part);
	}
	if (merged.length === 0) return nothing;
	if (merged.length === 1) {
		const only = merged[0] as Part;
		return typeof only === "string" ? (ctx) => emit(ctx, only, UNPLACED) : only;
	}
	return (ctx) => {
		for (const part of merged) {
			if (typeof part === "string") emit(ctx, part, UNPLACED);
			else part(ctx);
		}
	};
}

/**
 * Flatten the pieces gathered so far into one string. Many small pieces
 * kept alive to the end made the garbage collector copy them again and
 * again, so a 10,000-capture issue cost more than 10× a 1,000-capture one;
 * chunks this large are kept out of the young generation.
 */
export function flush(ctx: Context): void {
	if (ctx.rope === "") return;
	const chunk = ctx.rope;
	// Reading a character flattens the rope of pieces into one string, so the pieces can be collected.
	chunk.charCodeAt(0);
	ctx.rope = "";
	ctx.chunks.push(chunk);
}

/** Everything rendered into ctx, as one string. */
export function collect(ctx: Context): string {
	flush(ctx);
	// Chained with + (a rope of flat chunks), not flattened, which would copy all of it once more.
	let text = "";
	for (const chunk of ctx.chunks) text += chunk;
	return text;
}

/** Compiles a token stream into closures; one instance per template. */
class Compiler {
	private index = 0;
	private readonly tokens: Token[];
	private readonly filters: Filters;
	/** Loop variables in scope while compiling, innermost last; index = slot. */
	private readonly bindings: { name: string; used: boolean }[] = [];

	private readonly partials: PartialSet;

	constructor(tokens: Token[], filters: Filters, partials: PartialSet) {
		this.tokens = tokens;
		this.filters = filters;
		this.partials = partials;
	}

	/** Compile-time lookup: loop variables become slot reads; other names are read from assigned, then data. */
	private readonly resolve = (name: string, at: number): ((ctx: Context) => unknown) => {
		for (let slot = this.bindings.length - 1; slot >= 0; slot--) {
			const binding = this.bindings[slot] as { name: string; used: boolean };
			if (binding.name === name) {
				binding.used = true;
				return (ctx) => ctx.slots[slot];
			}
		}
		return (ctx) => {
			if (ctx.assigned.has(name)) return ctx.assigned.get(name);
			if (Object.hasOwn(ctx.data, name)) return ctx.data[name];
			const known = [...ctx.assigned.keys(), ...Object.keys(ctx.data), ...this.bindingNames];
			throw new TemplateFailure(at, `unknown variable "${name}"${didYouMean(name, known)}`);
		};
	};

	/** Loop variables in scope where an unknown name was compiled, for its did-you-mean. */
	private get bindingNames(): string[] {
		return this.bindings.map((binding) => binding.name);
	}

	private parser(text: string, at: number): ExpressionParser {
		return new ExpressionParser(text, at, this.filters, this.resolve);
	}

	compile(): Render {
		const { parts, end } = this.block([]);
		if (end) throw new TemplateFailure(end.at, `unexpected {% ${end.name} %}`);
		return sequence(parts);
	}

	private expression(tag: { args: string; argsAt: number }): ExpressionParser {
		return this.parser(tag.args, tag.argsAt);
	}

	/** Compile parts until one of the closing tag names (or the end of input). */
	private block(closers: string[]): { parts: Part[]; end: TagToken | undefined } {
		const parts: Part[] = [];
		while (this.index < this.tokens.length) {
			const token = this.tokens[this.index++] as Token;
			if (token.kind === "text") {
				parts.push(token.value);
			} else if (token.kind === "output") {
				parts.push(this.output(token.body, token.bodyAt, token.at));
			} else if (closers.includes(token.name)) {
				return { parts, end: token };
			} else {
				const part = this.tag(token);
				if (part !== undefined) parts.push(part);
			}
		}
		return { parts, end: undefined };
	}

	private output(body: string, bodyAt: number, at: number): Part {
		const parser = this.parser(body, bodyAt);
		if (!parser.peek()) throw new TemplateFailure(at, "empty {{ }}: put a value inside");
		const value = parser.filtered();
		parser.finish();
		return (ctx) => {
			const text = ctx.escape(value(ctx));
			if (text !== "") emit(ctx, text, at);
		};
	}

	private unknownTag(token: TagToken): TemplateFailure {
		const names = Object.keys(TAG_ENTRIES);
		const hint = didYouMean(token.name, [...names, ...CLOSING_TAGS]);
		return new TemplateFailure(token.at, `unknown tag "${token.name}"${hint || ` (tags are ${names.join(", ")})`}`);
	}

	private tag(token: TagToken): Part | undefined {
		// Only documented tags compile, so the reference lists exactly what works.
		if (!Object.hasOwn(TAG_ENTRIES, token.name) && !CLOSING_TAGS.has(token.name)) throw this.unknownTag(token);
		switch (token.name) {
			case "if":
				return this.conditional(token, false);
			case "unless":
				return this.conditional(token, true);
			case "for":
				return this.loop(token);
			case "assign":
				return this.assign(token);
			case "capture":
				return this.capture(token);
			case "case":
				return this.caseTag(token);
			case "render":
				return this.renderTag(token);
			case "#":
				return undefined;
			default:
				if (CLOSING_TAGS.has(token.name)) {
					throw new TemplateFailure(token.at, `unexpected {% ${token.name} %}: nothing open here to close`);
				}
				throw this.unknownTag(token);
		}
	}

	private closed(opening: TagToken, closers: string[]): { parts: Part[]; end: TagToken } {
		const { parts, end } = this.block(closers);
		if (!end)
			throw new TemplateFailure(opening.at, `{% ${opening.name} %} is never closed: add {% end${opening.name} %}`);
		return { parts, end };
	}

	private conditional(token: TagToken, negate: boolean): Part {
		const branches: { test: Evaluate; body: Render }[] = [];
		let otherwise = nothing;
		let test = this.condition(token);
		const endName = `end${token.name}`;
		const closers = negate ? ["else", endName] : ["elsif", "else", endName];
		for (;;) {
			const { parts, end } = this.closed(token, closers);
			branches.push({ test, body: sequence(parts) });
			if (end.name === "elsif") {
				test = this.condition(end);
				continue;
			}
			if (end.name === "else") {
				this.expectNoArgs(end);
				otherwise = sequence(this.closed(token, [endName]).parts);
			}
			break;
		}
		if (negate) {
			const [only] = branches as [{ test: Evaluate; body: Render }];
			return (ctx) => (isTruthy(only.test(ctx)) ? otherwise(ctx) : only.body(ctx));
		}
		if (branches.length === 1) {
			const [only] = branches as [{ test: Evaluate; body: Render }];
			return (ctx) => (isTruthy(only.test(ctx)) ? only.body(ctx) : otherwise(ctx));
		}
		return (ctx) => {
			for (const branch of branches) {
				if (isTruthy(branch.test(ctx))) return branch.body(ctx);
			}
			otherwise(ctx);
		};
	}

	private condition(token: TagToken): Evaluate {
		const parser = this.expression(token);
		if (!parser.peek()) throw new TemplateFailure(token.at, `{% ${token.name} %} needs a condition`);
		const test = parser.condition();
		parser.finish();
		return test;
	}

	private expectNoArgs(token: TagToken): void {
		this.expression(token).finish();
	}

	private loop(token: TagToken): Part {
		const parser = this.expression(token);
		const variable = parser.word("a loop variable: {% for entry in section.entries %}").value;
		if (!parser.accept("in")) parser.fail('expected "in"');
		const list = parser.value();
		let reversed = false;
		let limit: Evaluate | undefined;
		let offset: Evaluate | undefined;
		while (parser.peek()) {
			if (parser.accept("reversed")) reversed = true;
			else if (parser.accept("limit")) {
				if (!parser.accept(":")) parser.fail('expected ":" after limit');
				limit = parser.value();
			} else if (parser.accept("offset")) {
				if (!parser.accept(":")) parser.fail('expected ":" after offset');
				offset = parser.value();
			} else parser.fail("expected reversed, limit: or offset:");
		}
		const slot = this.bindings.length;
		const forloopBinding = { name: "forloop", used: false };
		this.bindings.push({ name: variable, used: false }, forloopBinding);
		const { parts, end } = this.closed(token, ["else", "endfor"]);
		this.bindings.length = slot;
		const body = sequence(parts);
		const usesForloop = forloopBinding.used;
		let otherwise = nothing;
		if (end.name === "else") {
			this.expectNoArgs(end);
			otherwise = sequence(this.closed(token, ["endfor"]).parts);
		}
		return (ctx) => {
			const value = list(ctx);
			if (value === null || value === undefined) return otherwise(ctx);
			if (!Array.isArray(value)) throw new TemplateFailure(token.argsAt, "{% for %} can only loop over a list");
			let items: unknown[] = value;
			const from = offset ? Number(offset(ctx)) || 0 : 0;
			const count = limit ? Number(limit(ctx)) : items.length;
			if (from > 0 || count < items.length) items = items.slice(from, from + Math.max(count, 0));
			if (reversed) items = [...items].reverse();
			if (items.length === 0) return otherwise(ctx);
			ctx.iterations += items.length;
			if (ctx.iterations > MAX_ITERATIONS) throw new TemplateFailure(token.at, "the template loops too many times");
			const slots = ctx.slots;
			const length = items.length;
			try {
				for (let i = 0; i < length; i++) {
					slots[slot] = items[i];
					if (usesForloop) {
						slots[slot + 1] = {
							index: i + 1,
							index0: i,
							rindex: length - i,
							rindex0: length - i - 1,
							first: i === 0,
							last: i === length - 1,
							length,
						};
					}
					body(ctx);
				}
			} catch (error) {
				// Output over the limit is placed at the innermost loop that produced it.
				throw error instanceof TemplateFailure && error.at === UNPLACED
					? new TemplateFailure(token.at, error.message)
					: error;
			}
		};
	}

	private assign(token: TagToken): Part {
		const parser = this.expression(token);
		const name = parser.word("a variable name: {% assign name = value %}").value;
		if (!parser.accept("=")) parser.fail('expected "="');
		const value = parser.filtered();
		parser.finish();
		return (ctx) => {
			ctx.assigned.set(name, value(ctx));
		};
	}

	private capture(token: TagToken): Part {
		const parser = this.expression(token);
		const name = parser.word("a variable name: {% capture name %}").value;
		parser.finish();
		const body = sequence(this.closed(token, ["endcapture"]).parts);
		return (ctx) => {
			const { rope, chunks, size } = ctx;
			ctx.rope = "";
			ctx.chunks = [];
			try {
				body(ctx);
				// Already escaped for the format while it was rendered; do not escape it twice.
				ctx.assigned.set(name, new SafeString(collect(ctx)));
			} finally {
				ctx.rope = rope;
				ctx.chunks = chunks;
				ctx.size = size;
			}
		};
	}

	private caseTag(token: TagToken): Part {
		const parser = this.expression(token);
		if (!parser.peek()) throw new TemplateFailure(token.at, "{% case %} needs a value: {% case entry.group %}");
		const subject = parser.value();
		parser.finish();
		// As in Liquid, anything between {% case %} and the first {% when %} is dropped.
		let { end } = this.closed(token, ["when", "else", "endcase"]);
		const branches: { values: Evaluate[]; body: Render }[] = [];
		let otherwise = nothing;
		while (end.name === "when") {
			const when = this.expression(end);
			const values: Evaluate[] = [];
			if (!when.peek()) throw new TemplateFailure(end.at, '{% when %} needs a value: {% when "list" %}');
			do values.push(when.value());
			while (when.accept(",") || when.accept("or"));
			when.finish();
			const next = this.closed(token, ["when", "else", "endcase"]);
			branches.push({ values, body: sequence(next.parts) });
			end = next.end;
		}
		if (end.name === "else") {
			this.expectNoArgs(end);
			otherwise = sequence(this.closed(token, ["endcase"]).parts);
		}
		return (ctx) => {
			const value = subject(ctx);
			for (const branch of branches) {
				for (const candidate of branch.values) {
					if (isEqual(value, candidate(ctx))) return branch.body(ctx);
				}
			}
			otherwise(ctx);
		};
	}

	/** The compiled partial by name, compiled on first use; a partial may name itself (bounded when rendered). */
	private partial(name: string, at: number): () => Render {
		const { sources, compiled } = this.partials;
		if (!Object.hasOwn(sources, name)) {
			const names = Object.keys(sources);
			const hint = didYouMean(name, names);
			const known = names.length ? ` (partials are ${names.join(", ")})` : " (no partials are defined)";
			throw new TemplateFailure(at, `unknown partial "${name}"${hint || known}`);
		}
		if (!compiled.has(name)) {
			const source = sources[name] as string;
			compiled.set(name, nothing);
			try {
				compiled.set(name, new Compiler(tokenize(source), this.filters, this.partials).compile());
			} catch (error) {
				compiled.delete(name);
				throw inPartial(name, source, at, error);
			}
		}
		return () => compiled.get(name) as Render;
	}

	private renderTag(token: TagToken): Part {
		const parser = this.expression(token);
		// A quoted name, or (as LiquidJS's dynamic partials) a variable holding the name, such as
		// section.partial: the partial is then looked up when the tag runs.
		const quoted = parser.peek()?.type === "string";
		const named: Evaluate | undefined = quoted ? undefined : parser.value();
		const name = quoted ? parser.quoted('the partial\'s name in quotes: {% render "entry" %}').value : "";
		let each: { list: Evaluate; as: string } | undefined;
		let single: { value: Evaluate; as: string } | undefined;
		const isFor = parser.accept("for");
		if (isFor || parser.accept("with")) {
			const value = parser.value();
			const as = parser.accept("as")
				? parser.word("a name after as").value
				: named
					? parser.fail(
							"a partial named by a variable needs a name after as: {% render section.partial with section as section %}",
						)
					: name;
			if (isFor) each = { list: value, as };
			else single = { value, as };
		}
		const args: [string, Evaluate][] = [];
		parser.accept(",");
		while (parser.peek()) {
			const key = parser.word('an argument name: {% render "entry", entry: e %}').value;
			if (!parser.accept(":")) parser.fail(`expected ":" after ${key}`);
			args.push([key, parser.value()]);
			if (!parser.accept(",")) break;
		}
		parser.finish();
		const at = token.at;
		const fixed = named ? undefined : this.partial(name, at);
		const run = (ctx: Context, extra?: [string, unknown][]): void => {
			const partialName = named ? String(named(ctx) ?? "") : name;
			const target = fixed ?? this.partial(partialName, at);
			const source = this.partials.sources[partialName];
			if (ctx.depth >= MAX_PARTIAL_DEPTH) {
				throw new DepthFailure(
					at,
					`partials render partials more than ${MAX_PARTIAL_DEPTH} deep: does "${partialName}" render itself?`,
				);
			}
			const assigned = new Map<string, unknown>();
			for (const [key, value] of args) assigned.set(key, value(ctx));
			if (extra) for (const [key, value] of extra) assigned.set(key, value);
			const child: Context = { ...ctx, assigned, slots: [], depth: ctx.depth + 1 };
			try {
				target()(child);
			} catch (error) {
				if (error instanceof DepthFailure) throw new DepthFailure(at, error.message);
				throw inPartial(partialName, source ?? "", at, error);
			} finally {
				ctx.rope = child.rope;
				ctx.chunks = child.chunks;
				ctx.size = child.size;
				ctx.iterations = child.iterations;
			}
		};
		if (single) {
			const { value, as } = single;
			return (ctx) => run(ctx, [[as, value(ctx)]]);
		}
		if (each) {
			const { list, as } = each;
			return (ctx) => {
				const value = list(ctx);
				const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
				ctx.iterations += items.length;
				if (ctx.iterations > MAX_ITERATIONS) throw new TemplateFailure(at, "the template loops too many times");
				const length = items.length;
				for (let i = 0; i < length; i++) {
					const forloop = {
						index: i + 1,
						index0: i,
						rindex: length - i,
						rindex0: length - i - 1,
						first: i === 0,
						last: i === length - 1,
						length,
					};
					run(ctx, [
						[as, items[i]],
						["forloop", forloop],
					]);
				}
			};
		}
		return (ctx) => run(ctx);
	}
}

/** A failure inside a partial, reported at the render tag with the partial's own line and column. */
function inPartial(name: string, source: string, at: number, error: unknown): unknown {
	if (!(error instanceof TemplateFailure) || error instanceof DepthFailure) return error;
	// Output over the limit, made by the partial's own text: placed at the render tag.
	if (error.at === UNPLACED) return new TemplateFailure(at, error.message);
	const { line, column } = positionAt(source, error.at);
	return new TemplateFailure(at, `in partial "${name}" (line ${line}, column ${column}): ${error.message}`);
}

/**
 * Compile tokens into a render function. Throws TemplateFailure with a
 * source offset. `partials` holds the curator's named partials for
 * `{% render %}`; each is compiled once, when a template first names it.
 */
export function compileTokens(tokens: Token[], filters: Filters, partials?: PartialSet): Render {
	return new Compiler(tokens, filters, partials ?? { sources: {}, compiled: new Map() }).compile();
}
