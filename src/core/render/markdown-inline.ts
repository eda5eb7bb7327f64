import { escapeHtml } from "../template/html-escape.ts";
import { hasAnyOf, isAsciiAlnum } from "../text/scan.ts";
import { MARKDOWN_STYLES as S } from "./html-styles.ts";
import { isSafeLinkTarget } from "./markdown-tree.ts";

/*
 * A shortcut past the CommonMark parser for the commonest kind of note: one
 * line of prose with a few **strong**, *emphasis*, `code` and
 * [text](https://…) links. Only a deliberately narrow form is accepted,
 * narrow enough that CommonMark cannot read it any other way; anything
 * outside it (escapes, entities, HTML, images, underscores, nesting,
 * unusual delimiter runs, titles, odd characters in a destination) returns
 * undefined and goes through the parser as before. The renderers below write
 * exactly what markdown-html.ts and markdown-text.ts write for the tree
 * CommonMark would build (test/unit/render-markdown-inline.test.ts compares
 * the two on many generated notes).
 *
 * Why the accepted form parses one way only:
 * - One line, no leading or trailing whitespace, no NUL, and a first
 *   character that opens no block (no list, quote, heading, fence, rule or
 *   HTML block; `*` must be followed by a letter or digit, so it is no list
 *   marker or rule): the document is one paragraph of exactly this text.
 * - Outside the constructs, text has no `\`, `` ` ``, `*`, `_`, `[`, `]`,
 *   `<`; no `!` before `[` (an image) and no `&` that could start an entity.
 *   What remains is literal text (with smart punctuation off, as ours is).
 * - `*x*` and `**x**`: the opening run follows the start, a space, `(`, `"`
 *   or `'` and precedes an ASCII letter or digit, so it is left-flanking and
 *   not right-flanking: it can only open. The closing run of the same length
 *   follows an ASCII letter or digit and precedes the end, a space or ASCII
 *   punctuation, so it can only close. The text between has no special
 *   character, so the two pair with each other and nothing else.
 * - `` `x` ``: single backticks, the content without backticks and not
 *   starting or ending with a space (so nothing is stripped); a code span is
 *   read before anything inside it.
 * - `[text](dest)`: text without brackets or any special character, no
 *   title, a destination of characters that unescaping and URL normalising
 *   leave as they are (ASCII letters, digits, `;/?:@=+$,-_.!~*'#`, `&` not
 *   starting an entity, `%` followed by two hex digits): an inline link whose
 *   destination is exactly the text written.
 */

/** One piece of an inline note: literal text, emphasis, strong, code or a link (`href` and `safe` only for a link). */
export interface InlinePiece {
	kind: "text" | "em" | "strong" | "code" | "link";
	text: string;
	href: string;
	/** Whether the link may be live (isSafeLinkTarget), found once for every format. */
	safe: boolean;
}

