import { parseUrl } from "../core/url.ts";
import { joinAuthors } from "./authors.ts";
import { type Byline, bylineDate, readByline } from "./byline.ts";
import { normalizeDate } from "./dates.ts";
import { publishedTime } from "./dom-fallbacks.ts";
import {
	firstString,
	imagesOf,
	type JsonNode,
	mainNode,
	nameOfType,
	namesOf,
	nodeUrls,
	rankOf,
	readJsonLd,
} from "./json-ld.ts";
import { normalizeLang } from "./lang.ts";
import { collectMeta, type MetaTags, metaValues } from "./meta.ts";
import { attempt, onceTitle, type ReadContext } from "./read-context.ts";
import { leftoverHints, withoutRouteTags } from "./route-leftovers.ts";
import { cleanSiteName, copyrightName, homeLinkNames } from "./site-name.ts";
import type { SiteContext } from "./site-title.ts";
import * as sources from "./sources.ts";
import { cleanText, LIMITS, squash } from "./text.ts";
import { pickTitle, siteFromTitles } from "./title.ts";
import { baseUrl, httpUrl, isSameRoute } from "./urls.ts";

/** A page's metadata: plain, bounded strings; URLs absolute http(s); absent when not found. */
export interface PageDetails {
	canonical?: string;
	ogUrl?: string;
	title?: string;
	author?: string;
	siteName?: string;
	/** ISO 8601: "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:mm:ss.sssZ" for a time. */
	publishedAt?: string;
	description?: string;
	image?: string;
	lang?: string;
}

function firstClean(values: readonly unknown[], max: number, html = false): string | undefined {
	for (const value of values) {
		const text = cleanText(value, max, { html });
		if (text) return text;
	}
	return undefined;
}

function declaredSiteName(meta: MetaTags, host: string): string | undefined {
	return cleanSiteName(firstClean(meta.get(sources.OG_SITE_NAME) ?? [], LIMITS.siteName, true), host);
}

function otherSiteNames(c: ReadContext, pageNode: JsonNode | undefined): string[] {
	// The publisher is the same on every route, so a leftover JSON-LD node still names it.
	const publisher = pageNode ? namesOf(pageNode.publisher, c.ld) : [];
	const names: string[] = [];
	for (const value of [
		nameOfType(c.ld, ["website"]),
		...publisher,
		nameOfType(c.ld, ["organization", "newsmediaorganization"]),
		...metaValues(c.meta, sources.SITE_NAME),
	]) {
		const name = cleanSiteName(cleanText(value, LIMITS.siteName, { html: true }), hostOf(c));
		if (name && !names.includes(name)) names.push(name);
	}
	return names;
}

function hostOf(c: ReadContext): string {
	return attempt(() => new URL(c.location).hostname) ?? "";
}

/** True when a squashed name is the site's own: an author equal to the site is no author. */
function isSiteItself(names: readonly unknown[]): (squashed: string) => boolean {
	const keys = new Set(names.filter((n): n is string => typeof n === "string").map(squash));
	keys.delete("");
	return (key) => keys.has(key);
}

function authorOf(
	c: ReadContext,
	isSite: (squashed: string) => boolean,
	byline: () => Byline | undefined,
): string | undefined {
	const notSite = (values: readonly unknown[]) =>
		values.filter((value) => typeof value !== "string" || !isSite(squash(value.replace(/^by\s+/i, ""))));
	const ldAuthors = c.main ? namesOf(c.main.author ?? c.main.creator, c.ld) : [];
	return (
		joinAuthors(notSite(ldAuthors)) ??
		joinAuthors(notSite(metaValues(c.meta, sources.AUTHOR_FAMILY_FIRST)), { familyFirst: true }) ??
		joinAuthors(notSite(metaValues(c.meta, sources.AUTHOR))) ??
		joinAuthors(byline()?.names ?? [])
	);
}

