import type { Node } from "commonmark";
import { parseUrl } from "../url.ts";
import { MAX_DEPTH, textContent } from "./markdown-tree.ts";
import { isSafeHtmlBlock, safeInlineHtml } from "./safe-html.ts";

/*
 * Markdown written back from a CommonMark tree so that it renders as the
 * tree does, with nothing live that should not be: raw HTML is written as
 * escaped text (shown as the HTML export shows it) unless allow-listed
 * (safe-html.ts: written as it is), links and images with an
 * unpublishable destination point at "#", reference links are written
 * inline (no definition is written). Used only for Markdown that could not
 * be defused line by line, so it favours certainty over the look of the source.
 */

/** Whether a destination may be published: relative, or http, https or mailto. */
export function isPublishableDestination(destination: string | null): boolean {
	const url = parseUrl(destination ?? "");
	return url === undefined || url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:";
}

const INLINE_SPECIAL = /[\\`*_[\]<]/g;
const ENTITY_LIKE = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
// At the start of a line these would open a block.
const BLOCK_START = /^(?:[#>+=~-]|\d{1,9}(?=[.)]))/;

/** Text that shows exactly itself; `lineStart` when it begins a line. */
export function escapeWriterText(text: string, lineStart: boolean): string {
	let out = text.replace(INLINE_SPECIAL, "\\$&").replace(ENTITY_LIKE, "\\&");
	if (out.endsWith("!")) out = `${out.slice(0, -1)}\\!`;
	if (out.endsWith("#")) out = out.replace(/#+$/, (run) => `\\${run}`);
	const start = lineStart ? BLOCK_START.exec(out) : null;
	if (start) out = /^\d/.test(start[0]) ? `${start[0]}\\${out.slice(start[0].length)}` : `\\${out}`;
	return out;
}

function longestRun(text: string, char: string): number {
	let longest = 0;
	let run = 0;
	for (const c of text) {
		run = c === char ? run + 1 : 0;
		if (run > longest) longest = run;
	}
	return longest;
}

function codeSpan(literal: string): string {
	const fence = "`".repeat(longestRun(literal, "`") + 1);
	const pad = /^[` ]|[` ]$/.test(literal) && literal.trim() !== "" ? " " : "";
	return `${fence}${pad}${literal}${pad}${fence}`;
}

function destination(url: string | null): string {
	if (!isPublishableDestination(url) || !url) return "#";
	return `<${url.replace(/[<>\\&]/g, "\\$&")}>`;
}

function title(text: string | null): string {
	return text ? ` "${text.replace(/["\\&]/g, "\\$&").replace(/\s*\n\s*/g, " ")}"` : "";
}

function inlines(node: Node, depth: number, oneLine: boolean): string {
	let out = "";
	let allowed: Set<Node> | undefined;
	for (let child = node.firstChild; child; child = child.next) {
		if (child.type === "html_inline") {
			allowed ??= safeInlineHtml(node);
			if (allowed.has(child)) {
				out += child.literal ?? "";
				continue;
			}
		}
		out += inline(child, depth + 1, oneLine, out === "" || out.endsWith("\n"));
	}
	return out;
}

function inline(node: Node, depth: number, oneLine: boolean, lineStart: boolean): string {
	if (depth > MAX_DEPTH) return escapeWriterText(textContent(node), lineStart);
	switch (node.type) {
		case "text":
			return escapeWriterText(node.literal ?? "", lineStart);
		case "html_inline":
			return escapeWriterText((node.literal ?? "").replace(/\s*\n\s*/g, " "), lineStart);
		case "softbreak":
			return oneLine ? " " : "\n";
		case "linebreak":
			return oneLine ? " " : "\\\n";
		case "code":
			return codeSpan(node.literal ?? "");
		case "emph":
			return `*${inlines(node, depth, oneLine)}*`;
		case "strong":
			return `**${inlines(node, depth, oneLine)}**`;
		case "link":
			return `[${inlines(node, depth, oneLine)}](${destination(node.destination)}${title(node.title)})`;
		case "image":
			return `![${inlines(node, depth, oneLine)}](${destination(node.destination)}${title(node.title)})`;
		default:
			return escapeWriterText(textContent(node), lineStart);
	}
}

function codeBlock(node: Node): string[] {
	const literal = (node.literal ?? "").replace(/\n$/, "");
	const info = node.info ?? "";
	const char = info.includes("`") ? "~" : "`";
	const fence = char.repeat(Math.max(3, longestRun(literal, char) + 1));
	return [`${fence}${info}`, ...(literal === "" ? [] : literal.split("\n")), fence];
}

function indentItem(marker: string, lines: string[]): string[] {
	const pad = " ".repeat(marker.length + 1);
	if (lines.length === 0) return [marker];
	return lines.map((line, i) => (i === 0 ? `${marker} ${line}` : line === "" ? "" : pad + line));
}

function list(node: Node, depth: number, alternate: boolean): string[] {
	const out: string[] = [];
	let number = Number(node.listStart) || 0;
	for (let item = node.firstChild; item; item = item.next) {
		const marker =
			node.listType === "ordered"
				? `${Math.min(Math.max(number++, 0), 999_999_999)}${alternate ? ")" : "."}`
				: alternate
					? "+"
					: "-";
		if (out.length > 0 && !node.listTight) out.push("");
		out.push(...indentItem(marker, blocks(item, depth, node.listTight)));
	}
	return out;
}

function block(node: Node, depth: number, alternate: boolean): string[] {
	if (depth > MAX_DEPTH) return [escapeWriterText(textContent(node), true)];
	switch (node.type) {
		case "paragraph":
			return inlines(node, depth, false).split("\n");
		case "heading":
			return [`${"#".repeat(node.level || 1)} ${inlines(node, depth, true)}`.trimEnd()];
		case "thematic_break":
			return ["***"];
		case "code_block":
			return codeBlock(node);
		case "html_block":
			if (isSafeHtmlBlock(node)) return [(node.literal ?? "").trim()];
			return (node.literal ?? "")
				.trimEnd()
				.split("\n")
				.map((line) => escapeWriterText(line.trim(), true));
		case "block_quote":
			return blocks(node, depth, false).map((line) => (line === "" ? ">" : `> ${line}`));
		case "list":
			return list(node, depth, alternate);
		default:
			return [escapeWriterText(textContent(node), true)];
	}
}

function blocks(node: Node, depth: number, tight: boolean): string[] {
	const out: string[] = [];
	let previous: Node | null = null;
	let alternate = false;
	for (let child = node.firstChild; child; child = child.next) {
		// Lists in a row stay separate lists only with different markers.
		const follows = previous?.type === "list" && child.type === "list" && previous.listType === child.listType;
		alternate = follows ? !alternate : false;
		const lines = block(child, depth + 1, alternate);
		// An ordered list may interrupt a paragraph only when it starts at 1.
		const blank = !tight || (child.type === "list" && child.listType === "ordered" && child.listStart !== 1);
		if (out.length > 0 && blank) out.push("");
		out.push(...lines);
		previous = child;
	}
	return out;
}

/** Markdown for a parsed tree, inert (see above). */
export function writeInertMarkdown(tree: Node): string {
	return blocks(tree, 0, false).join("\n");
}
