import type { Node } from "commonmark";
import { isAsciiAlnum, isAsciiLetter } from "../text/scan.ts";
import { markdownParser } from "./markdown-tree.ts";
import { escapeWriterText, isPublishableDestination, writeInertMarkdown } from "./markdown-write.ts";
import { isSafeHtmlBlock, type SafeHtmlKind, safeHtmlAt, safeInlineHtml } from "./safe-html.ts";

/*
 * Making Markdown from a web page (or pasted into a note) safe to publish
 * as Markdown, without changing how its harmless parts read.
 *
 * "Safe" is decided by the CommonMark parser, the one a static-site
 * generator would use: the defused Markdown parses to a tree with no raw
 * HTML (html_block, html_inline) but the allow-listed kind (safe-html.ts:
 * <small>, <sup>, <br> without attributes, balanced, and one-line comments,
 * which are kept as written) and no link, image or reference definition
 * whose destination has a scheme other than http, https or mailto (relative
 * destinations and #fragments are kept: they resolve against the site).
 * Markdown that already parses that way is returned exactly as written.
 * Otherwise, in order, until the result parses inert:
 *  1. line by line, outside the lines the parser put in code blocks, a "<"
 *     that could open a tag is escaped and an unsafe destination written on
 *     the same line as its "](" or "]:" points at "#" (the look of the
 *     Markdown is kept); allow-listed HTML is kept when balanced on its line,
 *     and if the result still is not inert, this is done again with every
 *     tag escaped, allowed or not;
 *  2. the whole text is written again from its parse tree (markdown-write.ts):
 *     same rendering, raw HTML as text, unsafe destinations "#";
 *  3. Markdown too deeply nested to parse quickly becomes escaped plain text.
 */

/** Length of the backtick run starting at index. */
function backtickRun(text: string, index: number): number {
	let end = index;
	while (text[end] === "`") end++;
	return end - index;
}

/** Where the code span starting at a backtick run ends (just the run when it is never closed). */
export function codeSpanEnd(text: string, at: number): number {
	const run = backtickRun(text, at);
	const close = text.indexOf("`".repeat(run), at + run);
	return close === -1 ? at + run : close + run;
}

const TAG_START = /^<[A-Za-z/!?]/;
const AUTOLINK_AT = /^<([A-Za-z][A-Za-z\d+.-]{1,31}):[^\s<>]*>/;
const EMAIL_AUTOLINK_AT =
	/^<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]*[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]*[A-Za-z\d])?)*>/;
const SAFE_SCHEME = /^(?:https?|mailto)$/i;
const DESTINATION = /^[ \t]*<?/;
const REFERENCE_DEFINITION = /^ {0,3}\[(?:\\.|[^\\\]])+\]:[ \t]*<?/;
const WEB_SCHEME = /^(?:https?|mailto):$/i;
// Tabs among a line's leading spaces, quote and list markers: they are expanded so
// the Markdown parses the same at the top level and inside a "> " quote.
const LEADING_TAB = /^[ >\-+*.)\d]*\t/m;
const LEADING_REGION = /^[\t >\-+*.)\d]*/gm;
// A line opening dozens of nested lists or quotes costs the parser the square of its depth.
const DEEP_NESTING = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))){32}/m;

/** A character of a URL scheme: an ASCII letter or digit, "+", "." or "-". */
function isSchemeChar(code: number): boolean {
	return isAsciiAlnum(code) || code === 0x2b || code === 0x2e || code === 0x2d;
}

/** Whether Markdown holds raw HTML's "<" or a link destination ("](" or a "]:" definition): all that defusing changes. */
function mayNeedDefusing(markdown: string): boolean {
	return markdown.includes("<") || (markdown.includes("]") && (markdown.includes("](") || markdown.includes("]:")));
}

/**
 * Whether Markdown plainly cannot hold raw HTML or an unsafe destination,
 * without parsing: no "<" (tags, autolinks), no entity or escape that could
 * spell one, and nothing scheme-like but http(s) and mailto.
 */