function publishedOf(c: ReadContext, byline: () => Byline | undefined): string | undefined {
	const nodes = c.main ? [c.main] : [];
	for (const node of c.ld.nodes) {
		// Other nodes about this very page (Yoast puts datePublished on the WebPage too).
		if (node !== c.main && rankOf(node) > 0 && nodeUrls(node).some((url) => isSameRoute(url, c.location))) {
			nodes.push(node);
		}
	}
	for (const node of nodes) {
		for (const key of ["datePublished", "dateCreated", "uploadDate"]) {
			const date = normalizeDate(firstString(node[key]));
			if (date) return date;
		}
	}
	for (const value of metaValues(c.meta, sources.PUBLISHED)) {
		const date = normalizeDate(value);
		if (date) return date;
	}
	const shown = publishedTime(c.doc);
	if (shown) return shown;
	const found = byline();
	return found ? bylineDate(found) : undefined;
}

function descriptionOf(c: ReadContext): string | undefined {
	const ldDescription = c.main ? firstString(c.main.description) : undefined;
	return firstClean([ldDescription, ...metaValues(c.meta, sources.DESCRIPTION)], LIMITS.description, true);
}

function imageOf(c: ReadContext): string | undefined {
	const main = c.main;
	const values: unknown[] = [
		...metaValues(c.meta, sources.OG_IMAGE),
		...(main ? [...imagesOf(main.image, c.ld), ...imagesOf(main.thumbnailUrl, c.ld)] : []),
		...metaValues(c.meta, sources.TWITTER_IMAGE),
		() => c.doc.querySelector("link[rel~=image_src i][href]")?.getAttribute("href"),
		...metaValues(c.meta, sources.MICRODATA_IMAGE),
	];
	for (const value of values) {
		const url = httpUrl(typeof value === "function" ? attempt(value as () => unknown) : value, c.base);
		if (url) return url;
	}
	return undefined;
}

function langOf(c: ReadContext): string | undefined {
	const root = c.doc.documentElement;
	const inLanguage = c.main?.inLanguage;
	const ldLang =
		firstString(inLanguage) ??
		(typeof inLanguage === "object" && inLanguage !== null
			? firstString((inLanguage as JsonNode).alternateName)
			: undefined);
	const values = [
		root?.getAttribute("lang"),
		root?.getAttribute("xml:lang"),
		...metaValues(c.meta, sources.LANGUAGE),
		ldLang,
	];
	for (const value of values) {
		const lang = normalizeLang(value);
		if (lang) return lang;
	}
	return undefined;
}

/**
 * Read a page's metadata. `location` is the URL the page is at (relative URLs
 * resolve against `<base href>` when present, else this).
 *
 * Precedence, first usable value wins:
 * - title: JSON-LD headline/name of an article or other creative work →
 *   og:title → twitter:title → JSON-LD WebPage name → citation_title,
 *   parsely-title (also from the parsely-page JSON), DC.title,
 *   dcterms.title, meta title, itemprop headline/name → `<title>` → first `<h1>`
 *   (inside article/main first). Site-name suffixes/prefixes are trimmed; a
 *   title that is only the site name is skipped (used only when nothing else
 *   exists); a headline cut with "…" gives way to the next source with it
 *   whole; a `<title>` that names only the book or site gives way to the
 *   `<h1>` naming the chapter.
 * - author: JSON-LD author (or creator) → citation_author, DC.creator,
 *   dcterms.creator → meta author, article:author, sailthru/parsely → the
 *   visible byline (byline.ts: itemprop/rel=author, `<address>`, byline and
 *   author classes, scored by position). URLs and handles never count as
 *   names; a name equal to the site's own (og:site_name, WebSite,
 *   application-name, the home link) is no author.
 * - siteName: og:site_name → the site part of og:title / `<title>` when it
 *   matches the host ("Wikipedia" on en.wikipedia.org, "Site Reliability
 *   Engineering" on sre.google) → JSON-LD WebSite name → JSON-LD publisher
 *   name → JSON-LD Organization name → citation_journal_title,
 *   citation_conference_title, DC.publisher, citation_publisher,
 *   application-name → a title part matching the home link → the home link's
 *   text or logo alt → the copyright line when it names the host. Every
 *   name loses a tagline ("Aktuálně.cz - Víte, co se právě děje") and a legal
 *   form ("Spiceworks Inc").
 * - publishedAt: JSON-LD datePublished, dateCreated, uploadDate →
 *   article:published_time and the other meta keys in sources.PUBLISHED
 *   (citation_publication_date, DC.date, …) → `<time>` in the page (see
 *   publishedTime) → a date shown in the byline. Modification dates are never used.
 * - description: JSON-LD description → og:description → twitter:description →
 *   meta description → DC/dcterms description/abstract → citation_abstract.
 * - image: og:image → JSON-LD image, thumbnailUrl → twitter:image →
 *   `<link rel=image_src>` → itemprop image.
 * - lang: `<html lang>` → xml:lang → Content-Language → meta language / DC →
 *   og:locale → JSON-LD inLanguage.
 *
 * Single-page apps: when og:url or the canonical link names another route of
 * the same site than `location` and og:title disagrees with `<title>`, the
 * route-specific tags (og:*, article:*, twitter:*, itemprop metas, JSON-LD)
 * are left over from a previous route: they are ignored (og:site_name and
 * og:locale excepted), and so are the leftover canonical / og:url. The title
 * then comes from `<title>` or the `<h1>`. See route-leftovers.ts.
 */
