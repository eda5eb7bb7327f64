import { collect, compileTokens, type Render } from "./compile.ts";
import type { Context, FilterTable } from "./context.ts";
import { toTemplateError } from "./errors.ts";
import { escapeHtml } from "./html-escape.ts";
import { tokenize } from "./lexer.ts";
import { SafeString } from "./safe.ts";
import { toText } from "./values.ts";

/*
 * The template language: Liquid's names and arguments, interpreted. The
 * full list of tags and filters, with examples, is templateReference() in
 * reference.ts, built from the tables the compiler and filters use.
 *   {{ value | filter: arg, arg }}   output (HTML-escaped in the html format)
 *   {% if a == b and c %} … {% elsif d %} … {% else %} … {% endif %}, and {% unless %}
 *     operators ==, !=, <, >, <=, >=, contains; literals "text", 3, true, false, nil, empty, blank
 *   {% for x in list reversed limit: 5 offset: 1 %} … {% else %} … {% endfor %}
 *     forloop.index, index0, rindex, rindex0, first, last, length
 *   {% assign x = value | filter %}, {% capture x %} … {% endcapture %}
 *   {% case x %}{% when "a", "b" %} … {% else %} … {% endcase %}
 *   {% render "name", key: value %}, {% render "name" for list as item %}: the curator's partials
 *   {% comment %} … {% endcomment %}, {% raw %} … {% endraw %}, {% # a note %}
 *   {%- -%} and {{- -}} remove the whitespace (newlines included) on that side.
 * Unlike Shopify Liquid: "" and [] are false in conditions; an unknown
 * variable, field or filter is an error (with its line and column), not
 * silence; there is no include or layout, and no (1..n) ranges.
 */

/** How output values are escaped: "html" escapes everything but SafeString; "none" writes text as is. */
export type EscapeMode = "html" | "none";

/** Options for compiling a template. */
export interface CompileOptions {
	/** The curator's named partials for `{% render "name" %}`: source text by name. */
	partials?: Readonly<Record<string, string>>;
}

/** A template compiled once and rendered many times. */
export interface CompiledTemplate {
	/** Render with these variables. Throws TemplateError with the line and column of the failing tag. */
	render(data: Record<string, unknown>, escaping: EscapeMode): string;
}

function escapeForHtml(value: unknown): string {
	return value instanceof SafeString ? value.value : escapeHtml(toText(value));
}

const CACHE_SIZE = 32;

/**
 * A Liquid-style template interpreter: templates are parsed into a tree of
 * closures, never into JavaScript source, so it runs under a CSP that
 * forbids eval. Templates are cached by source text, so re-rendering the
 * same template (a live preview) compiles it once.
 */
export class TemplateEngine {
	private readonly filters: FilterTable;
	private readonly cache = new Map<string, CompiledTemplate>();

	constructor(filters: FilterTable) {
		this.filters = filters;
	}

	/** The filters this engine knows, with their documentation where they have it. */
	get filterTable(): FilterTable {
		return this.filters;
	}

	/**
	 * Compile a template, or throw TemplateError with the line and column of
	 * the mistake. A partial it renders is compiled with it, once.
	 */
	compile(source: string, options: CompileOptions = {}): CompiledTemplate {
		const partials = options.partials ?? {};
		const names = Object.keys(partials);
		// The partials are part of what was compiled: the same template with other partials is another entry.
		const key = names.length === 0 ? source : JSON.stringify([source, names.sort().map((n) => [n, partials[n]])]);
		const cached = this.cache.get(key);
		if (cached) return cached;
		let render: Render;
		try {
			render = compileTokens(tokenize(source), this.filters, { sources: partials, compiled: new Map() });
		} catch (error) {
			throw toTemplateError(source, error);
		}
		const template: CompiledTemplate = {
			render(data, escaping) {
				const ctx: Context = {
					data,
					assigned: new Map(),
					slots: [],
					rope: "",
					chunks: [],
					size: 0,
					escape: escaping === "html" ? escapeForHtml : toText,
					iterations: 0,
					depth: 0,
				};
				try {
					render(ctx);
					return collect(ctx);
				} catch (error) {
					throw toTemplateError(source, error);
				}
			},
		};
		if (this.cache.size >= CACHE_SIZE) {
			const oldest = this.cache.keys().next().value;
			if (oldest !== undefined) this.cache.delete(oldest);
		}
		this.cache.set(key, template);
		return template;
	}

	/** Compile (or reuse) and render in one call. */
	render(source: string, data: Record<string, unknown>, escaping: EscapeMode, options?: CompileOptions): string {
		return this.compile(source, options).render(data, escaping);
	}
}
