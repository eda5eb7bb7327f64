import type { Node } from "commonmark";

/*
 * The one allow-list of raw HTML a title or note may keep, in every export.
 *
 * Tags, written exactly so (lower case, no attribute, no space but the one in
 * "<br />"): <small> </small> <sup> </sup> <br> <br/> <br />.
 * Comments: "<!--", then text on one line that does not start with ">" or
 * "->", holds no "--" (so no "-->", "--!>" or "<!--") and no "<!", does not
 * end with "-", then "-->". That is stricter than the HTML spec's well-formed
 * comment (which allows an inner "--"); "<!-->", "<!--->", "--!>" tricks and
 * unclosed comments are not comments here.
 * Anything else, an upper-case or spaced variant included, is not allowed
 * and is escaped or shown as text exactly as before.
 *
 * <small> and <sup> must be balanced among the inline children of one parent
 * (a paragraph, heading, emphasis or link): an opening tag with no closing
 * tag after it there, or a closing tag with none open, is escaped. (An
 * unclosed <small> is a formatting element that a browser carries into every
 * following paragraph.)
 *
 * What each export does:
 * - Markdown: allowed tags and comments are written as they are.
 * - HTML: <small>, <sup> and <br> become those elements; comments are dropped.
 * - Plain text: <small> and <sup> are removed and their text kept ("x<sup>2</sup>"
 *   reads "x2"), <br> is a line break (a space on one-line text), comments are removed.
 */

export type SafeHtmlKind = "small" | "sup" | "br" | "comment";

export interface SafeHtml {
	kind: SafeHtmlKind;
	/** For small and sup: whether it is the closing tag. */
	close: boolean;
	/** The construct's length in the source. */
	length: number;
}

const TAGS: Readonly<Record<string, SafeHtml>> = {
	"<small>": { kind: "small", close: false, length: 7 },
	"</small>": { kind: "small", close: true, length: 8 },
	"<sup>": { kind: "sup", close: false, length: 5 },
	"</sup>": { kind: "sup", close: true, length: 6 },
	"<br>": { kind: "br", close: false, length: 4 },
	"<br/>": { kind: "br", close: false, length: 5 },
	"<br />": { kind: "br", close: false, length: 6 },
};

const TAG_AT = /<(?:\/?(?:small|sup)|br ?\/?)>/y;
const COMMENT_AT = /<!--(?!>|->)((?:[^\n\r-]|-(?!-))*?)-->/y;

/** The allowed construct starting exactly at `at` in text, or undefined. */
export function safeHtmlAt(text: string, at: number): SafeHtml | undefined {
	if (text.charCodeAt(at) !== 60 /* < */) return undefined;
	TAG_AT.lastIndex = at;
	const tag = TAG_AT.exec(text);
	if (tag) return TAGS[tag[0]];
	COMMENT_AT.lastIndex = at;
	const comment = COMMENT_AT.exec(text);
	if (!comment) return undefined;
	const inner = comment[1] as string;
	if (inner.endsWith("-") || inner.includes("<!")) return undefined;
	return { kind: "comment", close: false, length: comment[0].length };
}

/** The allowed construct that a raw HTML literal is, whole, or undefined. */
export function safeHtml(literal: string): SafeHtml | undefined {
	const found = safeHtmlAt(literal, 0);
	return found && found.length === literal.length ? found : undefined;
}

/** Whether an html_block node is allowed: only a lone comment (a tag alone on a line opens a raw block). */
export function isSafeHtmlBlock(node: Node): boolean {
	return safeHtml((node.literal ?? "").trim())?.kind === "comment";
}

/**
 * The html_inline children of parent that are allowed, balance included
 * (see the top of this file). Children not in the set are not allowed.
 */
export function safeInlineHtml(parent: Node): Set<Node> {
	const kept = new Set<Node>();
	const open: { node: Node; kind: SafeHtmlKind }[] = [];
	for (let child = parent.firstChild; child; child = child.next) {
		if (child.type !== "html_inline") continue;
		const found = safeHtml(child.literal ?? "");
		if (!found) continue;
		if (found.kind === "br" || found.kind === "comment") kept.add(child);
		else if (!found.close) open.push({ node: child, kind: found.kind });
		else {
			const at = open.findLastIndex((tag) => tag.kind === found.kind);
			if (at === -1) continue;
			// Tags opened after the matching one and still open are not closed in order: not kept.
			kept.add((open[at] as { node: Node }).node);
			kept.add(child);
			open.length = at;
		}
	}
	return kept;
}

/** Whether text has anything that could be an allowed construct (a "<"): the common case has none. */
export function mayHoldSafeHtml(text: string): boolean {
	return text.includes("<");
}
