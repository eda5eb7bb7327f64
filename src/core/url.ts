import { DEFAULT_TRACKING_PARAMS } from "./trackers.ts";

/** The default tracking parameters (see trackers.ts for the list, its syntax and its sources). The curator can edit them in settings. */
export { DEFAULT_TRACKING_PARAMS };

/** Parse a URL, or undefined when it is not one. */
export function parseUrl(value: string, base?: string): URL | undefined {
	try {
		return new URL(value, base);
	} catch {
		return undefined;
	}
}

/*
 * An http(s) URL that a URL parser is sure to accept, read without parsing:
 * a host of ASCII letters, digits and hyphens whose last label starts with a
 * letter (so it is not an IPv4 address), no punycode label (xn--, which the
 * parser would check), an optional port of at most 4 digits, then anything
 * without spaces or control characters (a path, query or fragment never
 * makes parsing fail). Nearly every link in an issue is one: rendering an
 * issue checks thousands of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters send a URL to the parser.
const SURE_WEB_URL = /^https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*(?::\d{1,4})?(?:[/?#][^\s\x00-\x1f\x7f]*)?$/i;

/** The URL's scheme when it is http:, https: or mailto: and the URL parses; undefined otherwise. */
export function webOrMailScheme(url: string): "http:" | "https:" | "mailto:" | undefined {
	if (SURE_WEB_URL.test(url) && !url.includes("xn--")) return url.charAt(4) === ":" ? "http:" : "https:";
	const protocol = parseUrl(url)?.protocol;
	return protocol === "http:" || protocol === "https:" || protocol === "mailto:" ? protocol : undefined;
}

