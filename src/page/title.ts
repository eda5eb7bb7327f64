import { mainHeading } from "./dom-fallbacks.ts";
import { firstString, type JsonNode, rankOf } from "./json-ld.ts";
import { metaValues } from "./meta.ts";
import { attempt, type ReadContext } from "./read-context.ts";
import { titlesAgree } from "./route-leftovers.ts";
import { isSiteNameOnly, type SiteContext, trimSiteName } from "./site-title.ts";
import * as sources from "./sources.ts";
import { cleanText, LIMITS, squash } from "./text.ts";

interface TitleCandidate {
	/** A value, or a function reading it from the body only when the earlier candidates failed. */
	value: unknown;
	fromJsonLd?: boolean;
	/** Headings are shown text, never carrying a site suffix. */
	keepAsIs?: boolean;
	/** The `<title>` element. */
	documentTitle?: boolean;
}

/**
 * headline, or name when only the name agrees with the page's other titles:
 * some sites (Wikipedia) put a one-line summary in headline.
 */
function jsonLdTitle(c: ReadContext, main: JsonNode): string | undefined {
	const headline = firstString(main.headline);
	const name = firstString(main.name);
	if (!headline || !name) return headline ?? name;
	const others = [...metaValues(c.meta, sources.SOCIAL_TITLE), c.title()];
	const agrees = (value: string) => others.some((other) => titlesAgree(value, other));
	return !agrees(headline) && agrees(name) ? name : headline;
}

function candidates(c: ReadContext): TitleCandidate[] {
	const main = c.main;
	const ldTitle = main ? jsonLdTitle(c, main) : undefined;
	const isWork = main !== undefined && rankOf(main) >= 2;
	const list: TitleCandidate[] = [];
	if (isWork) list.push({ value: ldTitle, fromJsonLd: true });
	for (const value of metaValues(c.meta, sources.SOCIAL_TITLE)) list.push({ value });
	if (!isWork) list.push({ value: ldTitle, fromJsonLd: true });
	for (const value of metaValues(c.meta, sources.DOCUMENT_TITLE)) list.push({ value });
	list.push({ value: c.title(), documentTitle: true });
	list.push({ value: () => mainHeading(c.doc), keepAsIs: true });
	return list;
}

/**
 * An online book's `<title>` often names the book and its publisher
 * ("Google - Site Reliability Engineering") while the `<h1>` names the
 * chapter. When what is left of the `<title>` once the site is removed is a
 * short name the heading does not mention, the heading is the page's title.
 */
function chapterHeading(c: ReadContext, raw: string, rest: string): string | undefined {
	const words = rest.split(" ").length;
	if (words > 3) return undefined;
	const heading = mainHeading(c.doc);
	if (!heading || heading.split(" ").length <= words) return undefined;
	const h = squash(heading);
	if (h.length < 4 || squash(raw).includes(h) || h.includes(squash(rest))) return undefined;
	return heading;
}

function isCutShort(title: string): boolean {
	return title.endsWith("…") || title.endsWith("...");
}

/**
 * The page's title, by the precedence documented on extractDetails: site
 * names trimmed, site-name-only titles skipped unless nothing else exists,
 * and a headline cut short with "…" replaced by a later source that has it whole.
 */
export function pickTitle(c: ReadContext, site: SiteContext): string | undefined {
	let siteOnly: string | undefined;
	const found: string[] = [];
	for (const candidate of candidates(c)) {
		const raw = typeof candidate.value === "function" ? attempt(candidate.value as () => unknown) : candidate.value;
		const text = cleanText(raw, LIMITS.title, { html: candidate.fromJsonLd === true });
		if (!text) continue;
		let title = candidate.keepAsIs ? text : trimSiteName(text, site).title;
		if (candidate.documentTitle && title !== text) title = chapterHeading(c, text, title) ?? title;
		if (isSiteNameOnly(title, site)) {
			siteOnly ??= title;
			continue;
		}
		found.push(title);
		if (!isCutShort(title) || found.length > 1) break;
	}
	const [chosen, next] = found;
	if (chosen && next && isCutShort(chosen) && next.length > chosen.length) {
		const stem = squash(chosen);
		if (squash(next).startsWith(stem)) return next;
	}
	return chosen ?? siteOnly;
}

/** The site's name as its own titles write it: a part of og:title or `<title>` that matches the host. */
export function siteFromTitles(c: ReadContext, site: SiteContext): string | undefined {
	for (const value of [...metaValues(c.meta, sources.SOCIAL_TITLE), c.title()]) {
		const text = cleanText(value, LIMITS.title);
		const found = text ? cleanText(trimSiteName(text, site).site, LIMITS.siteName) : undefined;
		if (found) return found;
	}
	return undefined;
}
