import TurndownService from "turndown";
import { LIMITS } from "./text.ts";
import { httpUrl } from "./urls.ts";

// Nothing the reader sees as text, or nothing that should travel in a quote.
const DROPPED =
	"script, style, noscript, template, iframe, object, embed, canvas, svg, button, input, select, textarea, link, meta, [hidden], [aria-hidden=true]";

function unwrap(element: Element): void {
	element.replaceWith(...Array.from(element.childNodes));
}

function absoluteHref(value: string | null, base: string): string | undefined {
	if (!value || value.length > LIMITS.url) return undefined;
	if (/^mailto:/i.test(value.trim())) return value.trim();
	return httpUrl(value, base);
}

// An inline style that hides the element: the page shows none of its text.
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)/i;

/** Drop what is not readable text from a copy of selected HTML: scripts, styles, hidden and form elements. */
export function dropNonText(root: Element): void {
	for (const element of Array.from(root.querySelectorAll(DROPPED))) element.remove();
	for (const element of Array.from(root.querySelectorAll("[style]"))) {
		if (HIDDEN_STYLE.test(element.getAttribute("style") ?? "")) element.remove();
	}
}

const LONG_SPACE = /\s{100,}/g;

/**
 * Cut runs of 100+ whitespace characters in a copy of selected HTML to 100.
 * No real text has them, and Turndown's trailing-whitespace trim is quadratic
 * in their length.
 */
export function limitWhitespace(root: Element): void {
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, 0x4);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node as Text;
		if (text.data.length >= 100) text.data = text.data.replace(LONG_SPACE, (run) => run.slice(0, 100));
	}
}

/**
 * Make a copy of selected HTML self-contained: link and image URLs resolved
 * against `base`, links that go nowhere (javascript:, empty) unwrapped,
 * attributes other than href / src / alt removed.
 */
export function absolutizeLinks(root: Element, base: string): void {
	for (const link of Array.from(root.querySelectorAll("a"))) {
		const href = absoluteHref(link.getAttribute("href"), base);
		if (!href) {
			unwrap(link);
			continue;
		}
		for (const name of link.getAttributeNames()) link.removeAttribute(name);
		link.setAttribute("href", href);
	}
	for (const image of Array.from(root.querySelectorAll("img"))) {
		const src = httpUrl(image.getAttribute("src"), base) ?? httpUrl(image.getAttribute("data-src"), base);
		if (!src) {
			image.remove();
			continue;
		}
		const alt = (image.getAttribute("alt") ?? "").slice(0, 1_000);
		for (const name of image.getAttributeNames()) image.removeAttribute(name);
		image.setAttribute("src", src);
		image.setAttribute("alt", alt);
	}
}

const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]{1,30})(?=\s|$)/;

function codeLanguage(pre: Element): string {
	for (const element of [pre.querySelector("code"), pre, pre.parentElement]) {
		const match = LANGUAGE_CLASS.exec(element?.getAttribute("class") ?? "");
		if (match?.[1]) return match[1].toLowerCase();
	}
	return pre.getAttribute("lang") ?? pre.getAttribute("data-lang") ?? "";
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

// Text that CommonMark would read as the start of a tag, comment or autolink, or as an entity.
const TAG_START = /<(?=[A-Za-z/!?])/g;
const ENTITY_LIKE = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
const MAX_LIST_NUMBER = 999_999_999;

/** The number a list item shows: the list's `start` (a plain integer, else 1) plus its place. */
function itemNumber(item: Element): number {
	const list = item.parentElement;
	const start = /^\s*(\d{1,9})\s*$/.exec(list?.getAttribute("start") ?? "")?.[1];
	const index = list ? Array.prototype.indexOf.call(list.children, item) : 0;
	return Math.min((start === undefined ? 1 : Number(start)) + index, MAX_LIST_NUMBER);
}

/** A converter for selected HTML: ATX headings, fenced code blocks (every `<pre>`, with its language), "-" bullets, "_" emphasis. */
export function createConverter(): TurndownService {
	const service = new TurndownService({
		headingStyle: "atx",
		codeBlockStyle: "fenced",
		bulletListMarker: "-",
		emDelimiter: "*",
		strongDelimiter: "**",
		linkStyle: "inlined",
	});
	// Page text is text: "&lt;script&gt;" on the page must not become a tag in the Markdown.
	const escapeMarkdown = service.escape.bind(service);
	service.escape = (text) => escapeMarkdown(text).replace(TAG_START, "\\<").replace(ENTITY_LIKE, "\\&");
	service.addRule("listItem", {
		filter: "li",
		replacement: (content, node) => {
			const item = node as Element;
			const prefix = item.parentElement?.nodeName === "OL" ? `${itemNumber(item)}.  ` : "-   ";
			const paragraph = /\n$/.test(content);
			const body = content.replace(/^\n+/, "").replace(/\n+$/, "") + (paragraph ? "\n" : "");
			// Continuation lines line up with the text after the marker, so they stay in the item.
			return prefix + body.replace(/\n/g, `\n${" ".repeat(prefix.length)}`) + (item.nextSibling ? "\n" : "");
		},
	});
	service.addRule("image", {
		filter: "img",
		replacement: (_content, node) => {
			const image = node as Element;
			const src = (image.getAttribute("src") ?? "")
				.replace(/[()]/g, "\\$&")
				.replace(/[<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
			const alt = service.escape((image.getAttribute("alt") ?? "").replace(/\s+/g, " "));
			return src ? `![${alt}](${src})` : "";
		},
	});
	// Turndown fences only <pre><code>; highlighted code is often <pre><span>…, so every <pre> is a block.
	service.addRule("preformatted", {
		filter: (node) => node.nodeName === "PRE",
		replacement: (_content, node) => {
			const code = (node.textContent ?? "").replace(/\n$/, "");
			const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
			const language = codeLanguage(node).replace(/[^\w+#.-]/g, "");
			return `\n\n${fence}${language}\n${code}\n${fence}\n\n`;
		},
	});
	return service;
}
