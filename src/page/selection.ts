import { MAX_FIELD_LENGTH } from "../core/capture.ts";
import { absolutizeLinks, createConverter, dropNonText, limitWhitespace } from "./markdown.ts";
import { cut } from "./text.ts";

const MAX_RANGES = 20;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_TEXT = 0x4;
// Inline formatting that a selection inside it should keep ("part of a link" is still a link).
const KEPT_ANCESTORS = new Set(["A", "EM", "I", "STRONG", "B", "CODE", "KBD", "S", "DEL", "MARK", "SUB", "SUP", "PRE"]);
// Elements whose text stands on its own lines.
const BLOCK_TEXT = new Set([
	"P",
	"DIV",
	"LI",
	"H1",
	"H2",
	"H3",
	"H4",
	"H5",
	"H6",
	"PRE",
	"BLOCKQUOTE",
	"TR",
	"TABLE",
	"UL",
	"OL",
	"DL",
	"DT",
	"DD",
	"SECTION",
	"ARTICLE",
	"HEADER",
	"FOOTER",
	"FIGURE",
	"FIGCAPTION",
	"HR",
]);
const BLOCKS = new Set(["P", "DIV", "LI", "TD", "TH", "BLOCKQUOTE", "BODY", "ARTICLE", "SECTION", "MAIN", "HTML"]);

/**
 * Shorten a range so it covers at most `max` characters of text: selecting
 * all of a huge page stays cheap. Returns the range and the characters it covers.
 */
function boundRange(range: Range, max: number): { range: Range; chars: number } {
	const root = range.commonAncestorContainer;
	if (root.nodeType === TEXT_NODE) {
		const chars = range.endOffset - range.startOffset;
		if (chars <= max) return { range, chars };
		const bounded = range.cloneRange();
		bounded.setEnd(range.startContainer, range.startOffset + max);
		return { range: bounded, chars: max };
	}
	const doc = root.ownerDocument;
	if (!doc) return { range, chars: 0 };
	const walker = doc.createTreeWalker(root, SHOW_TEXT);
	// Start at the selection, not at the top of its (maybe huge) common ancestor.
	const start = range.startContainer;
	walker.currentNode = start;
	let used = 0;
	let started = false;
	for (let node = start.nodeType === TEXT_NODE ? start : walker.nextNode(); node; node = walker.nextNode()) {
		if (!range.intersectsNode(node)) {
			if (started) break;
			continue;
		}
		started = true;
		const from = node === range.startContainer ? range.startOffset : 0;
		const to = node === range.endContainer ? range.endOffset : (node as Text).length;
		used += Math.max(0, to - from);
		if (used > max) {
			const bounded = range.cloneRange();
			bounded.setEnd(node, Math.max(from, to - (used - max)));
			return { range: bounded, chars: max };
		}
	}
	return { range, chars: used };
}

const MAX_DEPTH = 100;

/**
 * Replace markup nested deeper than MAX_DEPTH with its text: the conversion
 * recurses once per level, and a hostile page can nest thousands deep.
 */
function flattenDeep(root: Node): void {
	const stack: [Node, number][] = [[root, 0]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop() as [Node, number];
		for (let child = node.firstChild; child; child = child.nextSibling) {
			if (child.nodeType !== ELEMENT_NODE) continue;
			if (depth + 1 >= MAX_DEPTH) child.textContent = child.textContent ?? "";
			else stack.push([child, depth + 1]);
		}
	}
}

/** Re-create the inline ancestors (link, emphasis, code, pre) that a selection lies inside. */
function withContext(fragment: DocumentFragment, range: Range, target: Document): Node {
	let node: Node = target.adoptNode(fragment);
	let ancestor: Node | null = range.commonAncestorContainer;
	if (ancestor.nodeType !== ELEMENT_NODE) ancestor = ancestor.parentNode;
	for (let depth = 0; ancestor && ancestor.nodeType === ELEMENT_NODE && depth < 20; depth++) {
		const name = ancestor.nodeName.toUpperCase();
		if (BLOCKS.has(name)) break;
		if (KEPT_ANCESTORS.has(name)) {
			const shell = target.importNode(ancestor, false) as Element;
			shell.appendChild(node);
			node = shell;
			if (name === "PRE") {
				// The language class often sits on the wrapper around <pre>.
				const wrapperClass = (ancestor as Element).parentElement?.getAttribute("class");
				if (wrapperClass && !shell.getAttribute("class")) shell.setAttribute("class", wrapperClass);
				break;
			}
		}
		ancestor = ancestor.parentNode;
	}
	return node;
}

function tidyMarkdown(markdown: string): string {
	return markdown.replace(/\n{3,}/g, "\n\n").trim();
}