function plainlyInert(markdown: string): boolean {
	if (markdown.includes("<") || markdown.includes("&") || markdown.includes("\\")) return false;
	// Each ":" with something after it: the scheme-like run before it must be a web scheme.
	for (let colon = markdown.indexOf(":"); colon !== -1; colon = markdown.indexOf(":", colon + 1)) {
		const next = markdown.charCodeAt(colon + 1);
		if (Number.isNaN(next) || next <= 32) continue;
		let start = colon;
		while (start > 0 && isSchemeChar(markdown.charCodeAt(start - 1))) start--;
		while (start < colon && !isAsciiLetter(markdown.charCodeAt(start))) start++;
		if (start < colon && !WEB_SCHEME.test(markdown.slice(start, colon + 1))) return false;
	}
	return true;
}

/** The CommonMark tree of Markdown and whether it is inert (see the top of this file). */
export function inspectMarkdown(markdown: string): { tree: Node; inert: boolean } {
	const parser = markdownParser();
	const tree = parser.parse(markdown);
	const refmap = (parser as unknown as { refmap: Record<string, { destination: string }> }).refmap;
	let inert = Object.values(refmap).every((ref) => isPublishableDestination(ref.destination));
	const walker = tree.walker();
	let parent: Node | null = null;
	let allowed: Set<Node> | undefined;
	for (let step = walker.next(); step && inert; step = walker.next()) {
		const { node } = step;
		if (node.type === "html_inline") {
			if (node.parent !== parent) {
				parent = node.parent;
				allowed = parent ? safeInlineHtml(parent) : undefined;
			}
			if (!allowed?.has(node)) inert = false;
		} else if (node.type === "html_block") {
			if (!isSafeHtmlBlock(node)) inert = false;
		} else if ((node.type === "link" || node.type === "image") && !isPublishableDestination(node.destination))
			inert = false;
	}
	return { tree, inert };
}

/**
 * Whether the destination starting at `at` would be followed to a scheme
 * other than http, https or mailto, read as the parser reads it (entities
 * such as "jav&#x61;script&#58;" decoded).
 */
function isUnsafeDestination(line: string, at: number): boolean {
	// The scheme is at the start; 512 characters is plenty and keeps a hostile line linear.
	const raw = /^[^\s)>]*/.exec(line.slice(at, at + 512))?.[0] ?? "";
	if (!/[:&\\]/.test(raw)) return false;
	// Without entities or escapes the parser would read the destination as written.
	if (!/[&\\]/.test(raw)) return !isPublishableDestination(raw);
	const link = markdownParser().parse(`[x](<${raw.replace(/[<>]/g, "")}>)`).firstChild?.firstChild;
	return !isPublishableDestination(link?.type === "link" ? link.destination : raw);
}

/**
 * Each allowed tag kept on a line: where it is in the output, its kind and
 * whether it closes. Unbalanced ones are escaped after the line is read.
 */
interface KeptTag {
	at: number;
	kind: SafeHtmlKind;
	close: boolean;
}

function escapeUnbalanced(parts: string[], tags: KeptTag[]): void {
	const open: KeptTag[] = [];
	const matched = new Set<KeptTag>();
	for (const tag of tags) {
		if (!tag.close) open.push(tag);
		else {
			const at = open.findLastIndex((o) => o.kind === tag.kind);
			if (at === -1) continue;
			matched.add(open[at] as KeptTag);
			matched.add(tag);
			open.length = at;
		}
	}
	for (const tag of tags) if (!matched.has(tag)) parts[tag.at] = `\\${parts[tag.at]}`;
}

