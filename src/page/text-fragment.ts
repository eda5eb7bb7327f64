/**
 * Text-fragment links (`#:~:text=`), which browsers scroll to and highlight.
 * Syntax: https://wicg.github.io/scroll-to-text-fragment/
 */

const EXACT_MAX_CHARS = 80;
const EDGE_WORDS = 4;
const MAX_TERM_CHARS = 300;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encode a text-directive term: everything encodeURIComponent does, plus "-" (with "&" and ",", the directive's own syntax). */
export function encodeTextTerm(term: string): string {
	return encodeURIComponent(term.replace(LONE_SURROGATE, "\uFFFD")).replace(/-/g, "%2D");
}

function words(line: string): string[] {
	return line.split(" ").filter(Boolean);
}

/**
 * The `text=` value for a quote: the exact text when it is short and within
 * one block, else `textStart,textEnd` made of the first words of its first
 * line and the last words of its last line (a match never crosses a block).
 */
export function textDirective(text: string): string | undefined {
	const lines = text
		.split(/\n+/)
		.map((line) => line.replace(/\s+/g, " ").trim())
		.filter(Boolean);
	const firstLine = lines[0];
	const lastLine = lines[lines.length - 1];
	if (firstLine === undefined || lastLine === undefined) return undefined;
	if (lines.length === 1) {
		const all = words(firstLine);
		if (firstLine.length <= EXACT_MAX_CHARS || all.length < 2)
			return encodeTextTerm(firstLine.slice(0, MAX_TERM_CHARS));
		const n = Math.min(EDGE_WORDS, Math.floor(all.length / 2));
		return `${encodeTextTerm(all.slice(0, n).join(" "))},${encodeTextTerm(all.slice(-n).join(" "))}`;
	}
	const start = words(firstLine).slice(0, EDGE_WORDS).join(" ").slice(0, MAX_TERM_CHARS);
	const end = words(lastLine).slice(-EDGE_WORDS).join(" ").slice(-MAX_TERM_CHARS);
	return `${encodeTextTerm(start)},${encodeTextTerm(end)}`;
}

/**
 * A link to `url` that scrolls to `text`: `url#:~:text=…`, or
 * `url#anchor:~:text=…` when the URL has an anchor. An old text directive in
 * `url` is replaced. Undefined when `text` has no words.
 */
export function textFragmentUrl(url: string, text: string): string | undefined {
	const directive = textDirective(text);
	if (!directive) return undefined;
	const hashAt = url.indexOf("#");
	const page = hashAt === -1 ? url : url.slice(0, hashAt);
	let anchor = hashAt === -1 ? "" : url.slice(hashAt + 1);
	const old = anchor.indexOf(":~:");
	if (old !== -1) anchor = anchor.slice(0, old);
	return `${page}#${anchor}:~:text=${directive}`;
}
