/**
 * The visible byline: "By Erin Cunningham", "Written by Rob Ewaschuk / Edited
 * by Betsy Beyer", "Par Claire Dubois", "Autor: Jana Nováková". Read when the
 * page's metadata names no author.
 *
 * Candidates are found by semantics (itemprop=author, rel=author, `<address>`,
 * an aria-label saying "author") and by class/id words in several languages
 * (byline, author, autor, auteur, firma, writer, contributor, creator). Those in
 * comments, related stories, navigation, asides and footers are skipped. Each is
 * scored by where it sits: after the main heading and before the body text
 * scores best. The best candidate with a usable name wins. Bounded: at most
 * MAX_CANDIDATES elements, each at most MAX_TEXT characters of text.
 */
import { normalizeDate } from "./dates.ts";
import { BLOCK_TAGS, squash } from "./text.ts";
import { walkElements } from "./walk.ts";

const MAX_CANDIDATES = 120;
const MAX_TEXT = 400;

// Strong candidates may hold a bare name; weak ones ("post-meta", "signature") only count with a "By".
const STRONG_MARK = /byline|author|autor|auteur|firma|writer|contributor|creator/i;
const WEAK_MARK = /meta|signature|credit|post-info|dateline/i;
/** Elements looked at, in document order: a byline sits near the top of the article. */
const MAX_VISITED = 4_000;

/** Where a byline is not the article's: comments, related stories, navigation. */
const ELSEWHERE =
	/comment|repl(?:y|ies)|respons|discussion|related|recommend|more-stories|more_stories|teaser|most-read|popular|trending|sidebar|widget|correlat|promo|newsletter-signup|outbrain|taboola/i;
const ELSEWHERE_TAGS = new Set(["aside", "nav", "footer"]);

// "By", "Written by", "Par", "Von", "Por", "Door", "di", "Av", "Af", "Autor:", "Text:", "文：".
const MARKER =
	/(?:^|[\s—–-])(?:(?:written|posted|published|words|text|story|reporting|contributed|escrito|écrit|geschrieben|scritto)\s+)?(?:by|par|von|por|door|av|af|przez|od|di)\b\s*:?\s*|(?:^|\s)(?:autor(?:in|a)?|author|auteur|texto|text|tekst|redakce|文|著者|記者|筆者)\s*[:：]\s*/iu;
/** Roles that are not the author: the part from here on names someone else. */
const OTHER_ROLE =
	/\b(?:(?:last\s+)?(?:modified|updated|changed)|edited|editing|editor|illustrations?|illustrated|photos?|photographs?|photography|video|graphics|design|designed|translated|translation|reviewed|fact-checked|additional reporting|with reporting)\s+(?:by|par|von|por)\b/i;
// A date or time ends the names: "Updated Dec. 3", "Publié le", "am 3. April", "em 10 de outubro".
const DATE_START =
	/\s(?:updated|published|modified|posted on|publié|modifié|mis à jour|aktualisiert|veröffentlicht|actualizado|publicado|atualizado|aggiornato|pubblicato|zaktualizowano|opublikowano)\b|\d/iu;
// Lower-case only: "Fatima El Amrani" keeps her name.
const DATE_WORD = /\s(?:on|el|le|am|em|il|op|den|dne|w)(?:\s|$)/u;
const SEPARATOR = /\s[|·•—–]\s?|\s\/\s|[|·•]|;/u;
const CONJUNCTION =
	/\s*,\s*(?:and\s+|und\s+|et\s+|y\s+|e\s+|en\s+|och\s+|og\s+|i\s+|a\s+)?|\s+(?:and|und|et|y|e|en|och|og|i|oraz|a)\s+/u;

/** Whether this element starts a part of the page that is not the article's byline (comments, related stories). */
function isElsewhere(element: Element): boolean {
	if (ELSEWHERE_TAGS.has(element.localName)) return true;
	// Most of a page is plain paragraphs: no attributes, nothing to test.
	if (!element.hasAttributes()) return false;
	const marks = `${element.getAttribute("class") ?? ""} ${element.id} ${element.getAttribute("aria-label") ?? ""}`;
	return ELSEWHERE.test(marks);
}