/** Only http(s) pages can be saved: not chrome://, file://, about:, data: or javascript:. */
export function isSavableUrl(value: string): boolean {
	const url = parseUrl(value);
	return url !== undefined && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

function decodePart(part: string): string {
	try {
		return decodeURIComponent(part.replace(/\+/g, " "));
	} catch {
		return part;
	}
}

/** Whether one `name=value` pair of a query is a tracker by the list's `name`, `prefix*` and `name=value*` entries. */
function isTrackingPair(pair: string, params: readonly string[]): boolean {
	const eq = pair.indexOf("=");
	const name = decodePart(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
	const value = eq === -1 ? "" : decodePart(pair.slice(eq + 1)).toLowerCase();
	return params.some((entry) => {
		const pattern = entry.trim().toLowerCase();
		const at = pattern.indexOf("=");
		if (at !== -1) {
			if (name !== pattern.slice(0, at)) return false;
			const wanted = pattern.slice(at + 1);
			return wanted.endsWith("*") ? value.startsWith(wanted.slice(0, -1)) : value === wanted;
		}
		return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
	});
}

/** Remove the text-fragment directive (`:~:text=…`) from a hash, keeping any real anchor. */
function stripTextFragment(hash: string): string {
	const at = hash.indexOf(":~:");
	if (at === -1) return hash;
	const kept = hash.slice(0, at);
	return kept === "#" ? "" : kept;
}

/**
 * Strip tracking parameters and text-fragment directives; keep every other
 * parameter and anchor as it was. Non-URLs are returned unchanged.
 */
export function stripTracking(value: string, params: readonly string[] = DEFAULT_TRACKING_PARAMS): string {
	const url = parseUrl(value);
	if (!url) return value;
	// Filter the raw query so the parameters we keep stay byte for byte as they were.
	const kept = url.search
		.slice(1)
		.split("&")
		.filter((pair) => pair !== "" && !isTrackingPair(pair, params));
	url.search = kept.length > 0 ? `?${kept.join("&")}` : "";
	url.hash = stripTextFragment(url.hash);
	// Setting hash to "" still leaves a bare "#" in href.
	return url.href.endsWith("#") ? url.href.slice(0, -1) : url.href;
}

function registrableHost(host: string): string {
	return host.replace(/^www\./, "").toLowerCase();
}

/** Same site: same host, ignoring a leading "www.". */
export function isSameSite(a: URL, b: URL): boolean {
	return registrableHost(a.hostname) === registrableHost(b.hostname);
}

/**
 * The URL to save for a page: its rel=canonical or og:url when that is
 * http(s) and on the same site as the tab, else the tab's URL; tracking
 * parameters stripped either way.
 */
export function canonicalUrl(
	tabUrl: string,
	hints: { canonical?: string | undefined; ogUrl?: string | undefined } = {},
	params: readonly string[] = DEFAULT_TRACKING_PARAMS,
): string {
	const tab = parseUrl(tabUrl);
	if (!tab) return tabUrl;
	for (const hint of [hints.canonical, hints.ogUrl]) {
		if (!hint) continue;
		const candidate = parseUrl(hint.trim(), tab.href);
		if (
			candidate &&
			(candidate.protocol === "http:" || candidate.protocol === "https:") &&
			isSameSite(candidate, tab)
		) {
			// A canonical link never carries the reader's anchor; keep the tab's if it has one.
			if (!candidate.hash && tab.hash && !tab.hash.includes(":~:")) candidate.hash = tab.hash;
			return stripTracking(candidate.href, params);
		}
	}
	return stripTracking(tab.href, params);
}

/**
 * The key two links are matched by: http = https, "www." ignored, trailing
 * slash ignored, parameters sorted, tracking parameters and text fragments
 * removed. Not a URL to visit.
 */
export function urlKey(value: string, params: readonly string[] = DEFAULT_TRACKING_PARAMS): string {
	const url = parseUrl(stripTracking(value, params));
	if (!url) return value.trim();
	url.searchParams.sort();
	const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : "";
	const port = url.port ? `:${url.port}` : "";
	const search = url.searchParams.toString();
	const hash = url.hash.length > 1 ? url.hash : "";
	return `${registrableHost(url.hostname)}${port}${path}${search ? `?${search}` : ""}${hash}`;
}

/**
 * Link redirectors and shorteners by host: the query parameter that carries
 * the destination, or null when the destination cannot be read from the URL
 * (t.co, bit.ly: the referrer says only that a shortener was clicked).
 */
const REDIRECTORS: Readonly<Record<string, string | null>> = {
	"t.co": null,
	"bit.ly": null,
	"buff.ly": null,
	"ow.ly": null,
	"lnkd.in": null,
	"dlvr.it": null,
	"tinyurl.com": null,
	"l.facebook.com": "u",
	"lm.facebook.com": "u",
	"l.messenger.com": "u",
	"l.instagram.com": "u",
	"l.threads.net": "u",
	"out.reddit.com": "url",
	"href.li": "",
	"slack-redir.net": "url",
	"away.vk.com": "to",
	"t.umblr.com": "z",
	"duckduckgo.com/l": "uddg",
	"google.com/url": "q",
	"youtube.com/redirect": "q",
	"linkedin.com/redir/redirect": "url",
};

function redirectorParam(url: URL): string | null | undefined {
	const host = registrableHost(url.hostname);
	const path = url.pathname.replace(/\/+$/, "");
	const bare = host.replace(/^(?:www|m)\./, "");
	for (const key of [host, `${bare}${path}`, `${bare.replace(/^[a-z]{2}\./, "")}${path}`]) {
		if (key in REDIRECTORS) return REDIRECTORS[key];
	}
	// google.co.uk/url, google.de/url…
	if (/^google\.[a-z.]+$/.test(bare) && path === "/url") return "q";
	return undefined;
}

/**
 * The page to credit as "via" for a visit that came from `referrer`: the
 * referrer itself, the destination a redirector (l.facebook.com,
 * google.com/url, out.reddit.com) wraps, or undefined when it names no other
 * site — a shortener such as t.co, a redirect to the page itself, the page's
 * own site, or not http(s). Tracking parameters are stripped.
 */
export function viaFromReferrer(
	referrer: string,
	pageUrl: string,
	params: readonly string[] = DEFAULT_TRACKING_PARAMS,
): string | undefined {
	let from = parseUrl(referrer);
	const page = parseUrl(pageUrl);
	for (let hops = 0; from && hops < 3; hops++) {
		const param = redirectorParam(from);
		if (param === undefined) break;
		if (param === null) return undefined;
		// href.li puts the destination after "?" with no name.
		const target: string | null =
			param === "" ? decodeURIComponent(from.search.slice(1)) : from.searchParams.get(param);
		from = target ? parseUrl(target) : undefined;
	}
	if (!from || !page || !isSavableUrl(from.href) || isSameSite(from, page)) return undefined;
	return stripTracking(from.href, params);
}
