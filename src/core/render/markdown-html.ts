import type { Node } from "commonmark";
import { escapeHtml } from "../template/html-escape.ts";
import { MARKDOWN_STYLES as S } from "./html-styles.ts";
import { parseSimpleInline, simpleInlineHtml } from "./markdown-inline.ts";
import {
	isPlainParagraph,
	isSafeImageSource,
	isSafeLinkTarget,
	MAX_DEPTH,
	parseMarkdown,
	textContent,
} from "./markdown-tree.ts";
import { isSafeHtmlBlock, safeHtml, safeInlineHtml } from "./safe-html.ts";

/**
 * "block": paragraphs, lists, quotes. "inline": one run of inline HTML with
 * block structure flattened. "linkText": inline without links, for text that
 * is itself inside a link.
 */
export type MarkdownHtmlMode = "block" | "inline" | "linkText";

/*
 * Sanitising by construction: the HTML is written here from the CommonMark
 * tree, element by element, from a fixed allow-list (p, br, em, strong, code,
 * pre, blockquote, ul, ol, li, h4, hr, a, img, small, sup). Raw HTML in the
 * Markdown is shown as text, never passed through, except the allow-list of
 * safe-html.ts: balanced <small> and <sup> and <br> (without attributes) are
 * written as those elements and comments are dropped (an email gains nothing
 * from them); a tag that is not balanced within its paragraph, emphasis or
 * link is shown as text. Links keep only http(s) and mailto
 * targets, images only http(s) sources; the only attributes written are
 * href, src, alt, title, start and our own style, all escaped. No DOM needed.
 */

/** An allowed raw HTML node as HTML: the element itself, or nothing for a comment. */
function allowedHtml(literal: string, mode: MarkdownHtmlMode): string {
	const found = safeHtml(literal);
	switch (found?.kind) {
		case "br":
			return mode === "linkText" ? " " : "<br>";
		case "small":
		case "sup":
			return found.close ? `</${found.kind}>` : `<${found.kind}>`;
		default:
			return "";
	}
}

function inlineChildren(node: Node, mode: MarkdownHtmlMode, depth: number): string {
	let out = "";
	let allowed: Set<Node> | undefined;
	for (let child = node.firstChild; child; child = child.next) {
		if (child.type === "html_inline") {
			allowed ??= safeInlineHtml(node);
			if (allowed.has(child)) {
				out += allowedHtml(child.literal ?? "", mode);
				continue;
			}
		}
		out += inline(child, mode, depth + 1);
	}
	return out;
}

function inline(node: Node, mode: MarkdownHtmlMode, depth: number): string {
	if (depth > MAX_DEPTH) return escapeHtml(textContent(node));
	switch (node.type) {
		case "text":
		case "html_inline":
			return escapeHtml(node.literal ?? "");
		case "softbreak":
			return mode === "block" ? "\n" : " ";
		case "linebreak":
			return mode === "linkText" ? " " : "<br>\n";
		case "emph":
			return `<em>${inlineChildren(node, mode, depth)}</em>`;
		case "strong":
			return `<strong>${inlineChildren(node, mode, depth)}</strong>`;
		case "code":
			return `<code style="${S.code}">${escapeHtml(node.literal ?? "")}</code>`;
		case "link": {
			const text = inlineChildren(node, mode, depth);
			if (mode === "linkText" || !isSafeLinkTarget(node.destination)) return text;
			const title = node.title ? ` title="${escapeHtml(node.title)}"` : "";
			return `<a href="${escapeHtml(node.destination)}"${title} style="${S.a}">${text}</a>`;
		}
		case "image": {
			const alt = escapeHtml(textContent(node));
			if (mode !== "block" || !isSafeImageSource(node.destination)) return alt;
			return `<img src="${escapeHtml(node.destination)}" alt="${alt}" style="${S.img}">`;
		}
		default:
			return escapeHtml(textContent(node));
	}
}

function isTight(paragraph: Node): boolean {
	const list = paragraph.parent?.parent;
	return paragraph.parent?.type === "item" && list?.type === "list" && list.listTight;
}

function blockChildren(node: Node, depth: number): string {
	const parts: string[] = [];
	for (let child = node.firstChild; child; child = child.next) {
		// A comment on its own is dropped, line and all.
		if (child.type !== "html_block" || !isSafeHtmlBlock(child)) parts.push(block(child, depth + 1));
	}
	return parts.join("\n");
}

function block(node: Node, depth: number): string {
	if (depth > MAX_DEPTH) return `<p style="${S.p}">${escapeHtml(textContent(node))}</p>`;
	switch (node.type) {
		case "paragraph": {
			const content = inlineChildren(node, "block", depth);
			return isTight(node) ? content : `<p style="${S.p}">${content}</p>`;
		}
		case "heading":
			return `<h4 style="${S.heading}">${inlineChildren(node, "block", depth)}</h4>`;
		case "block_quote":
			return `<blockquote style="${S.blockquote}">\n${blockChildren(node, depth)}\n</blockquote>`;
		case "list": {
			const ordered = node.listType === "ordered";
			const tag = ordered ? "ol" : "ul";
			const start = ordered && node.listStart !== 1 ? ` start="${Number(node.listStart) || 1}"` : "";
			return `<${tag}${start} style="${S.list}">\n${blockChildren(node, depth)}\n</${tag}>`;
		}
		case "item":
			return `<li style="${S.li}">${blockChildren(node, depth)}</li>`;
		case "code_block":
			return `<pre style="${S.pre}"><code>${escapeHtml(node.literal ?? "")}</code></pre>`;
		case "html_block":
			return `<p style="${S.p}">${escapeHtml((node.literal ?? "").trimEnd())}</p>`;
		case "thematic_break":
			return `<hr style="${S.hr}">`;
		default:
			return inline(node, "block", depth);
	}
}

function flatten(node: Node, mode: MarkdownHtmlMode, depth: number): string {
	if (depth > MAX_DEPTH) return escapeHtml(textContent(node));
	switch (node.type) {
		case "paragraph":
		case "heading":
			return inlineChildren(node, mode, depth);
		case "code_block":
			return `<code style="${S.code}">${escapeHtml((node.literal ?? "").trim())}</code>`;
		case "html_block":
			return isSafeHtmlBlock(node) ? "" : escapeHtml((node.literal ?? "").trim());
		case "thematic_break":
			return "";
		default: {
			const parts: string[] = [];
			for (let child = node.firstChild; child; child = child.next) {
				const part = flatten(child, mode, depth + 1);
				if (part !== "") parts.push(part);
			}
			return parts.join(" ");
		}
	}
}

/** HTML for an already parsed Markdown tree. */
export function htmlFromTree(tree: Node, mode: MarkdownHtmlMode): string {
	return mode === "block" ? blockChildren(tree, 0) : flatten(tree, mode, 0);
}

/**
 * Render curator or page Markdown to sanitised, inline-styled HTML for the
 * HTML export. Pure: no DOM, the same in Node and the browser.
 */
export function markdownToHtml(markdown: string, mode: MarkdownHtmlMode = "block"): string {
	if (markdown.trim() === "") return "";
	if (isPlainParagraph(markdown)) {
		return mode === "block" ? `<p style="${S.p}">${escapeHtml(markdown)}</p>` : escapeHtml(markdown);
	}
	const pieces = parseSimpleInline(markdown);
	if (pieces) {
		const html = simpleInlineHtml(pieces, mode === "linkText");
		return mode === "block" ? `<p style="${S.p}">${html}</p>` : html;
	}
	return htmlFromTree(parseMarkdown(markdown), mode);
}
