import type { Node } from "commonmark";
import { prefixLines } from "../template/filters.ts";
import { linkAsText, parseSimpleInline, simpleInlineText } from "./markdown-inline.ts";
import {
	isPlainParagraph,
	isSafeImageSource,
	isSafeLinkTarget,
	MAX_DEPTH,
	parseMarkdown,
	textContent,
} from "./markdown-tree.ts";
import { isSafeHtmlBlock, safeHtml, safeInlineHtml } from "./safe-html.ts";

/*
 * Markdown to plain text for the plain-text email: emphasis markers dropped,
 * a link written as "text <url>" (angle brackets delimit a URL inside prose,
 * RFC 3986 appendix C), quotes as "> ", lists as "- " or "1. ". No hard
 * wrapping: mail clients wrap, and hard-wrapped lines break on narrow screens.
 * Allow-listed raw HTML (safe-html.ts): <small> and <sup> are removed and
 * their text kept ("x<sup>2</sup>" reads "x2"), <br> is a line break (a
 * space on one line), comments are removed; other raw HTML stays as written.
 */

function inlineChildren(node: Node, flat: boolean, depth: number): string {
	let out = "";
	let allowed: Set<Node> | undefined;
	for (let child = node.firstChild; child; child = child.next) {
		if (child.type === "html_inline") {
			allowed ??= safeInlineHtml(node);
			if (allowed.has(child)) {
				if (safeHtml(child.literal ?? "")?.kind === "br") out += flat ? " " : "\n";
				continue;
			}
		}
		out += inline(child, flat, depth + 1);
	}
	return out;
}

function inline(node: Node, flat: boolean, depth: number): string {
	if (depth > MAX_DEPTH) return textContent(node);
	switch (node.type) {
		case "text":
		case "code":
		case "html_inline":
			return node.literal ?? "";
		case "softbreak":
		case "linebreak":
			return flat ? " " : "\n";
		case "link": {
			const text = inlineChildren(node, flat, depth);
			return isSafeLinkTarget(node.destination) ? linkAsText(text, node.destination) : text;
		}
		case "image": {
			const alt = textContent(node);
			return isSafeImageSource(node.destination) ? linkAsText(alt, node.destination) : alt;
		}
		default:
			return inlineChildren(node, flat, depth);
	}
}

function blockChildren(node: Node, depth: number, separator: string): string {
	const parts: string[] = [];
	for (let child = node.firstChild; child; child = child.next) {
		// A comment on its own is removed, with its separator.
		if (child.type !== "html_block" || !isSafeHtmlBlock(child)) parts.push(block(child, depth + 1));
	}
	return parts.join(separator);
}

function listItem(item: Node, marker: string, depth: number): string {
	const body = blockChildren(item, depth, "\n\n");
	const pad = " ".repeat(marker.length);
	return body
		.split("\n")
		.map((line, i) => (i === 0 ? marker + line : line === "" ? "" : pad + line))
		.join("\n");
}

function block(node: Node, depth: number): string {
	if (depth > MAX_DEPTH) return textContent(node, "\n\n");
	switch (node.type) {
		case "paragraph":
		case "heading":
			return inlineChildren(node, false, depth);
		case "block_quote":
			return prefixLines(blockChildren(node, depth, "\n\n"), "> ");
		case "list": {
			const items: string[] = [];
			let number = node.listStart ?? 1;
			for (let item = node.firstChild; item; item = item.next) {
				const marker = node.listType === "ordered" ? `${number++}${node.listDelimiter ?? "."} ` : "- ";
				items.push(listItem(item, marker, depth + 1));
			}
			return items.join(node.listTight ? "\n" : "\n\n");
		}
		case "code_block":
			return (node.literal ?? "")
				.replace(/\n$/, "")
				.split("\n")
				.map((line) => (line === "" ? "" : `    ${line}`))
				.join("\n");
		case "html_block":
			return (node.literal ?? "").trimEnd();
		case "thematic_break":
			return "----";
		default:
			return inline(node, false, depth);
	}
}

function flatten(node: Node, depth: number): string {
	if (depth > MAX_DEPTH) return textContent(node);
	switch (node.type) {
		case "paragraph":
		case "heading":
			return inlineChildren(node, true, depth);
		case "html_block":
			if (isSafeHtmlBlock(node)) return "";
			return (node.literal ?? "").trim().replace(/\s*\n\s*/g, " ");
		case "code_block":
			return (node.literal ?? "").trim().replace(/\s*\n\s*/g, " ");
		case "thematic_break":
			return "";
		default: {
			const parts: string[] = [];
			for (let child = node.firstChild; child; child = child.next) {
				const part = flatten(child, depth + 1);
				if (part !== "") parts.push(part);
			}
			return parts.join(" ");
		}
	}
}

/** Plain text for an already parsed Markdown tree. */
export function textFromTree(tree: Node, flat: boolean): string {
	return flat ? flatten(tree, 0) : blockChildren(tree, 0, "\n\n");
}

/** Markdown as readable plain text; `flat` puts it all on one line (for a list bullet). */
export function markdownToText(markdown: string, flat = false): string {
	if (markdown.trim() === "") return "";
	if (isPlainParagraph(markdown)) return markdown;
	const pieces = parseSimpleInline(markdown);
	return pieces ? simpleInlineText(pieces) : textFromTree(parseMarkdown(markdown), flat);
}