/** 2 for a byline by semantics or class, 1 for a weak one, 0 for none. */
function strengthOf(element: Element): number {
	const tag = element.localName;
	if (tag === "address") return 3;
	if (tag === "meta" || tag === "link" || !element.hasAttributes()) return 0;
	const itemprop = element.getAttribute("itemprop");
	const rel = element.getAttribute("rel");
	if ((itemprop && /(?:^|\s)author(?:\s|$)/.test(itemprop)) || (rel && /(?:^|\s)author(?:\s|$)/i.test(rel))) return 3;
	const marks = `${element.getAttribute("class") ?? ""} ${element.id}`;
	if (STRONG_MARK.test(marks) || /author/i.test(element.getAttribute("aria-label") ?? "")) return 2;
	if (/author/i.test(element.getAttribute("data-testid") ?? "")) return 2;
	return WEAK_MARK.test(marks) ? 1 : 0;
}

/** The element's text with block boundaries and `<br>` as new lines; undefined when too long to be a byline. */
function linesOf(element: Element): string[] | undefined {
	const total = element.textContent ?? "";
	if (total.length > MAX_TEXT) return undefined;
	let out = "";
	const walk = (node: Node, depth: number): void => {
		if (depth > 12) return;
		for (let child = node.firstChild; child; child = child.nextSibling) {
			if (child.nodeType === 3) out += child.nodeValue ?? "";
			else if (child.nodeType === 1) {
				const tag = (child as Element).localName;
				if (tag === "script" || tag === "style" || tag === "time") {
					out += "\n";
					continue;
				}
				const block = BLOCK_TAGS.has(tag);
				out += block ? "\n" : " ";
				walk(child, depth + 1);
				if (block) out += "\n";
			}
		}
	};
	walk(element, 0);
	return out
		.split("\n")
		.map((line) => line.replace(/\s+/g, " ").trim())
		.filter(Boolean);
}

/** A person's name as a byline shows it: capitalised (or in a script without case), no digits, handles or URLs. */
function asName(raw: string): string | undefined {
	let words = raw
		.replace(/^[\s,:–—-]+|[\s,.:;–—-]+$/gu, "")
		.split(" ")
		.filter(Boolean);
	// "Elin Lindgren reporter", "Jana Nováková před": a trailing lower-case word is a role or a date.
	while (words.length > 2 && /^\p{Ll}{3,}$/u.test(words[words.length - 1] ?? "")) words = words.slice(0, -1);
	const name = words.join(" ");
	if (words.length === 0 || words.length > 5 || name.length > 60) return undefined;
	if (/[\d@_/\\<>{}=]|https?:|www\./i.test(name)) return undefined;
	if (!/^[\p{Lu}\p{Lo}]/u.test(name)) return undefined;
	return name;
}

/** Names in one line of a byline, or [] when it names no author. */
function namesInLine(line: string, needMarker: boolean): string[] {
	let text = line;
	const role = OTHER_ROLE.exec(text);
	if (role) text = text.slice(0, role.index);
	const marker = MARKER.exec(text);
	if (marker) {
		// "This article was contributed by X", "Posted on May 2 by X": only a short lead-in.
		const lead = text.slice(0, marker.index).trim();
		if (lead.split(" ").length > 6) return [];
		text = text.slice(marker.index + marker[0].length);
	} else if (needMarker) {
		return [];
	}
	// Names come first: the first segment that has any holds them all ("… — not enough cooks").
	for (const segment of text.split(SEPARATOR).slice(0, 4)) {
		let part = segment;
		for (const pattern of [DATE_START, DATE_WORD]) {
			const date = pattern.exec(` ${part}`);
			if (date) part = part.slice(0, Math.max(0, date.index - 1));
		}
		const names = part
			.split(CONJUNCTION)
			.map((piece) => asName(piece.trim()))
			.filter((name): name is string => name !== undefined);
		if (names.length > 0) return names;
	}
	return [];
}

function namesIn(element: Element, strong: boolean): string[] {
	// Microdata may give the name only as <meta|link itemprop=name content>.
	if (element.matches("[itemprop~=author]")) {
		const named = element.querySelector("[itemprop~=name][content]")?.getAttribute("content");
		const name = named ? asName(named.trim()) : undefined;
		if (name) return [name];
	}
	const lines = linesOf(element);
	if (!lines) return [];
	const marked = lines.filter((line) => MARKER.test(line));
	// When some line says "by", the others are dates, roles and reading times.
	const source = marked.length > 0 ? marked : lines;
	const names: string[] = [];
	for (const line of source.slice(0, 6)) {
		if (!strong && marked.length === 0) break;
		// A line that is only a date or "7 min read" is not a name.
		if (!MARKER.test(line) && normalizeDate(line)) continue;
		if (OTHER_ROLE.test(line) && line.search(OTHER_ROLE) === 0) continue;
		names.push(...namesInLine(line, !strong));
	}
	return names;
}

