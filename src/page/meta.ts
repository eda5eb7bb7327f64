/** `<meta>` values by lower-cased key, in document order. */
export type MetaTags = ReadonlyMap<string, readonly string[]>;

const MAX_META = 2_000;
const MAX_VALUES_PER_KEY = 50;

function add(map: Map<string, string[]>, key: string, value: string): void {
	const values = map.get(key);
	if (!values) map.set(key, [value]);
	else if (values.length < MAX_VALUES_PER_KEY) values.push(value);
}

// Parse.ly's one-tag form: <meta name="parsely-page" content='{"title":…,"author":…,"pub_date":…}'>.
const PARSELY_PAGE_KEYS: Record<string, string> = {
	title: "parsely-title",
	author: "parsely-author",
	authors: "parsely-author",
	pub_date: "parsely-pub-date",
	image_url: "parsely-image-url",
};

function addParselyPage(map: Map<string, string[]>, content: string): void {
	if (content.length > 20_000) return;
	let page: unknown;
	try {
		page = JSON.parse(content);
	} catch {
		return;
	}
	if (typeof page !== "object" || page === null) return;
	for (const [field, key] of Object.entries(PARSELY_PAGE_KEYS)) {
		const value = (page as Record<string, unknown>)[field];
		const values = Array.isArray(value) ? value.slice(0, 10) : [value];
		for (const each of values) if (typeof each === "string") add(map, key, each);
	}
}

/**
 * Read every `<meta>` once. Keys are the lower-cased `property` and `name`
 * (OpenGraph is sometimes written with `name`), `itemprop:<name>` for
 * microdata and `http-equiv:<name>`; Parse.ly's `parsely-page` JSON is read as
 * the `parsely-*` tags it stands for. Bounded to the first 2,000 tags.
 */
export function collectMeta(doc: Document): MetaTags {
	const map = new Map<string, string[]>();
	const metas = doc.getElementsByTagName("meta");
	const count = Math.min(metas.length, MAX_META);
	for (let i = 0; i < count; i++) {
		const meta = metas[i];
		const content = meta?.getAttribute("content");
		if (!meta || content == null) continue;
		for (const attribute of ["property", "name"]) {
			const keys = meta.getAttribute(attribute);
			// RDFa allows several space-separated properties on one tag.
			if (keys) for (const key of keys.trim().split(/\s+/, 4)) add(map, key.toLowerCase(), content);
		}
		const itemprop = meta.getAttribute("itemprop");
		if (itemprop) for (const key of itemprop.trim().split(/\s+/, 4)) add(map, `itemprop:${key.toLowerCase()}`, content);
		if (meta.getAttribute("name")?.trim().toLowerCase() === "parsely-page") addParselyPage(map, content);
		const httpEquiv = meta.getAttribute("http-equiv");
		if (httpEquiv) add(map, `http-equiv:${httpEquiv.trim().toLowerCase()}`, content);
	}
	return map;
}

/** All values for the given keys, in the order the keys are listed. */
export function metaValues(meta: MetaTags, keys: readonly string[]): string[] {
	const out: string[] = [];
	for (const key of keys) out.push(...(meta.get(key) ?? []));
	return out;
}
