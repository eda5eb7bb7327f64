import { isSameSite, parseUrl, stripTracking } from "../core/url.ts";
import { decodeEntities, isPlaceholder, LIMITS } from "./text.ts";

/**
 * Resolve a URL found in the page against `base`; keep it only when it is
 * http(s) and not absurdly long (a cut URL is a broken URL, so long ones are
 * dropped, not cut).
 */
export function httpUrl(value: unknown, base: string): string | undefined {
	if (typeof value !== "string") return undefined;
	const text = value.trim();
	if (text.length > LIMITS.url || isPlaceholder(text)) return undefined;
	const url = parseUrl(text.includes("&") ? decodeEntities(text) : text, base);
	if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return undefined;
	return url.href.length > LIMITS.url ? undefined : url.href;
}

/** The URL relative links resolve against: the document's base URL (`<base href>`) when http(s), else the page URL. */
export function baseUrl(doc: Document, location: string): string {
	return httpUrl(doc.baseURI, location) ?? location;
}

function trimSlashes(path: string): string {
	let end = path.length;
	while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
	return path.slice(0, end);
}

function routePath(url: URL): string {
	let path = url.pathname;
	try {
		path = decodeURI(path);
	} catch {
		// Keep the raw path when it is not valid percent-encoding.
	}
	path = path
		.toLowerCase()
		.replace(/\/index\.(?:html?|php|aspx?)$/, "/")
		.replace(/^\/amp(?=\/)/, "")
		.replace(/\/amp\/?$/, "/");
	path = trimSlashes(path);
	// Hash routers ("#/issues/1", "#!/post/2") keep the route in the fragment.
	const hash = url.hash;
	if (hash.startsWith("#/") || hash.startsWith("#!/")) {
		const route = hash.slice(hash.indexOf("/")).split("?", 1)[0] ?? "";
		path += `#${trimSlashes(route.toLowerCase())}`;
	}
	return path;
}

/** A query parameter present in both URLs with different values names a different page (`?v=a` vs `?v=b`). */
function queriesConflict(a: URL, b: URL): boolean {
	for (const [key, value] of a.searchParams) {
		const other = b.searchParams.getAll(key);
		if (other.length > 0 && !other.includes(value)) return true;
	}
	return false;
}

/** Whether two URLs name the same page of the same site (tracking parameters, trailing slash, AMP ignored). */
export function isSameRoute(a: string, b: string): boolean {
	const x = parseUrl(stripTracking(a));
	const y = parseUrl(stripTracking(b));
	return !!x && !!y && isSameSite(x, y) && routePath(x) === routePath(y) && !queriesConflict(x, y);
}

/**
 * Whether `hint` (a canonical or og:url) names a different route of the same
 * site than `location`: the signature of tags left over from a previous
 * single-page-app route. A hint on another site is a cross-posting canonical,
 * not a leftover, so it never counts as a different route.
 */
export function isOtherRoute(hint: string, location: string): boolean {
	const a = parseUrl(stripTracking(hint));
	const b = parseUrl(stripTracking(location));
	if (!a || !b || !isSameSite(a, b)) return false;
	return routePath(a) !== routePath(b) || queriesConflict(a, b);
}
