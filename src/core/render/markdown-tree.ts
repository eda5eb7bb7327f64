import { Node, Parser } from "commonmark";
import { hasAnyOf } from "../text/scan.ts";
import { webOrMailScheme } from "../url.ts";

// Built on first use, not at import: nothing in a module runs when it is loaded.
let parser: Parser | undefined;
/** The one CommonMark parser (each parse starts afresh, reference definitions included). */
export function markdownParser(): Parser {
	if (!parser) parser = new Parser({ smart: false });
	return parser;
}

// A line opening dozens of nested lists or quotes: the parser takes time that
// grows with the square of the depth (half a second for a hostile 18 KB note).
const DEEP_NESTING = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))){32}/m;

/**
 * Parse Markdown into a CommonMark syntax tree. Markdown nested too deeply
 * to be anything but an attack is kept as one paragraph of its literal text.
 */
export function parseMarkdown(markdown: string): Node {
	if (!DEEP_NESTING.test(markdown)) return markdownParser().parse(markdown);
	const tree = new Node("document");
	const paragraph = new Node("paragraph");
	const text = new Node("text");
	text.literal = markdown;
	paragraph.appendChild(text);
	tree.appendChild(paragraph);
	return tree;
}

// One line with nothing CommonMark could read as markup: no escapes, code,
// emphasis, links, HTML, entities; and no line start that opens a block.
// A NUL is not plain either: CommonMark replaces it.
const MARKUP_CHARS = "\\`*_[]<>&\n\r\0";
const BLOCK_OPENER = /^(?:\s|[-+=#|~:]|\d{1,9}[.)])/;

/**
 * Whether Markdown is a single paragraph of plain text that CommonMark would
 * render as exactly that text. Most notes are; skipping the parser for them
 * keeps a 10,000-entry preview fast.
 */
export function isPlainParagraph(markdown: string): boolean {
	return !hasAnyOf(markdown, MARKUP_CHARS) && !BLOCK_OPENER.test(markdown) && markdown.trimEnd() === markdown;
}

/** Containers nested deeper than this are flattened to text: a hostile quote cannot exhaust the stack. */
export const MAX_DEPTH = 24;

const INLINE_TYPES = new Set([
	"text",
	"softbreak",
	"linebreak",
	"code",
	"html_inline",
	"emph",
	"strong",
	"link",
	"image",
]);

/** Every piece of text under a node, without markup; iterative, so any depth is safe. */
export function textContent(node: Node, blockSeparator = " "): string {
	const walker = node.walker();
	let out = "";
	const separate = () => {
		if (out !== "" && !out.endsWith(blockSeparator)) out += blockSeparator;
	};
	for (let step = walker.next(); step; step = walker.next()) {
		const current = step.node;
		const inline = INLINE_TYPES.has(current.type);
		if (step.entering && (current.type === "softbreak" || current.type === "linebreak")) out += " ";
		else if (step.entering && current.literal !== null) {
			if (!inline) separate();
			out += inline ? current.literal : current.literal.trim();
			if (!inline) separate();
		} else if (!step.entering && !inline) separate();
	}
	return out.trim();
}

/** Whether a link in curator or page Markdown may become a live link: http(s) and mailto only. */
export function isSafeLinkTarget(url: string | null): url is string {
	return url ? webOrMailScheme(url) !== undefined : false;
}

/** Whether an image may be shown: http(s) only. */
export function isSafeImageSource(url: string | null): url is string {
	const scheme = url ? webOrMailScheme(url) : undefined;
	return scheme === "http:" || scheme === "https:";
}
