import { codeSpanEnd, defuseMarkdown } from "./markdown-defuse.ts";

/**
 * Escaping for text placed into Markdown. CommonMark lets a backslash escape
 * any ASCII punctuation, so an escape never changes what a reader sees, only
 * what the text can do.
 */

const INLINE_SPECIAL = /[\\`*_[\]<]/g;
const INLINE_SPECIAL_ANY = /[\\`*_[\]<]/;
const ENTITY_LIKE = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;
const LINE_BREAK = /[\r\n]/;
const LINK_TEXT_SPECIAL = /[[\]\\`<]/;
// At the start of a line these would make a heading, quote, list or rule.
const BLOCK_START = /^(#|>|[-+=]|\d{1,9}(?=[.)]))/;
// "## Title #" drops a closing run of #; keep it visible.
const CLOSING_HASHES = /(\s)(#+)$/;

/**
 * Plain text (a title, a name, a group) as Markdown that shows exactly that
 * text: link brackets, emphasis, code, HTML and entities are escaped, line
 * breaks become spaces, and a leading "#", ">", "-", "1." cannot start a block.
 */
export function escapeMarkdownText(text: string): string {
	let out = LINE_BREAK.test(text) ? text.replace(LINE_BREAKS, " ") : text;
	if (INLINE_SPECIAL_ANY.test(out)) out = out.replace(INLINE_SPECIAL, "\\$&");
	if (out.includes("&")) out = out.replace(ENTITY_LIKE, "\\&");
	const start = BLOCK_START.exec(out);
	if (start?.[1]) {
		const marker = start[1];
		// "1." is escaped on its dot; the others on themselves.
		out = /^\d/.test(marker) ? `${marker}\\${out.slice(marker.length)}` : `\\${out}`;
	}
	return out.endsWith("#") ? out.replace(CLOSING_HASHES, "$1\\$2") : out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what gets percent-encoded.
const URL_UNSAFE = /[\s()<>\\\x00-\x1f\x7f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const URL_UNSAFE_ANY = /[\s()<>\\\x00-\x1f\x7f]/;

/**
 * A URL as a Markdown link destination: parentheses are backslash-escaped
 * (CommonMark reads back exactly the same URL), spaces, angle brackets,
 * backslashes and control characters percent-encoded, so the URL can
 * neither end the link early nor smuggle in more Markdown.
 */
export function escapeMarkdownUrl(url: string): string {
	if (!URL_UNSAFE_ANY.test(url)) return url;
	return url.replace(URL_UNSAFE, (char) =>
		char === "(" || char === ")" ? `\\${char}` : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
	);
}

// Link text without brackets inside, so a run of "[" cannot make the search quadratic.
const INLINE_LINK = /(!?)\[((?:\\.|[^\\[\]])*)\]\((?:\\.|[^\\()])*\)/g;
const AUTOLINK = /<([A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>]*)>/g;

/**
 * Markdown (a note) used as the text of a link, `[text](url)`: on one line,
 * with its own links reduced to their text (links cannot nest) and every
 * remaining bracket outside code escaped, so it cannot close the link early;
 * raw HTML is made inert as by defuseMarkdown.
 */
export function markdownLinkText(markdown: string): string {
	let text = LINE_BREAK.test(markdown) ? markdown.replace(LINE_BREAKS, " ") : markdown;
	text = defuseMarkdown(text);
	if (!LINK_TEXT_SPECIAL.test(text)) return text;
	text = text.replace(INLINE_LINK, "$2").replace(AUTOLINK, "$1");
	let out = "";
	let index = 0;
	const special = /[\\`[\]]/g;
	for (let match = special.exec(text); match; match = special.exec(text)) {
		const at = match.index;
		out += text.slice(index, at);
		const char = match[0];
		if (char === "\\") {
			// An escape pair stays as it is; a lone trailing backslash would escape our "]".
			out += at + 1 < text.length ? text.slice(at, at + 2) : "\\\\";
			index = at + 2;
		} else if (char === "`") {
			index = codeSpanEnd(text, at);
			out += text.slice(at, index);
		} else {
			out += `\\${char}`;
			index = at + 1;
		}
		special.lastIndex = index;
	}
	return out + text.slice(index);
}
