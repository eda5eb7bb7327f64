/**
 * Single-page apps change route without reloading, and many leave the
 * previous route's og:*, twitter:* and JSON-LD tags in `<head>`. These
 * functions tell such leftovers apart from a page that simply has a
 * canonical URL different from the one it was opened at.
 */
import { firstString, type JsonNode } from "./json-ld.ts";
import { type MetaTags, metaValues } from "./meta.ts";
import { isSiteNameOnly, type SiteContext, trimSiteName } from "./site-title.ts";
import * as sources from "./sources.ts";
import { cleanText, LIMITS, squash } from "./text.ts";
import { isOtherRoute } from "./urls.ts";

/** Loose title equality: one contains the other once case, spaces and punctuation are ignored. */
export function titlesAgree(a: string, b: string): boolean {
	const x = squash(a);
	const y = squash(b);
	return x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x));
}

/**
 * Whether the route-specific title (og:title, twitter:title, JSON-LD) names
 * the same page as `<title>`, which single-page apps do keep up to date. Both
 * are compared without their site name; a site-name-only title proves nothing.
 */
function routeTitlesAgree(
	doc: Document,
	meta: MetaTags,
	pageNode: JsonNode | undefined,
	context: SiteContext,
): boolean {
	const own = cleanText(doc.title, LIMITS.title);
	if (!own) return false;
	const current = trimSiteName(own, context).title;
	if (isSiteNameOnly(current, context)) return false;
	const routeTitles = [
		...metaValues(meta, sources.SOCIAL_TITLE),
		pageNode && firstString(pageNode.headline),
		pageNode && firstString(pageNode.name),
	];
	return routeTitles.some((value) => {
		const text = cleanText(value, LIMITS.title);
		if (!text) return false;
		const title = trimSiteName(text, context).title;
		return !isSiteNameOnly(title, context) && titlesAgree(title, current);
	});
}

/**
 * The canonical / og:url hints that are left over from another route, or an
 * empty list when the route tags describe this page. Hints naming another
 * route of the same site count as leftovers only when the route's title also
 * disagrees with `<title>`: a page opened at an alias URL has a different
 * canonical but the same title.
 */
export function leftoverHints(
	doc: Document,
	location: string,
	hints: readonly (string | undefined)[],
	meta: MetaTags,
	pageNode: JsonNode | undefined,
	context: SiteContext,
): string[] {
	const other = hints.filter((hint): hint is string => hint !== undefined && isOtherRoute(hint, location));
	if (other.length === 0) return [];
	try {
		return routeTitlesAgree(doc, meta, pageNode, context) ? [] : other;
	} catch {
		return other;
	}
}

/** Meta tags without the route-specific ones (og:site_name, og:locale and twitter:site describe the site and stay). */
export function withoutRouteTags(meta: MetaTags): MetaTags {
	const kept = new Map<string, readonly string[]>();
	for (const [key, values] of meta) {
		const routeTag = sources.ROUTE_TAG_PREFIXES.some((prefix) => key.startsWith(prefix));
		if (!routeTag || sources.SITE_WIDE_TAGS.has(key)) kept.set(key, values);
	}
	return kept;
}
