import type { Node } from "commonmark";
import { escapeHtml } from "../template/html-escape.ts";
import { MARKDOWN_STYLES } from "./html-styles.ts";
import { htmlFromTree } from "./markdown-html.ts";
import { type InlinePiece, parseSimpleInline, simpleInlineHtml, simpleInlineText } from "./markdown-inline.ts";
import { textFromTree } from "./markdown-text.ts";
import { isPlainParagraph, parseMarkdown } from "./markdown-tree.ts";

/** What a piece of Markdown is rendered to by the template filters. */
export type MarkdownTarget = "html" | "inlineHtml" | "linkHtml" | "text" | "flatText";

// The HTML and plain-text exports render the same notes; when both are made
// together (the clipboard holds both), one CommonMark parse serves the pair.
const COMPANIONS: Readonly<Record<MarkdownTarget, readonly MarkdownTarget[]>> = {
	html: ["html", "text"],
	text: ["text", "html"],
	inlineHtml: ["inlineHtml", "flatText"],
	linkHtml: ["linkHtml", "flatText"],
	flatText: ["flatText", "linkHtml"],
};

/**
 * What one Markdown source has given so far while sharingMarkdown runs: its
 * shortcut pieces (null when the parser has to read it), and what it was
 * rendered to through the parser.
 */
interface Rendered {
	pieces: InlinePiece[] | null;
	out: Partial<Record<MarkdownTarget, string>>;
}

/** Set only while sharingMarkdown runs: results by Markdown source. */
let shared: Map<string, Rendered> | undefined;

/**
 * Notes kept for the next format, at most. An issue's notes fit many times
 * over; past this (an archive export), what is kept lives long enough for
 * the young-generation collector to copy it twice, and at 10,000 notes
 * that copying cost more than parsing each note again (all four formats of
 * 10,000 captures: 5-9 ms slower with every note kept, 0.3-0.5 ms faster
 * for 1,000).
 */
export const SHARED_NOTES = 2_000;

function fromTree(tree: Node, target: MarkdownTarget): string {
	switch (target) {
		case "html":
			return htmlFromTree(tree, "block");
		case "inlineHtml":
			return htmlFromTree(tree, "inline");
		case "linkHtml":
			return htmlFromTree(tree, "linkText");
		case "text":
			return textFromTree(tree, false);
		default:
			return textFromTree(tree, true);
	}
}

function plain(markdown: string, target: MarkdownTarget): string {
	if (target === "html") return `<p style="${MARKDOWN_STYLES.p}">${escapeHtml(markdown)}</p>`;
	return target === "text" || target === "flatText" ? markdown : escapeHtml(markdown);
}

function simple(pieces: readonly InlinePiece[], target: MarkdownTarget): string {
	switch (target) {
		case "html":
			return `<p style="${MARKDOWN_STYLES.p}">${simpleInlineHtml(pieces, false)}</p>`;
		case "inlineHtml":
			return simpleInlineHtml(pieces, false);
		case "linkHtml":
			return simpleInlineHtml(pieces, true);
		default:
			return simpleInlineText(pieces);
	}
}

/** One note rendered for one target, nothing kept: its shortcut pieces, else the parser's tree. */
function alone(markdown: string, pieces: readonly InlinePiece[] | null | undefined, target: MarkdownTarget): string {
	return pieces ? simple(pieces, target) : fromTree(parseMarkdown(markdown), target);
}

/** Render Markdown for a filter: sanitised HTML (block, inline, or link text) or plain text (block or one line). */
export function renderMarkdownAs(markdown: string, target: MarkdownTarget): string {
	if (markdown.trim() === "") return "";
	if (isPlainParagraph(markdown)) return plain(markdown, target);
	if (!shared) return alone(markdown, parseSimpleInline(markdown), target);
	// Each format renders the same notes: the shortcut's pieces are kept for the
	// next format, and the parser's tree is rendered for the companion target at once.
	let rendered = shared.get(markdown);
	if (!rendered) {
		const pieces = parseSimpleInline(markdown) ?? null;
		if (shared.size >= SHARED_NOTES) return alone(markdown, pieces, target);
		rendered = { pieces, out: {} };
		shared.set(markdown, rendered);
	}
	if (rendered.pieces) return simple(rendered.pieces, target);
	const cached = rendered.out[target];
	if (cached !== undefined) return cached;
	const tree = parseMarkdown(markdown);
	for (const companion of COMPANIONS[target]) rendered.out[companion] ??= fromTree(tree, companion);
	return rendered.out[target] as string;
}

/**
 * Run fn with Markdown results shared between its renders, then forget
 * them: only strings are kept, and only for the duration of the call.
 */
export function sharingMarkdown<T>(fn: () => T): T {
	if (shared) return fn();
	shared = new Map();
	try {
		return fn();
	} finally {
		shared = undefined;
	}
}
