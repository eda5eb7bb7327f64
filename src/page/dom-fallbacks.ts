/**
 * Details read from the page body when its metadata has none: the main
 * heading and the publication `<time>` (the byline is read by byline.ts). Each
 * is one query or one walk over a bounded number of elements.
 */
import { normalizeDate } from "./dates.ts";
import { cleanText, LIMITS } from "./text.ts";
import { walkElements } from "./walk.ts";

const MAX_CANDIDATES = 20;
const NOT_PUBLISHED = /modif|updat|edited|comment|reply/i;

function first(doc: Document, selectors: readonly string[]): Element | undefined {
	for (const selector of selectors) {
		const element = doc.querySelector(selector);
		if (element) return element;
	}
	return undefined;
}

/** Text of the page's main heading, preferring one inside the article or main content. */
export function mainHeading(doc: Document): string | undefined {
	const heading = first(doc, ["article h1", "main h1", "[role=main] h1", "h1"]);
	return cleanText(heading?.textContent, LIMITS.title);
}

function dateFrom(element: Element): string | undefined {
	// Blogger: <abbr class="published" title="2024-03-09T10:15:00-08:00">10:15 AM</abbr>.
	const attribute =
		element.getAttribute("datetime") ??
		element.getAttribute("content") ??
		(element.localName === "abbr" ? element.getAttribute("title") : null);
	if (attribute) return normalizeDate(attribute);
	const text = element.textContent ?? "";
	return text.length <= 80 ? normalizeDate(text) : undefined;
}

/**
 * Whether the element or one of its three nearest ancestors has a class or
 * itemprop matching `pattern` ("last-modified-date", "comment-meta"). Not
 * every ancestor: a theme's `<body class="comments-open">` says nothing.
 */
function markedAs(element: Element, pattern: RegExp): boolean {
	let current: Element | null = element;
	for (let level = 0; current && level < 4; level++) {
		const marks = `${current.getAttribute("class") ?? ""} ${current.getAttribute("itemprop") ?? ""}`;
		if (pattern.test(marks)) return true;
		current = current.parentElement;
	}
	return false;
}

function firstDate(elements: readonly Element[], skipOther: boolean): string | undefined {
	for (const element of elements.slice(0, MAX_CANDIDATES)) {
		// A time inside a comment, or marked "updated", is not the article's publication.
		if (skipOther && markedAs(element, NOT_PUBLISHED)) continue;
		const date = dateFrom(element);
		if (date) return date;
	}
	return undefined;
}

const PUBLISHED_MARK = /publish/i;
const NEAR_MARK = /publish|byline/i;
/** Elements looked at for a shown date, in document order. */
const MAX_VISITED = 8_000;

/** Whether one of the element's ancestors (six levels up) has a class matching `pattern`. */
function insideMarked(element: Element, pattern: RegExp): boolean {
	let current = element.parentElement;
	for (let level = 0; current && level < 6; level++) {
		if (pattern.test(current.getAttribute("class") ?? "")) return true;
		current = current.parentElement;
	}
	return false;
}

/**
 * The publication date shown in the page, in this order: an element (not
 * `<meta>`) with itemprop=datePublished; a `<time pubdate>` or one whose class says
 * "published"; the first `<time datetime>` inside `<article>`, then inside
 * `<main>`. Times marked as modified/updated are skipped.
 */
export function publishedTime(doc: Document): string | undefined {
	const root = doc.body ?? doc.documentElement;
	if (!root) return undefined;
	// One walk over the body collects every kind of candidate (one selector each costs a full pass in some engines).
	const itemprop: Element[] = [];
	const marked: Element[] = [];
	const inArticle: Element[] = [];
	const inMain: Element[] = [];
	walkElements(root, MAX_VISITED, (element) => {
		const tag = element.localName;
		if (tag !== "time" && !element.hasAttributes()) return true;
		// <meta itemprop> was read with the other meta tags (and is ignored when left over from another route).
		if (tag !== "meta" && /(?:^|\s)datePublished(?:\s|$)/.test(element.getAttribute("itemprop") ?? "")) {
			itemprop.push(element);
		}
		const isTime = tag === "time";
		const className = element.getAttribute("class") ?? "";
		if (
			marked.length < MAX_CANDIDATES &&
			((isTime &&
				(element.hasAttribute("pubdate") ||
					PUBLISHED_MARK.test(className) ||
					/(?:^|\s)dt-published(?:\s|$)/.test(className) ||
					insideMarked(element, NEAR_MARK))) ||
				(!isTime && /(?:^|\s)dt-published(?:\s|$)/.test(className) && element.hasAttribute("datetime")))
		) {
			marked.push(element);
		}
		if (isTime && element.hasAttribute("datetime")) {
			// Only the first few of each kind are read; a page of comments has thousands.
			if (inArticle.length < MAX_CANDIDATES && element.closest("article")) inArticle.push(element);
			if (inMain.length < MAX_CANDIDATES && element.closest("main, [role=main]")) inMain.push(element);
		}
		return true;
	});
	return firstDate(itemprop, false) ?? firstDate(marked, true) ?? firstDate(inArticle, true) ?? firstDate(inMain, true);
}
