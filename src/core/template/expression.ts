import type { Context, FilterFunction, FilterTable, Resolver } from "./context.ts";
import { TemplateFailure } from "./errors.ts";
import { checkLength } from "./limits.ts";
import { didYouMean } from "./suggest.ts";
import {
	BLANK,
	compareValues,
	containsValue,
	EMPTY,
	fieldOf,
	isEqual,
	isTruthy,
	MISSING,
	missingFieldReason,
} from "./values.ts";

/** A compiled expression. */
export type Evaluate = (ctx: Context) => unknown;

interface Lexeme {
	type: "number" | "string" | "word" | "operator" | "punct";
	value: string;
	at: number;
}

const LEXEME =
	/\s*(?:(-?\d+(?:\.\d+)?)(?![\w.])|"([^"]*)"|'([^']*)'|([A-Za-z_]\w*\??)|(==|!=|<>|<=|>=|<|>)|([.[\]|:,=]))/y;

function lex(text: string, offset: number): Lexeme[] {
	const lexemes: Lexeme[] = [];
	let index = 0;
	while (index < text.length) {
		LEXEME.lastIndex = index;
		const match = LEXEME.exec(text);
		if (!match) {
			const rest = text.slice(index);
			const skipped = rest.length - rest.trimStart().length;
			if (skipped === rest.length) break;
			const at = offset + index + skipped;
			const char = rest.trimStart()[0];
			if (char === '"' || char === "'") throw new TemplateFailure(at, `text in quotes is never closed: add ${char}`);
			throw new TemplateFailure(at, `unexpected "${char}"`);
		}
		const at = offset + index + (match[0].length - match[0].trimStart().length);
		if (match[1] !== undefined) lexemes.push({ type: "number", value: match[1], at });
		else if (match[2] !== undefined) lexemes.push({ type: "string", value: match[2], at });
		else if (match[3] !== undefined) lexemes.push({ type: "string", value: match[3], at });
		else if (match[4] !== undefined) lexemes.push({ type: "word", value: match[4], at });
		else if (match[5] !== undefined) lexemes.push({ type: "operator", value: match[5], at });
		else lexemes.push({ type: "punct", value: match[6] ?? "", at });
		index = LEXEME.lastIndex;
	}
	return lexemes;
}

/** One `.field` or `[key]` step of a path; a field that does not exist fails at its position. */
function step(base: Evaluate, key: (ctx: Context) => unknown, at: number, where: string): Evaluate {
	return (ctx) => {
		const value = base(ctx);
		const raw = key(ctx);
		const name = typeof raw === "number" ? raw : String(raw);
		const result = fieldOf(value, name);
		if (result === MISSING) throw new TemplateFailure(at, missingFieldReason(value, name, where));
		return result;
	};
}

/**
 * A `.field` step with its name known when compiling: the same result as
 * step, with the common case (an own field of a plain object) read directly.
 */
function fieldStep(base: Evaluate, name: string, at: number, where: string): Evaluate {
	// Object.prototype's one inherited property that is not a function.
	const direct = name !== "__proto__";
	return (ctx) => {
		const value = base(ctx);
		// A plain object (the issue, a section, an entry), read directly: a value that is neither undefined nor
		// a function can only be its own field (Object.prototype has nothing else). No Array.isArray, instanceof
		// or hasOwn on the way: this runs for every field of every entry in every format.
		if (direct && typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
			const field = (value as Record<string, unknown>)[name];
			if (field !== undefined && typeof field !== "function") return field;
		}
		const result = fieldOf(value, name);
		if (result === MISSING) throw new TemplateFailure(at, missingFieldReason(value, name, where));
		return result;
	};
}

const LITERALS: Record<string, unknown> = {
	true: true,
	false: false,
	nil: null,
	null: null,
	empty: EMPTY,
	blank: BLANK,
};

/** Recursive-descent parser for Liquid expressions, producing closures (never eval). */
export class ExpressionParser {
	private readonly lexemes: Lexeme[];
	private index = 0;
	private readonly end: number;
	private readonly filters: FilterTable;
	private readonly resolve: Resolver;

	constructor(text: string, offset: number, filters: FilterTable, resolve: Resolver) {
		this.lexemes = lex(text, offset);
		this.end = offset + text.length;
		this.filters = filters;
		this.resolve = resolve;
	}

	/** The next lexeme without consuming it. */
	peek(): Lexeme | undefined {
		return this.lexemes[this.index];
	}

	/** Consume the next lexeme if it is this word or punctuation. */
	accept(value: string): boolean {
		const next = this.peek();
		if (next && next.type !== "string" && next.value === value) {
			this.index++;
			return true;
		}
		return false;
	}

	/** Consume a bare word (a variable or tag keyword), or fail with what was expected. */
	word(expected: string): Lexeme {
		const next = this.peek();
		if (next?.type !== "word") this.fail(`expected ${expected}`);
		this.index++;
		return next as Lexeme;
	}