/** The page's main heading, the byline's landmark. */
function heading(doc: Document): Element | null {
	return doc.querySelector("article h1, main h1, [role=main] h1") ?? doc.querySelector("h1");
}

interface Candidate {
	element: Element;
	strength: number;
	/** Position in document order. */
	order: number;
}

/**
 * Walk the body once, in document order, skipping comments, related stories,
 * navigation, asides and footers: the byline candidates, and where the first
 * paragraph of body text after the heading is.
 */
function scan(doc: Document, h1: Element | null): { candidates: Candidate[]; h1Order: number; bodyOrder: number } {
	const candidates: Candidate[] = [];
	let h1Order = -1;
	let bodyOrder = Number.POSITIVE_INFINITY;
	const root = doc.body ?? doc.documentElement;
	if (!root) return { candidates, h1Order, bodyOrder };
	let order = 0;
	walkElements(root, MAX_VISITED, (element) => {
		if (isElsewhere(element)) return false;
		order++;
		if (element === h1) h1Order = order;
		const strength = strengthOf(element);
		if (strength > 0 && candidates.length < MAX_CANDIDATES) candidates.push({ element, strength, order });
		else if (
			element.localName === "p" &&
			bodyOrder === Number.POSITIVE_INFINITY &&
			(h1 === null || h1Order !== -1) &&
			(element.textContent ?? "").length >= 25
		) {
			bodyOrder = order;
		}
		return true;
	});
	return { candidates, h1Order, bodyOrder };
}

function score(candidate: Candidate, h1: Element | null, h1Order: number, bodyOrder: number): number {
	let value = candidate.strength;
	if (h1 && h1Order !== -1) {
		// Just after the heading is where bylines are; a header above it comes next.
		if (candidate.order > h1Order) value += 2;
		const scope = h1.closest("article, main, [role=main]");
		if (scope?.contains(candidate.element)) value += 1;
	}
	if (candidate.order > bodyOrder) value -= 2;
	return value;
}

export interface Byline {
	names: string[];
	/** The element the names were read from, for a nearby date. */
	element: Element;
}

/**
 * The author names in the page's visible byline, best candidate first, with
 * `exclude` (the site's own name, squashed) dropped. Undefined when none.
 */
export function readByline(doc: Document, exclude: (squashed: string) => boolean = () => false): Byline | undefined {
	const h1 = heading(doc);
	const { candidates, h1Order, bodyOrder } = scan(doc, h1);
	const ranked = candidates
		.map((candidate) => ({ candidate, score: score(candidate, h1, h1Order, bodyOrder) }))
		.sort((a, b) => b.score - a.score || a.candidate.order - b.candidate.order);
	for (const { candidate } of ranked.slice(0, 30)) {
		const seen = new Set<string>();
		const names = namesIn(candidate.element, candidate.strength >= 2).filter((name) => {
			const key = squash(name);
			if (key === "" || seen.has(key) || exclude(key)) return false;
			seen.add(key);
			return true;
		});
		if (names.length > 0) return { names: names.slice(0, 10), element: candidate.element };
	}
	return undefined;
}

const UPDATED = /updat|aktualisiert|actualiz|atualiz|modifi|aggiorn|mis à jour|bijgewerkt|uppdaterad|zaktualizowano/i;

/**
 * A date shown with the byline: a `<time datetime>` beside it, or a line of
 * it that is a date ("May 22, 2024"). A date introduced as "Updated" is not
 * the publication date.
 */
export function bylineDate(byline: Byline): string | undefined {
	let scope: Element | null = byline.element;
	for (let level = 0; scope && level < 3; level++) {
		const time = scope.querySelector("time[datetime]");
		if (time) {
			if (UPDATED.test(time.parentElement?.textContent?.slice(0, 200) ?? "")) return undefined;
			const date = normalizeDate(time.getAttribute("datetime") ?? undefined);
			if (date) return date;
		}
		scope = scope.parentElement;
	}
	for (const line of linesOf(byline.element) ?? []) {
		if (UPDATED.test(line)) continue;
		const date = line.length <= 40 ? normalizeDate(line) : undefined;
		if (date) return date;
	}
	return undefined;
}
