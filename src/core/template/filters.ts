import type { FilterFunction } from "./context.ts";
import { escapeHtml } from "./html-escape.ts";
import { SafeString } from "./safe.ts";
import { isTruthy, toText } from "./values.ts";

const LINE_BREAK = /[\r\n]/;

function lines(text: string): string[] {
	return text.split(/\r\n?|\n/);
}

function toInteger(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.trunc(number) : fallback;
}

/** Prefix every line; a blank line gets the prefix without its trailing spaces ("> " → ">"). */
export function prefixLines(text: string, prefix: string): string {
	const bare = prefix.trimEnd();
	if (!LINE_BREAK.test(text)) return text.trim() === "" ? bare : prefix + text;
	return lines(text)
		.map((line) => (line.trim() === "" ? bare : prefix + line))
		.join("\n");
}

/**
 * Filters available in every format, named as in Liquid where Liquid has
 * one. Each takes the piped value first; none can reach anything but its
 * arguments.
 */
export const STANDARD_FILTERS: Readonly<Record<string, FilterFunction>> = {
	default: (value, fallback) => (isTruthy(value) ? value : fallback),
	upcase: (value) => toText(value).toUpperCase(),
	downcase: (value) => toText(value).toLowerCase(),
	capitalize: (value) => {
		const text = toText(value);
		return text.charAt(0).toUpperCase() + text.slice(1);
	},
	strip: (value) => toText(value).trim(),
	lstrip: (value) => toText(value).trimStart(),
	rstrip: (value) => toText(value).trimEnd(),
	size: (value) => (Array.isArray(value) ? value.length : toText(value).length),
	first: (value) => (Array.isArray(value) ? value[0] : undefined),
	last: (value) => (Array.isArray(value) ? value[value.length - 1] : undefined),
	join: (value, separator = " ") =>
		Array.isArray(value) ? value.map((item) => toText(item)).join(toText(separator)) : toText(value),
	append: (value, suffix) => toText(value) + toText(suffix),
	prepend: (value, prefix) => toText(prefix) + toText(value),
	replace: (value, search, replacement) => toText(value).split(toText(search)).join(toText(replacement)),
	remove: (value, search) => toText(value).split(toText(search)).join(""),
	truncate: (value, length = 50, ellipsis = "...") => {
		const text = toText(value);
		const max = toInteger(length, 50);
		const tail = toText(ellipsis);
		return text.length <= max ? text : text.slice(0, Math.max(max - tail.length, 0)) + tail;
	},
	escape: (value) => new SafeString(escapeHtml(toText(value))),
	json: (value, indent = 0) => JSON.stringify(value ?? null, null, toInteger(indent, 0)),
	/** Prefix each line: `{{ entry.quote | prefix_lines: "> " }}` makes a Markdown blockquote. */
	prefix_lines: (value, prefix = "") => prefixLines(toText(value), toText(prefix)),
	/** Indent each non-blank line by N spaces. */
	indent: (value, count = 2) => {
		const pad = " ".repeat(Math.min(Math.max(toInteger(count, 2), 0), 80));
		return lines(toText(value))
			.map((line) => (line.trim() === "" ? "" : pad + line))
			.join("\n");
	},
	/** A line of the given character as long as the text: `{{ section.name | underline: "-" }}`. */
	underline: (value, char = "-") => toText(char || "-").repeat(Array.from(toText(value)).length),
};