/** A copy of the selected HTML in an inert document (nothing in it loads or runs), bounded in size. */
function copySelection(selection: Selection | null | undefined): HTMLElement | undefined {
	if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
	const first = selection.getRangeAt(0);
	const pageDoc = first.startContainer.ownerDocument ?? (first.startContainer as Document);
	const inert = pageDoc.implementation.createHTMLDocument("");
	const container = inert.createElement("div");
	let budget = MAX_FIELD_LENGTH;
	for (let i = 0; i < Math.min(selection.rangeCount, MAX_RANGES) && budget > 0; i++) {
		const { range, chars } = boundRange(selection.getRangeAt(i), budget);
		budget -= chars;
		if (i > 0) container.appendChild(inert.createElement("br"));
		const fragment = range.cloneContents();
		flattenDeep(fragment);
		container.appendChild(withContext(fragment, range, inert));
	}
	dropNonText(container);
	limitWhitespace(container);
	return container;
}

function toMarkdown(copy: HTMLElement, baseUrl: string): string | undefined {
	absolutizeLinks(copy, baseUrl);
	const markdown = tidyMarkdown(createConverter().turndown(copy));
	return markdown === "" ? undefined : cut(markdown, MAX_FIELD_LENGTH);
}

/**
 * The selection as Markdown: links made absolute against `baseUrl`, emphasis,
 * inline code and code blocks kept, scripts, styles and hidden elements
 * dropped. Work is bounded to the first MAX_FIELD_LENGTH characters of
 * selected text, and so is the result. Undefined for an empty selection.
 */
export function selectionToMarkdown(selection: Selection | null | undefined, baseUrl: string): string | undefined {
	const copy = copySelection(selection);
	return copy ? toMarkdown(copy, baseUrl) : undefined;
}

/**
 * Plain text of a selection or text-field value: line breaks kept (at most one
 * blank line in a row), runs of spaces collapsed, bounded to MAX_FIELD_LENGTH.
 */
export function plainQuote(text: string | null | undefined): string | undefined {
	if (!text) return undefined;
	const bounded = text.length > MAX_FIELD_LENGTH * 2 ? text.slice(0, MAX_FIELD_LENGTH * 2) : text;
	const lines = bounded
		.replace(/\r\n?/g, "\n")
		.split("\n")
		.map((line) => line.replace(/[^\S\n]+/g, " ").trim());
	const tidy = lines
		.join("\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
	return tidy === "" ? undefined : cut(tidy, MAX_FIELD_LENGTH);
}

function blockText(node: Node, inPre: boolean, depth = 0): string {
	// Outside <pre>, a line break in the source is only a space.
	if (node.nodeType === TEXT_NODE) return inPre ? (node as Text).data : (node as Text).data.replace(/\s+/g, " ");
	if (depth > 200) return node.textContent ?? "";
	const name = node.nodeName.toUpperCase();
	if (name === "BR") return "\n";
	const pre = inPre || name === "PRE";
	let text = "";
	for (let child = node.firstChild; child; child = child.nextSibling) text += blockText(child, pre, depth + 1);
	return BLOCK_TEXT.has(name) ? `\n${text}\n` : text;
}

/**
 * The selection as plain text (see plainQuote), read from the same bounded
 * copy as the Markdown: a line break between blocks, in every engine, and no
 * cost proportional to the whole selection.
 */
export function selectionToText(selection: Selection | null | undefined): string | undefined {
	const copy = copySelection(selection);
	return copy ? plainQuote(blockText(copy, false)) : undefined;
}

function textControlSelection(doc: Document): string | undefined {
	const active = doc.activeElement;
	if (!active) return undefined;
	const name = active.nodeName.toUpperCase();
	if (name !== "TEXTAREA" && name !== "INPUT") return undefined;
	const control = active as HTMLInputElement | HTMLTextAreaElement;
	// Passwords are never quoted.
	if (name === "INPUT" && !["text", "search", "url", ""].includes(control.type)) return undefined;
	const { selectionStart, selectionEnd, value } = control;
	if (selectionStart == null || selectionEnd == null || selectionEnd <= selectionStart) return undefined;
	return value.slice(selectionStart, Math.min(selectionEnd, selectionStart + MAX_FIELD_LENGTH * 2));
}

/**
 * What the reader has selected in the document: `quote` as Markdown and
 * `quoteText` as plain text. Text selected inside a text field is quoted as
 * escaped plain text, and so is a selection whose markup cannot be converted.
 */
export function readSelection(doc: Document, baseUrl: string): { quote?: string; quoteText?: string } {
	const fieldText = plainQuote(textControlSelection(doc));
	if (fieldText) return { quote: createConverter().escape(fieldText), quoteText: fieldText };
	const selection = doc.getSelection();
	let copy: HTMLElement | undefined;
	try {
		copy = copySelection(selection);
	} catch {
		// Markup the copy cannot handle: fall back to the browser's own text of the selection.
	}
	const quoteText = copy
		? plainQuote(blockText(copy, false))
		: plainQuote(selection?.isCollapsed === false ? selection.toString() : undefined);
	if (!quoteText) return {};
	let quote: string | undefined;
	try {
		quote = copy ? toMarkdown(copy, baseUrl) : undefined;
	} catch {
		quote = undefined;
	}
	return { quote: quote ?? createConverter().escape(quoteText), quoteText };
}