export function extractDetails(doc: Document, location: string): PageDetails {
	const out: PageDetails = {};
	const base = attempt(() => baseUrl(doc, location)) ?? location;
	const host = attempt(() => parseUrl(location)?.hostname) ?? "";
	const allMeta = attempt(() => collectMeta(doc)) ?? new Map<string, string[]>();
	const ld = attempt(() => readJsonLd(doc)) ?? { nodes: [], byId: new Map() };
	const isThisPage = (url: string): boolean => isSameRoute(url, location);
	const pageNode = attempt(() => mainNode(ld, isThisPage));
	const declaredSite = attempt(() => declaredSiteName(allMeta, host));

	const canonical = attempt(() =>
		httpUrl(doc.querySelector("link[rel~=canonical i][href]")?.getAttribute("href"), base),
	);
	const ogUrl = attempt(() => httpUrl(allMeta.get("og:url")?.[0], base));
	const leftovers = leftoverHints(doc, location, [canonical, ogUrl], allMeta, pageNode, {
		siteName: declaredSite,
		host,
	});
	const stale = leftovers.length > 0;
	if (canonical && !leftovers.includes(canonical)) out.canonical = canonical;
	if (ogUrl && !leftovers.includes(ogUrl)) out.ogUrl = ogUrl;

	const c: ReadContext = {
		doc,
		location,
		base,
		ld,
		meta: stale ? withoutRouteTags(allMeta) : allMeta,
		// A leftover JSON-LD node is still trusted when it names this very page.
		main: pageNode && (!stale || nodeUrls(pageNode).some(isThisPage)) ? pageNode : undefined,
		title: onceTitle(doc),
	};
	const otherSites = attempt(() => otherSiteNames(c, pageNode)) ?? [];
	// The home link is read only when the page does not declare its site's name.
	const homeNames = declaredSite ? [] : (attempt(() => homeLinkNames(doc, location)) ?? []);
	const aliases = [...otherSites, ...homeNames];
	// Not the publisher: a personal blog's publisher is its author.
	const isSite = isSiteItself([
		declaredSite,
		nameOfType(ld, ["website"]),
		...metaValues(allMeta, sources.SITE_NAME),
		...homeNames,
	]);
	let byline: Byline | undefined | null = null;
	// Read the body's byline at most once, and only when a field needs it.
	const readBylineOnce = () => {
		if (byline === null) byline = attempt(() => readByline(doc, isSite));
		return byline;
	};
	const author = attempt(() => authorOf(c, isSite, readBylineOnce));
	const site: SiteContext = { siteName: declaredSite ?? otherSites[0], aliases, host, author };
	const fields: PageDetails = {
		title: attempt(() => pickTitle(c, site)),
		author,
		siteName:
			declaredSite ??
			// A title part naming the host outranks the publisher; one matching only the home link does not.
			attempt(() => siteFromTitles(c, { ...site, aliases: [] })) ??
			otherSites[0] ??
			attempt(() => siteFromTitles(c, site)) ??
			homeNames[0] ??
			attempt(() => copyrightName(doc, host)),
		publishedAt: attempt(() => publishedOf(c, readBylineOnce)),
		description: attempt(() => descriptionOf(c)),
		image: attempt(() => imageOf(c)),
		lang: attempt(() => langOf(c)),
	};
	for (const [key, value] of Object.entries(fields) as [keyof PageDetails, string | undefined][]) {
		if (value !== undefined) out[key] = value;
	}
	return out;
}
