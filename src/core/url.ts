/**
 * Query parameters that only track where a click came from. An entry ending
 * in "*" matches every parameter with that prefix. The curator can edit this
 * list in settings; this is the default.
 */
export const DEFAULT_TRACKING_PARAMS: readonly string[] = [
	"utm_*",
	"fbclid",
	"gclid",
	"gclsrc",
	"dclid",
	"gbraid",
	"wbraid",
	"msclkid",
	"twclid",
	"li_fat_id",
	"mc_cid",
	"mc_eid",
	"ref",
	"ref_src",
	"ref_url",
	"igshid",
	"_hsenc",
	"_hsmi",
	"__hstc",
	"__hssc",
	"__hsfp",
	"hsCtaTracking",
	"mkt_tok",
	"oly_anon_id",
	"oly_enc_id",
	"vero_id",
	"yclid",
	"_ga",
	"_gl",
	"s_cid",
	"spm",
	"trk",
	"trkCampaign",
	"sc_campaign",
	"sc_channel",
	"sc_content",
	"sc_medium",
	"sc_outcome",
	"sc_geo",
	"sc_country",
];

/** Parse a URL, or undefined when it is not one. */
export function parseUrl(value: string, base?: string): URL | undefined {
	try {
		return new URL(value, base);
	} catch {
		return undefined;
	}
}

/** Only http(s) pages can be saved: not chrome://, file://, about:, data: or javascript:. */
export function isSavableUrl(value: string): boolean {
	const url = parseUrl(value);
	return url !== undefined && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

function isTrackingParam(name: string, params: readonly string[]): boolean {
	const lower = name.toLowerCase();
	return params.some((p) => {
		const pattern = p.toLowerCase();
		return pattern.endsWith("*") ? lower.startsWith(pattern.slice(0, -1)) : lower === pattern;
	});
}

function decodeName(pair: string): string {
	const name = pair.split("=", 1)[0] ?? "";
	try {
		return decodeURIComponent(name.replace(/\+/g, " "));
	} catch {
		return name;
	}
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
		.filter((pair) => pair !== "" && !isTrackingParam(decodeName(pair), params));
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
