import type { Capture } from "./capture.ts";

/**
 * Search over captures, the draft's and every sent issue's. The index keeps
 * each capture's searchable text folded once (lowercase, diacritics removed,
 * Markdown punctuation dropped), so a keystroke is a linear scan over
 * precomputed strings: a few milliseconds for ten thousand captures.
 */

/** The fields a query looks in, most telling first. */
export const SEARCH_FIELDS = ["title", "note", "site", "author", "url", "quote"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much a term found in each field counts: title > note > site/author > url/quote. */
const WEIGHT: Record<SearchField, number> = { title: 8, note: 4, site: 2, author: 2, url: 1, quote: 1 };

/** Between fields in a document's combined text: never part of a word, never typed. */
const SEPARATOR = "\u0000";

/** A highlighted stretch of text: [start, end) in UTF-16 units of the text shown. */
export type Range = readonly [number, number];

/** Text to show with the stretches that matched the query. */
export interface Highlighted {
	text: string;
	ranges: Range[];
}

interface SearchDoc {
	capture: Capture;
	/** What each field shows (Markdown reduced to its words for note and quote). */
	shown: Record<SearchField, string>;
	/** Each field folded, in SEARCH_FIELDS order. */
	folded: string[];
	/** The folded fields joined by SEPARATOR: one indexOf tells whether a term is anywhere. */
	all: string;
	site: string;
}

/** Captures prepared for searching; build once, query on every keystroke. */
export interface SearchIndex {
	readonly docs: readonly SearchDoc[];
}

/** What the curator asked: words, and filters (absent: any). */
export interface SearchQuery {
	text: string;
	section?: string;
	/** A site as `siteOf` names it. */
	site?: string;
	/** A sent issue's number, or "draft". */
	issue?: number | "draft";
}

export interface SearchHit {
	capture: Capture;
	score: number;
	site: string;
	title: Highlighted;
	/** A stretch of the note (or of the quote when only the quote matched). */
	excerpt: Highlighted;
}

export interface SearchResults {
	/** The best hits, at most `limit` of them. */
	hits: SearchHit[];
	/** How many captures matched in all. */
	total: number;
	/** What was asked, and every document that matched: a longer query only looks among these. */
	readonly basis?: { readonly index: SearchIndex; readonly query: SearchQuery; readonly docs: readonly SearchDoc[] };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Fold text for matching: lowercase, diacritics removed ("Café" → "cafe"),
 * final sigma as sigma, "ß" as "ss". Code points are folded one at a time, so `foldWithMap`
 * and this agree on every string.
 */
export function foldText(text: string): string {
	// The common case, plain ASCII, needs no decomposition.
	if (!/[^ -~\t\n\r]/.test(text)) return text.toLowerCase();
	return foldWithMap(text).folded;
}

/** `foldText`, with each folded unit's index in the original text (for highlighting). */
export function foldWithMap(text: string): { folded: string; map: number[] } {
	let folded = "";
	const map: number[] = [];
	let i = 0;
	for (const ch of text) {
		const f =
			ch.charCodeAt(0) < 128
				? ch.toLowerCase()
				: ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").replace(/ß/g, "ss");
		for (let k = 0; k < f.length; k++) map.push(i);
		folded += f;
		i += ch.length;
	}
	map.push(i);
	return { folded, map };
}

/** The words of a query, folded, in order. */
export function queryTerms(text: string): string[] {
	return foldText(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** Markdown reduced to what a reader sees: link text kept, URLs and emphasis marks dropped. */
export function markdownWords(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
		.replace(/<[^>]*>/g, " ")
		.replace(/[*_`#>~]+/g, "")
		.replace(/\s+/g, " ")
		.trim();
}

/** The site a capture came from: its site name, or the link's host without "www.". */
export function siteOf(capture: Pick<Capture, "siteName" | "url">): string {
	const name = capture.siteName?.trim();
	if (name) return name;
	const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(capture.url)?.[1] ?? "";
	return host.toLowerCase().replace(/^www\./, "");
}

function toDoc(capture: Capture): SearchDoc {
	const site = siteOf(capture);
	const shown: Record<SearchField, string> = {
		title: capture.title,
		note: markdownWords(capture.note),
		site,
		author: capture.author ?? "",
		url: capture.url,
		quote: markdownWords(capture.quote ?? ""),
	};
	const folded = SEARCH_FIELDS.map((f) => foldText(shown[f]));
	return { capture, shown, folded, all: folded.join(SEPARATOR), site };
}

/** Prepare captures for searching (the expensive part, done once per list of captures). */
export function buildSearchIndex(captures: readonly Capture[]): SearchIndex {
	return { docs: captures.map(toDoc) };
}

function isWordAt(text: string, index: number): boolean {
	if (index < 0 || index >= text.length) return false;
	const code = text.charCodeAt(index);
	// ASCII letters and digits without a regular expression: nearly every character looked at.
	if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
	return WORD_CHAR.test(text[index] as string);
}

/**
 * Where `term` occurs in `text` as a whole word, or as a word's start when
 * `prefix` (the word being typed); -1 when nowhere.
 */
export function findTerm(text: string, term: string, prefix: boolean, from = 0): number {
	let at = text.indexOf(term, from);
	while (at !== -1) {
		const startsWord = !isWordAt(text, at - 1);
		if (startsWord && (prefix || !isWordAt(text, at + term.length))) return at;
		at = text.indexOf(term, at + 1);
	}
	return -1;
}

function matchesFilters(doc: SearchDoc, query: SearchQuery): boolean {
	const c = doc.capture;
	if (query.section !== undefined && c.section !== query.section) return false;
	if (query.site !== undefined && doc.site !== query.site) return false;
	if (query.issue !== undefined && (query.issue === "draft" ? c.issue !== null : c.issue !== query.issue)) return false;
	return true;
}

/** The score of a document for these terms, or 0 when some term is missing. */
function scoreDoc(doc: SearchDoc, terms: readonly string[]): number {
	let score = 0;
	for (let t = 0; t < terms.length; t++) {
		const term = terms[t] as string;
		const prefix = t === terms.length - 1;
		// One scan over all fields first: most documents fail here.
		if (findTerm(doc.all, term, prefix) === -1) return 0;
		let best = 0;
		for (let f = 0; f < SEARCH_FIELDS.length; f++) {
			const weight = WEIGHT[SEARCH_FIELDS[f] as SearchField];
			if (weight > best && findTerm(doc.folded[f] as string, term, prefix) !== -1) best = weight;
		}
		if (best === 0) return 0;
		score += best;
	}
	return score;
}

/** Best first: a higher score, then the newer capture, then by id. */
function better(a: { doc: SearchDoc; score: number }, b: { doc: SearchDoc; score: number }): number {
	return (
		b.score - a.score ||
		b.doc.capture.createdAt - a.doc.capture.createdAt ||
		(a.doc.capture.id < b.doc.capture.id ? -1 : a.doc.capture.id > b.doc.capture.id ? 1 : 0)
	);
}

/**
 * Whether every document matching `next` also matches `previous`: the same
 * filters, and each earlier word still there, the last one (a prefix) only
 * grown. Typing one more letter then looks only among the earlier matches.
 */
function narrows(previous: SearchQuery, next: SearchQuery): boolean {
	if (previous.section !== next.section || previous.site !== next.site || previous.issue !== next.issue) return false;
	const before = queryTerms(previous.text);
	const after = queryTerms(next.text);
	if (before.length === 0 || after.length < before.length) return false;
	for (let t = 0; t < before.length; t++) {
		const was = before[t] as string;
		const now = after[t] as string;
		// A whole word earlier must stay that word; the typed prefix may grow (or be followed by more words).
		if (t < before.length - 1 ? now !== was : !now.startsWith(was)) return false;
	}
	return true;
}

/** Every place the terms occur in `text`, as ranges of `text` itself, merged and in order. */
export function highlightRanges(text: string, terms: readonly string[]): Range[] {
	if (terms.length === 0 || text === "") return [];
	const { folded, map } = foldWithMap(text);
	const found: [number, number][] = [];
	for (const [t, term] of terms.entries()) {
		const prefix = t === terms.length - 1;
		let at = findTerm(folded, term, prefix);
		while (at !== -1) {
			found.push([map[at] as number, map[at + term.length] as number]);
			at = findTerm(folded, term, prefix, at + term.length);
		}
	}
	found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const merged: [number, number][] = [];
	for (const r of found) {
		const last = merged[merged.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([r[0], r[1]]);
	}
	return merged;
}

/** Characters of context an excerpt shows around its first match. */
const EXCERPT = 160;

/** A window of `text` around its first match, with the matches in it highlighted. */
export function excerpt(text: string, terms: readonly string[], length = EXCERPT): Highlighted {
	const ranges = highlightRanges(text, terms);
	if (text.length <= length) return { text, ranges };
	const first = ranges[0]?.[0] ?? 0;
	let start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
	// Start and end at a space, so no word is cut in half.
	if (start > 0) {
		const space = text.indexOf(" ", start);
		if (space !== -1 && space < first) start = space + 1;
	}
	let end = Math.min(text.length, start + length);
	if (end < text.length) {
		const space = text.lastIndexOf(" ", end);
		if (space > start + length / 2) end = space;
	}
	const head = start > 0 ? "… " : "";
	const tail = end < text.length ? " …" : "";
	const shift = head.length - start;
	return {
		text: head + text.slice(start, end) + tail,
		ranges: ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift] as const),
	};
}

function hitOf(doc: SearchDoc, score: number, terms: readonly string[]): SearchHit {
	const quoteOnly =
		terms.length > 0 &&
		doc.shown.quote !== "" &&
		highlightRanges(doc.shown.note, terms).length === 0 &&
		highlightRanges(doc.shown.quote, terms).length > 0;
	return {
		capture: doc.capture,
		score,
		site: doc.site,
		title: { text: doc.shown.title, ranges: highlightRanges(doc.shown.title, terms) },
		excerpt: excerpt(quoteOnly ? doc.shown.quote : doc.shown.note, terms),
	};
}

/** Whether a query asks anything at all: words or a filter. */
export function isEmptyQuery(query: SearchQuery): boolean {
	return (
		queryTerms(query.text).length === 0 &&
		query.section === undefined &&
		query.site === undefined &&
		query.issue === undefined
	);
}

/**
 * The captures matching every word of the query (the last one as a prefix,
 * since it is being typed) within the filters, best first: a word in the
 * title counts most, then in the note, the site or author, the URL or quote;
 * equal scores put the newer capture first. Only filters and no words: the
 * filtered captures, newest first. Nothing asked: nothing found.
 */
export function search(index: SearchIndex, query: SearchQuery, limit = 50, previous?: SearchResults): SearchResults {
	if (isEmptyQuery(query)) return { hits: [], total: 0 };
	const terms = queryTerms(query.text);
	const basis = previous?.basis;
	const pool = basis && basis.index === index && narrows(basis.query, query) ? basis.docs : index.docs;
	const docs: SearchDoc[] = [];
	// The best `limit` kept in order as they are found: no sort of every match.
	const best: { doc: SearchDoc; score: number }[] = [];
	const keep = Math.max(0, limit);
	for (const doc of pool) {
		if (!matchesFilters(doc, query)) continue;
		const score = terms.length === 0 ? 1 : scoreDoc(doc, terms);
		if (score === 0) continue;
		docs.push(doc);
		const hit = { doc, score };
		if (best.length === keep && (keep === 0 || better(hit, best[keep - 1] as (typeof best)[number]) >= 0)) continue;
		let at = best.length;
		while (at > 0 && better(hit, best[at - 1] as (typeof best)[number]) < 0) at--;
		best.splice(at, 0, hit);
		if (best.length > keep) best.pop();
	}
	return {
		hits: best.map((m) => hitOf(m.doc, m.score, terms)),
		total: docs.length,
		basis: { index, query, docs },
	};
}

/** What the filters can offer: the sites and issues the captures have, the sites by name. */
export function searchFacets(index: SearchIndex): { sites: string[]; issues: (number | "draft")[] } {
	const sites = new Set<string>();
	const issues = new Set<number>();
	let draft = false;
	for (const doc of index.docs) {
		if (doc.site) sites.add(doc.site);
		if (doc.capture.issue === null) draft = true;
		else issues.add(doc.capture.issue);
	}
	return {
		sites: [...sites].sort((a, b) => a.localeCompare(b)),
		issues: [...(draft ? (["draft"] as const) : []), ...[...issues].sort((a, b) => b - a)],
	};
}