function defuseLine(line: string, keepSafe: boolean): string {
	const parts: string[] = [];
	const tags: KeptTag[] = [];
	let out = "";
	let index = 0;
	const definition = REFERENCE_DEFINITION.exec(line);
	if (definition) {
		out = definition[0] + (isUnsafeDestination(line, definition[0].length) ? "#" : "");
		index = definition[0].length;
	}
	const special = /[\\`<]|\]\(/g;
	special.lastIndex = index;
	for (let match = special.exec(line); match; match = special.exec(line)) {
		const at = match.index;
		out += line.slice(index, at);
		const char = match[0];
		if (char === "\\") {
			out += line.slice(at, at + 2);
			index = at + 2;
		} else if (char === "`") {
			index = codeSpanEnd(line, at);
			out += line.slice(at, index);
		} else if (char === "<" && keepSafe && safeHtmlAt(line, at)) {
			const found = safeHtmlAt(line, at) as NonNullable<ReturnType<typeof safeHtmlAt>>;
			index = at + found.length;
			if (found.kind === "small" || found.kind === "sup") {
				parts.push(out);
				out = "";
				tags.push({ at: parts.length, kind: found.kind, close: found.close });
				parts.push(line.slice(at, index));
			} else out += line.slice(at, index);
		} else if (char === "<") {
			const rest = line.slice(at);
			const autolink = AUTOLINK_AT.exec(rest);
			const kept = autolink
				? SAFE_SCHEME.test(autolink[1] ?? "")
				: EMAIL_AUTOLINK_AT.test(rest) || !TAG_START.test(rest);
			out += kept ? "<" : "\\<";
			index = at + 1;
		} else {
			const lead = DESTINATION.exec(line.slice(at + 2))?.[0] ?? "";
			index = at + 2 + lead.length;
			out += `](${lead}${isUnsafeDestination(line, index) ? "#" : ""}`;
		}
		special.lastIndex = index;
	}
	out += line.slice(index);
	if (tags.length === 0) return out;
	parts.push(out);
	escapeUnbalanced(parts, tags);
	return parts.join("");
}

/** Lines (0-based) that the parser put in code blocks: what is on them is shown as written. */
function codeLines(tree: Node): Set<number> {
	const lines = new Set<number>();
	const walker = tree.walker();
	for (let step = walker.next(); step; step = walker.next()) {
		if (!step.entering || step.node.type !== "code_block") continue;
		const [[start], [end]] = step.node.sourcepos;
		for (let line = start; line <= end; line++) lines.add(line - 1);
	}
	return lines;
}

function defuseLines(markdown: string, tree: Node, keepSafe: boolean): string {
	const code = codeLines(tree);
	const lines = markdown.split("\n");
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (!code.has(i) && mayNeedDefusing(line)) lines[i] = defuseLine(line, keepSafe);
	}
	return lines.join("\n");
}

function expandTab(region: string): string {
	let out = "";
	for (const char of region) out += char === "\t" ? " ".repeat(4 - (out.length % 4)) : char;
	return out;
}

/** Every line as escaped plain text: nothing in it can be markup. */
function asPlainText(markdown: string): string {
	return markdown
		.split("\n")
		.map((line) => escapeWriterText(line.trim(), true))
		.join("\n");
}

/**
 * Markdown made safe to publish as Markdown (see the top of this file):
 * raw HTML shown as text, links, images and reference definitions with a
 * scheme other than http, https or mailto pointed at "#". Markdown without
 * either is returned unchanged, byte for byte, unless it has a "<" that would
 * open a tag once more text followed it (escaped, as a template may put text
 * right after) or, when it needs parsing, tabs among a line's leading markers
 * (expanded to spaces, so that it parses the same inside a "> " quote).
 */
export function defuseMarkdown(markdown: string): string {
	if (!mayNeedDefusing(markdown) || plainlyInert(markdown)) return markdown;
	let source = markdown;
	if (LEADING_TAB.test(source)) source = source.replace(LEADING_REGION, expandTab);
	if (DEEP_NESTING.test(source)) return asPlainText(source);
	const { tree, inert } = inspectMarkdown(source);
	if (inert && !/<[A-Za-z/!?]/.test(source)) return source;
	const lined = defuseLines(source, tree, true);
	if (lined === source && inert) return source;
	if (inspectMarkdown(lined).inert) return lined;
	const strict = defuseLines(source, tree, false);
	if (strict !== lined && inspectMarkdown(strict).inert) return strict;
	const written = writeInertMarkdown(tree);
	return inspectMarkdown(written).inert ? written : asPlainText(source);
}
