/**
 * Reading schema.org JSON-LD from a page: every `application/ld+json` script,
 * flattened (`@graph`, arrays, `mainEntity`) into a list of typed nodes with
 * an `@id` index for references, and the one node that describes the page.
 */

export type JsonNode = Record<string, unknown>;

/** The JSON-LD of a page, flattened. */
export interface JsonLd {
	/** Typed nodes in document order. */
	nodes: JsonNode[];
	byId: Map<string, JsonNode>;
}

/** Only the first ~1 MB of a script is looked at; bigger ones are parsed only if that prefix is complete JSON. */
export const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_SCRIPTS = 50;
/** Across all scripts: a page with fifty 1 MB blocks is not worth fifty parses. */
const MAX_TOTAL_CHARS = 3_000_000;
const MAX_NODES = 2_000;
const MAX_DEPTH = 8;

const ARTICLE_TYPES = new Set([
	"article",
	"newsarticle",
	"blogposting",
	"techarticle",
	"report",
	"scholarlyarticle",
	"medicalscholarlyarticle",
	"analysisnewsarticle",
	"askpublicnewsarticle",
	"backgroundnewsarticle",
	"opinionnewsarticle",
	"reportagenewsarticle",
	"reviewnewsarticle",
	"satiricalarticle",
	"advertisercontentarticle",
	"liveblogposting",
	"socialmediaposting",
	"discussionforumposting",
	"apireference",
	"posting",
]);
const WORK_TYPES = new Set([
	"videoobject",
	"audioobject",
	"podcastepisode",
	"episode",
	"recipe",
	"howto",
	"review",
	"book",
	"chapter",
	"course",
	"dataset",
	"softwaresourcecode",
	"softwareapplication",
	"webapplication",
	"mobileapplication",
	"event",
	"product",
	"movie",
	"musicrecording",
	"presentationdigitaldocument",
	"digitaldocument",
	"thesis",
	"question",
	"creativework",
]);
const PAGE_TYPES = new Set([
	"webpage",
	"aboutpage",
	"faqpage",
	"qapage",
	"itempage",
	"profilepage",
	"collectionpage",
	"medicalwebpage",
	"contactpage",
	"searchresultspage",
]);

function isObject(value: unknown): value is JsonNode {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node's schema.org types, lower-cased, without "https://schema.org/" or "schema:". */
export function typesOf(node: JsonNode): string[] {
	const raw = node["@type"];
	const list = Array.isArray(raw) ? raw.slice(0, 10) : [raw];
	return list
		.filter((t): t is string => typeof t === "string")
		.map((t) =>
			t
				.trim()
				.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, "")
				.toLowerCase(),
		);
}

/** 3 for articles, 2 for other creative works, 1 for web pages, 0 otherwise. */
export function rankOf(node: JsonNode): number {
	let rank = 0;
	for (const type of typesOf(node)) {
		if (ARTICLE_TYPES.has(type)) rank = Math.max(rank, 3);
		else if (WORK_TYPES.has(type)) rank = Math.max(rank, 2);
		else if (PAGE_TYPES.has(type)) rank = Math.max(rank, 1);
	}
	return rank;
}

function unwrap(text: string): string {
	// Scripts sometimes wrap their JSON in HTML comments or CDATA markers.
	return text
		.trim()
		.replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
		.replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, "")
		.trim();
}

/** Parse JSON-LD text, forgiving raw control characters and trailing commas; undefined when it cannot be read. */
export function parseJsonLd(text: string): unknown {
	const oversized = text.length > MAX_JSON_LD_CHARS;
	const source = unwrap(oversized ? text.slice(0, MAX_JSON_LD_CHARS) : text);
	if (source === "") return undefined;
	try {
		return JSON.parse(source);
	} catch {
		// An oversized script that is not complete JSON within the limit is skipped, not repaired.
		if (oversized) return undefined;
	}
	try {
		// Retried once with the two mistakes CMSs make most: raw newlines inside strings, trailing commas.
		// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing raw control characters is the repair.
		return JSON.parse(source.replace(/[\u0000-\u001F]+/g, " ").replace(/,\s*([}\]])/g, "$1"));
	} catch {
		return undefined;
	}
}

function collect(value: unknown, out: JsonLd, depth: number): void {
	if (depth > MAX_DEPTH || out.nodes.length >= MAX_NODES) return;
	if (Array.isArray(value)) {
		for (const item of value.slice(0, MAX_NODES)) collect(item, out, depth + 1);
		return;
	}
	if (!isObject(value)) return;
	const id = value["@id"];
	const hasType = value["@type"] !== undefined;
	if (hasType) out.nodes.push(value);
	if (typeof id === "string" && Object.keys(value).length > 1 && !out.byId.has(id)) out.byId.set(id, value);
	collect(value["@graph"], out, depth + 1);
	// Only the page's own entity is followed: "about", "hasPart" or "mentions" name other things.
	for (const key of ["mainEntity", "mainEntityOfPage"]) {
		const child = value[key];
		if (isObject(child) && child["@type"] !== undefined) collect(child, out, depth + 1);
		else if (Array.isArray(child)) collect(child.filter(isObject), out, depth + 1);
	}
}

