/**
 * Details read from the page body when its metadata has none: the main
 * heading and the publication `<time>` (the byline is read by byline.ts). Every
 * query is a handful of selectors over a bounded number of elements.
 */
import { normalizeDate } from "./dates.ts";
import { cleanText, LIMITS } from "./text.ts";

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

function firstDate(doc: Document, selector: string, skipOther: boolean): string | undefined {
	const elements = doc.querySelectorAll(selector);
	const count = Math.min(elements.length, MAX_CANDIDATES);
	for (let i = 0; i < count; i++) {
		const element = elements[i];
		if (!element) continue;
		// A time inside a comment, or marked "updated", is not the article's publication.
		if (skipOther && markedAs(element, NOT_PUBLISHED)) continue;
		const date = dateFrom(element);
		if (date) return date;
	}
	return undefined;
}

/**
 * The publication date shown in the page, in this order: an element (not
 * `<meta>`) with itemprop=datePublished; a `<time pubdate>` or one whose class says
 * "published"; the first `<time datetime>` inside `<article>`, then inside
 * `<main>`. Times marked as modified/updated are skipped.
 */
export function publishedTime(doc: Document): string | undefined {
	return (
		// <meta itemprop> was read with the other meta tags (and is ignored when left over from another route).
		firstDate(doc, "[itemprop~=datePublished]:not(meta)", false) ??
		firstDate(
			doc,
			"time[pubdate], time[class*=publish i], time.dt-published, [class*=publish i] time, [class*=byline i] time, .dt-published[datetime]",
			true,
		) ??
		firstDate(doc, "article time[datetime]", true) ??
		firstDate(doc, "main time[datetime], [role=main] time[datetime]", true)
	);
}