	/** Consume text in quotes (a partial's name), or fail with what was expected. */
	quoted(expected: string): Lexeme {
		const next = this.peek();
		if (next?.type !== "string") this.fail(`expected ${expected}`);
		this.index++;
		return next as Lexeme;
	}

	/** Fail unless every lexeme has been consumed. */
	finish(): void {
		const next = this.peek();
		if (next) throw new TemplateFailure(next.at, `unexpected "${next.value}"`);
	}

	/** Throw a positioned failure at the next lexeme (or the end of the expression). */
	fail(reason: string): never {
		throw new TemplateFailure(this.peek()?.at ?? this.end, reason);
	}

	/** A literal or a variable path such as `entry.via.name` or `section.entries[0]`. */
	value(): Evaluate {
		const next = this.peek();
		if (!next) this.fail("expected a value");
		this.index++;
		if (next.type === "number") {
			const number = Number(next.value);
			return () => number;
		}
		if (next.type === "string") {
			const text = next.value;
			return () => text;
		}
		if (next.type !== "word") throw new TemplateFailure(next.at, `expected a value, found "${next.value}"`);
		if (Object.hasOwn(LITERALS, next.value)) {
			const literal = LITERALS[next.value];
			return () => literal;
		}
		return this.path(next);
	}

	private path(root: Lexeme): Evaluate {
		let current = this.resolve(root.value, root.at);
		let where = root.value;
		for (;;) {
			if (this.accept(".")) {
				const key = this.word('a field name after "."');
				current = fieldStep(current, key.value, key.at, where);
				where = `${where}.${key.value}`;
			} else if (this.peek()?.value === "[" && this.peek()?.type === "punct") {
				const at = this.peek()?.at ?? this.end;
				this.index++;
				const key = this.value();
				if (!this.accept("]")) this.fail('expected "]"');
				current = step(current, (ctx) => key(ctx), at, where);
				where = `${where}[…]`;
			} else return current;
		}
	}

	private comparison(): Evaluate {
		const left = this.value();
		const next = this.peek();
		const op =
			next && (next.type === "operator" || (next.type === "word" && next.value === "contains"))
				? next.value
				: undefined;
		if (!op) return left;
		this.index++;
		const right = this.value();
		switch (op) {
			case "==":
				return (ctx) => isEqual(left(ctx), right(ctx));
			case "!=":
			case "<>":
				return (ctx) => !isEqual(left(ctx), right(ctx));
			case "contains":
				return (ctx) => containsValue(left(ctx), right(ctx));
			default:
				return (ctx) => compareValues(left(ctx), right(ctx), op);
		}
	}

	/** `a and b or c`, grouped from the right as Liquid does: a and (b or c). */
	condition(): Evaluate {
		const left = this.comparison();
		if (this.accept("and")) {
			const right = this.condition();
			return (ctx) => isTruthy(left(ctx)) && isTruthy(right(ctx));
		}
		if (this.accept("or")) {
			const right = this.condition();
			return (ctx) => isTruthy(left(ctx)) || isTruthy(right(ctx));
		}
		return left;
	}

	/** A value followed by filters: `entry.title | md_text | default: "Untitled"`. */
	filtered(): Evaluate {
		let current = this.value();
		while (this.accept("|")) {
			const nameLexeme = this.word('a filter name after "|"');
			const name = nameLexeme.value;
			if (!Object.hasOwn(this.filters, name)) {
				throw new TemplateFailure(
					nameLexeme.at,
					`unknown filter "${name}"${didYouMean(name, Object.keys(this.filters))}`,
				);
			}
			const entry = this.filters[name] as FilterTable[string];
			const filter: FilterFunction = typeof entry === "function" ? entry : entry.fn;
			const args: Evaluate[] = [];
			if (this.accept(":")) {
				do args.push(this.value());
				while (this.accept(","));
			}
			const input = current;
			const fail = (error: unknown): never => {
				if (error instanceof TemplateFailure) throw error;
				const reason = error instanceof Error ? error.message : String(error);
				throw new TemplateFailure(nameLexeme.at, `filter "${name}" failed: ${reason}`);
			};
			const [first, second] = args;
			if (args.length === 0) {
				current = (ctx) => {
					try {
						return checkLength(filter(input(ctx)), nameLexeme.at);
					} catch (error) {
						return fail(error);
					}
				};
			} else if (args.length === 1 && first) {
				current = (ctx) => {
					try {
						return checkLength(filter(input(ctx), first(ctx)), nameLexeme.at);
					} catch (error) {
						return fail(error);
					}
				};
			} else if (args.length === 2 && first && second) {
				current = (ctx) => {
					try {
						return checkLength(filter(input(ctx), first(ctx), second(ctx)), nameLexeme.at);
					} catch (error) {
						return fail(error);
					}
				};
			} else {
				current = (ctx) => {
					try {
						return checkLength(filter(input(ctx), ...args.map((arg) => arg(ctx))), nameLexeme.at);
					} catch (error) {
						return fail(error);
					}
				};
			}
		}
		return current;
	}
}