/** Read and flatten every JSON-LD script in the document. Malformed scripts are skipped. */
export function readJsonLd(doc: Document): JsonLd {
	const out: JsonLd = { nodes: [], byId: new Map() };
	const scripts = doc.getElementsByTagName("script");
	let seen = 0;
	let budget = MAX_TOTAL_CHARS;
	for (let i = 0; i < scripts.length && seen < MAX_SCRIPTS && budget > 0; i++) {
		const script = scripts[i];
		const type = script?.getAttribute("type")?.toLowerCase() ?? "";
		if (!script || !type.includes("ld+json")) continue;
		seen++;
		const text = script.textContent ?? "";
		budget -= Math.min(text.length, MAX_JSON_LD_CHARS);
		collect(parseJsonLd(text), out, 0);
	}
	return out;
}

/** Resolve an `{"@id": …}` reference to the node it names, when the page defines it. */
export function resolve(value: unknown, ld: JsonLd): unknown {
	if (isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1) {
		return ld.byId.get(value["@id"]) ?? value;
	}
	return value;
}

/** The first string in a JSON-LD value: a string, a number, `{"@value"}`, or an array of those. */
export function firstString(value: unknown): string | undefined {
	if (typeof value === "string") return value;
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
	if (Array.isArray(value)) {
		for (const item of value.slice(0, 20)) {
			const found = firstString(item);
			if (found !== undefined) return found;
		}
		return undefined;
	}
	if (isObject(value) && "@value" in value) return firstString(value["@value"]);
	return undefined;
}

/** Names of people or organisations: strings, `{name}`, `{givenName, familyName}`, references, arrays. */
export function namesOf(value: unknown, ld: JsonLd): string[] {
	const names: string[] = [];
	const list = Array.isArray(value) ? value.slice(0, 20) : [value];
	for (const raw of list) {
		const item = resolve(raw, ld);
		if (typeof item === "string") names.push(item);
		else if (isObject(item)) {
			const name =
				firstString(item.name) ??
				([firstString(item.givenName), firstString(item.familyName)].filter(Boolean).join(" ") ||
					firstString(item.alternateName));
			if (name) names.push(name);
		}
	}
	return names;
}

/** URLs of an image value: a string, an ImageObject (`url` / `contentUrl`), a reference, or an array. */
export function imagesOf(value: unknown, ld: JsonLd): string[] {
	const urls: string[] = [];
	const list = Array.isArray(value) ? value.slice(0, 20) : [value];
	for (const raw of list) {
		const item = resolve(raw, ld);
		if (typeof item === "string") urls.push(item);
		else if (isObject(item)) {
			const url = firstString(item.url) ?? firstString(item.contentUrl);
			if (url) urls.push(url);
		}
	}
	return urls;
}

/** The URLs a node says it lives at: `url`, `@id` and `mainEntityOfPage`. */
export function nodeUrls(node: JsonNode): string[] {
	const page = node.mainEntityOfPage;
	const candidates = [firstString(node.url), typeof node["@id"] === "string" ? node["@id"] : undefined];
	if (typeof page === "string") candidates.push(page);
	else if (isObject(page)) candidates.push(firstString(page["@id"]) ?? firstString(page.url));
	return candidates.filter((url): url is string => typeof url === "string" && /^https?:\/\//i.test(url));
}

/**
 * The node that describes this page: the highest-ranked (article > other
 * creative work > web page), preferring among equals one whose URL is the
 * page's own.
 */
export function mainNode(ld: JsonLd, isThisPage: (url: string) => boolean): JsonNode | undefined {
	let best: JsonNode | undefined;
	let bestScore = 0;
	for (const node of ld.nodes) {
		const rank = rankOf(node);
		if (rank === 0) continue;
		const score = rank * 2 + (nodeUrls(node).some(isThisPage) ? 1 : 0);
		if (score > bestScore) {
			best = node;
			bestScore = score;
		}
	}
	return best;
}

/** The name of the first node of one of `types` (e.g. "website", "organization"). */
export function nameOfType(ld: JsonLd, types: readonly string[]): string | undefined {
	for (const node of ld.nodes) {
		if (typesOf(node).some((type) => types.includes(type))) {
			const name = firstString(node.name);
			if (name) return name;
		}
	}
	return undefined;
}
