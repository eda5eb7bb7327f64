import { hasAnyOf, hasLineBreak } from "../text/scan.ts";
import { codeSpanEnd, defuseMarkdown } from "./markdown-defuse.ts";
import { type SafeHtmlKind, safeHtmlAt } from "./safe-html.ts";

/**
 * Escaping for text placed into Markdown. CommonMark lets a backslash escape
 * any ASCII punctuation, so an escape never changes what a reader sees, only
 * what the text can do.
 */

const INLINE_SPECIAL = /[\\`*_[\]<]/g;
const INLINE_SPECIAL_ANY = /[\\`*_[\]<]/;
const ENTITY_LIKE = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;
const LINK_TEXT_SPECIAL = "[]\\`<";
// At the start of a line these would make a heading, quote, list or rule.
const BLOCK_START = /^(#|>|[-+=]|\d{1,9}(?=[.)]))/;
// "## Title #" drops a closing run of #; keep it visible.
const CLOSING_HASHES = /(\s)(#+)$/;

/** The end of the code span opened by the backtick run at `at` (a closing run of exactly its length), or -1. */
function exactCodeSpanEnd(text: string, at: number): number {
	let run = 0;
	while (text[at + run] === "`") run++;
	for (let i = at + run; i < text.length; ) {
		if (text[i] !== "`") {
			i++;
			continue;
		}
		let close = 0;
		while (text[i + close] === "`") close++;
		if (close === run) return i + close;
		i += close;
	}
	return -1;
}

/** Text escaped so that no emphasis, link, code, HTML or entity can start in it. */
function escapeInline(text: string): string {
	const out = INLINE_SPECIAL_ANY.test(text) ? text.replace(INLINE_SPECIAL, "\\$&") : text;
	return out.includes("&") ? out.replace(ENTITY_LIKE, "\\&") : out;
}

const CODE_OR_TAG = /[`<]/g;

/**
 * Text escaped as Markdown except its code spans (kept as written) and the
 * allow-listed raw HTML of safe-html.ts (kept when balanced; not at the very
 * start, where a tag or comment could open a raw HTML block at a line's start).
 */
function escapeKeepingCodeAndSafeHtml(text: string): string {
	const parts: string[] = [];
	const tags: { at: number; kind: SafeHtmlKind; close: boolean }[] = [];
	let index = 0;
	CODE_OR_TAG.lastIndex = 0;
	for (let match = CODE_OR_TAG.exec(text); match; match = CODE_OR_TAG.exec(text)) {
		const at = match.index;
		let end = -1;
		if (match[0] === "`") end = exactCodeSpanEnd(text, at);
		else if (text.slice(0, at).trim() !== "") {
			const found = safeHtmlAt(text, at);
			if (found) {
				end = at + found.length;
				if (found.kind === "small" || found.kind === "sup")
					tags.push({ at: parts.length + 1, kind: found.kind, close: found.close });
			}
		}
		if (end === -1) {
			// An unmatched backtick run is escaped whole, so no part of it opens a span later.
			let runEnd = at + 1;
			while (match[0] === "`" && text[runEnd] === "`") runEnd++;
			CODE_OR_TAG.lastIndex = runEnd;
			continue;
		}
		parts.push(escapeInline(text.slice(index, at)), text.slice(at, end));
		index = end;
		CODE_OR_TAG.lastIndex = end;
	}
	parts.push(escapeInline(text.slice(index)));
	const open: (typeof tags)[number][] = [];
	const matched = new Set<number>();
	for (const tag of tags) {
		if (!tag.close) open.push(tag);
		else {
			const at = open.findLastIndex((o) => o.kind === tag.kind);
			if (at === -1) continue;
			matched.add((open[at] as (typeof tags)[number]).at).add(tag.at);
			open.length = at;
		}
	}
	for (const tag of tags) if (!matched.has(tag.at)) parts[tag.at] = `\\${parts[tag.at]}`;
	return parts.join("");
}

/**
 * Plain text (a title, a name, a group) as Markdown that shows exactly that
 * text: link brackets, emphasis, HTML and entities are escaped, line breaks
 * become spaces, and a leading "#", ">", "-", "1." cannot start a block.
 * Inline code (`x`) and the allow-listed HTML of safe-html.ts (<small>,
 * <sup>, <br>, comments) are kept, as a title may use them.
 */
export function escapeMarkdownText(text: string): string {
	let out = hasLineBreak(text) ? text.replace(LINE_BREAKS, " ") : text;
	if (out.includes("`") || out.includes("<")) out = escapeKeepingCodeAndSafeHtml(out);
	else out = escapeInline(out);
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
	let text = hasLineBreak(markdown) ? markdown.replace(LINE_BREAKS, " ") : markdown;
	text = defuseMarkdown(text);
	if (!hasAnyOf(text, LINK_TEXT_SPECIAL)) return text;
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