const SPACE = /\s/;
const BLOCK_START = /^(?:\s|[-+=#|~:>]|\d{1,9}[.)])/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL is replaced by CommonMark, so it is not taken.
const SPECIAL = /[\x00\n\r\\`*_[\]<&!]/g;
// A superset of what CommonMark reads as an entity (&name; &#1; &#x1;).
const ENTITY_START = /&(?:#|[A-Za-z][A-Za-z\d]*;)/y;
const ENTITY_ANYWHERE = /&(?:#|[A-Za-z][A-Za-z\d]*;)/;
// Emphasis content and link text: no character CommonMark treats specially.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const INNER_TEXT = /^[^\x00\n\r\\`*_[\]<&!]+$/;
const DESTINATION = /^(?:[A-Za-z\d;/?:@=+$,\-_.!~*'#&]|%[\dA-Fa-f]{2})+$/;
const BEFORE_OPENER = " (\"'";
const AFTER_CLOSER = " .,;:!?)\"'-/";

/** Whether text has an ASCII letter or digit at index. */
function alnumAt(text: string, index: number): boolean {
	return isAsciiAlnum(text.charCodeAt(index));
}

/** The emphasis starting at `at` (a run of one or two `*`), or undefined when it is not of the accepted form. */
function emphasis(markdown: string, at: number, pieces: InlinePiece[]): number | undefined {
	const strong = markdown[at + 1] === "*";
	const run = strong ? 2 : 1;
	const before = at === 0 ? " " : (markdown[at - 1] as string);
	if (!BEFORE_OPENER.includes(before) || !alnumAt(markdown, at + run)) return undefined;
	const close = markdown.indexOf("*", at + run);
	if (close === -1) return undefined;
	const end = close + run;
	if (strong && markdown[close + 1] !== "*") return undefined;
	const after = markdown[end];
	if (after !== undefined && !AFTER_CLOSER.includes(after)) return undefined;
	const text = markdown.slice(at + run, close);
	if (!alnumAt(text, text.length - 1) || !INNER_TEXT.test(text)) return undefined;
	pieces.push({ kind: strong ? "strong" : "em", text, href: "", safe: false });
	return end;
}

/** The code span starting at `at`, or undefined when it is not of the accepted form. */
function code(markdown: string, at: number, pieces: InlinePiece[]): number | undefined {
	if (markdown[at + 1] === "`") return undefined;
	const close = markdown.indexOf("`", at + 1);
	if (close === -1 || markdown[close + 1] === "`") return undefined;
	const text = markdown.slice(at + 1, close);
	if (text === "" || text[0] === " " || text[text.length - 1] === " " || hasAnyOf(text, "\n\r\0")) return undefined;
	pieces.push({ kind: "code", text, href: "", safe: false });
	return close + 1;
}

/** The inline link starting at `at`, or undefined when it is not of the accepted form. */
function link(markdown: string, at: number, pieces: InlinePiece[]): number | undefined {
	const close = markdown.indexOf("]", at + 1);
	if (close === -1 || markdown[close + 1] !== "(") return undefined;
	const end = markdown.indexOf(")", close + 2);
	if (end === -1) return undefined;
	const text = markdown.slice(at + 1, close);
	const href = markdown.slice(close + 2, end);
	if (!INNER_TEXT.test(text) || !DESTINATION.test(href) || ENTITY_ANYWHERE.test(href)) return undefined;
	pieces.push({ kind: "link", text, href, safe: isSafeLinkTarget(href) });
	return end + 1;
}

/**
 * The pieces of a one-line note of the narrow form described above, or
 * undefined when CommonMark has to read it. Call only with Markdown that is
 * not blank.
 */
export function parseSimpleInline(markdown: string): InlinePiece[] | undefined {
	if (BLOCK_START.test(markdown) || SPACE.test(markdown[markdown.length - 1] ?? "")) return undefined;
	const pieces: InlinePiece[] = [];
	let index = 0;
	SPECIAL.lastIndex = 0;
	// test, not exec: no match object for each special character.
	while (SPECIAL.test(markdown)) {
		const at = SPECIAL.lastIndex - 1;
		const char = markdown[at];
		let end: number | undefined;
		if (char === "!") {
			if (markdown[at + 1] === "[") return undefined;
			continue;
		}
		if (char === "&") {
			ENTITY_START.lastIndex = at;
			if (ENTITY_START.test(markdown)) return undefined;
			continue;
		}
		if (at > index) pieces.push({ kind: "text", text: markdown.slice(index, at), href: "", safe: false });
		if (char === "*") end = emphasis(markdown, at, pieces);
		else if (char === "`") end = code(markdown, at, pieces);
		else if (char === "[") end = link(markdown, at, pieces);
		if (end === undefined) return undefined;
		index = end;
		SPECIAL.lastIndex = end;
	}
	if (index < markdown.length) pieces.push({ kind: "text", text: markdown.slice(index), href: "", safe: false });
	return pieces;
}

/** What the pieces render to as HTML: as markdown-html.ts renders a paragraph's inlines ("linkText": links as their text). */
export function simpleInlineHtml(pieces: readonly InlinePiece[], linkText: boolean): string {
	let out = "";
	for (const piece of pieces) {
		const text = escapeHtml(piece.text);
		switch (piece.kind) {
			case "text":
				out += text;
				break;
			case "em":
				out += `<em>${text}</em>`;
				break;
			case "strong":
				out += `<strong>${text}</strong>`;
				break;
			case "code":
				out += `<code style="${S.code}">${text}</code>`;
				break;
			default:
				out += linkText || !piece.safe ? text : `<a href="${escapeHtml(piece.href)}" style="${S.a}">${text}</a>`;
		}
	}
	return out;
}

/** Plain text for a link, as markdown-text.ts writes it: "text <url>", or the bare address. */
export function linkAsText(text: string, url: string): string {
	if (text === "" || text === url || `mailto:${text}` === url) return url.replace(/^mailto:/, "");
	return `${text} <${url}>`;
}

/** What the pieces render to as plain text, as markdown-text.ts renders a paragraph's inlines. */
export function simpleInlineText(pieces: readonly InlinePiece[]): string {
	let out = "";
	for (const piece of pieces) {
		out += piece.safe ? linkAsText(piece.text, piece.href) : piece.text;
	}
	return out;
}
