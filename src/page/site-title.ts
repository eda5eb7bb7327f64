import { squash } from "./text.ts";

/** What is known about the site when judging a title. */
export interface SiteContext {
	siteName?: string | undefined;
	/** Other names the page gives its site: application-name, the home link, the publisher. */
	aliases?: readonly string[] | undefined;
	/** The page's host name. */
	host: string;
	author?: string | undefined;
}

// The separator nearest the end (for suffixes) or start (for prefixes) splits the title.
const SEPARATORS = [" :: ", " | ", " - ", " – ", " — ", " · ", " • ", " » ", "|"];
// Suffixes that continue a title rather than name a site.
const CONTINUATION =
	/^(?:part|chapter|episode|ep|vol|volume|page|step|day|week|issue|lesson|section|update|updated|season|round|and|or|the end)\b/i;

// "Title [LWN.net]", "Title (Example Blog)": a bracketed suffix.
const BRACKETED = /^(.*\S)\s+[[(]([^[\]()]{2,60})[\])]$/s;

function split(
	title: string,
	from: "end" | "start",
	prefixColon = false,
): { head: string; tail: string; separator: string } | undefined {
	if (from === "end") {
		const bracketed = BRACKETED.exec(title);
		if (bracketed) return { head: (bracketed[1] ?? "").trim(), tail: (bracketed[2] ?? "").trim(), separator: "[]" };
	}
	let at = -1;
	let separator = "";
	for (const candidate of prefixColon ? [...SEPARATORS, ": "] : SEPARATORS) {
		const index = from === "end" ? title.lastIndexOf(candidate) : title.indexOf(candidate);
		if (index === -1) continue;
		const better = at === -1 || (from === "end" ? index > at : index < at);
		if (better) {
			at = index;
			separator = candidate;
		}
	}
	if (at === -1) return undefined;
	return { head: title.slice(0, at).trim(), tail: title.slice(at + separator.length).trim(), separator };
}

/** The host's distinctive label, squashed: "wikipedia" for en.wikipedia.org, "bbc" for www.bbc.co.uk, "rustlang" for doc.rust-lang.org. */
export function hostLabel(host: string): string {
	return squash(rawHostLabel(host));
}

function rawHostLabel(host: string): string {
	const labels = host
		.toLowerCase()
		.replace(/^www\./, "")
		.split(".");
	if (labels.length < 2) return labels[0] ?? "";
	const second = labels[labels.length - 2] ?? "";
	const generic = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"];
	if (labels.length >= 3 && generic.includes(second)) return labels[labels.length - 3] ?? second;
	return second;
}

/** The host's labels that can name a site: not "www", not the top-level domain. */
function hostLabels(host: string): string[] {
	const labels = host.toLowerCase().split(".").filter(Boolean);
	return labels.slice(0, -1).filter((label) => label !== "www" && label.length >= 2);
}

const MINOR_WORDS = new Set(["of", "the", "and", "for", "a", "an", "de", "der", "la", "le"]);

function initials(part: string): string {
	return part
		.split(/\s+/)
		.filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
		.map((word) => word[0] ?? "")
		.join("")
		.toLowerCase();
}

function namesHost(p: string, part: string, host: string): boolean {
	const label = hostLabel(host);
	const words = wordCount(part);
	// A short label ("v8", "bbc") only by an exact match.
	if (p === squash(host.replace(/^www\./i, ""))) return true;
	for (const each of hostLabels(host)) if (p === squash(each)) return true;
	if (label.length < 3) return false;
	if (words > 6) return false;
	// "Site Reliability Engineering" on sre.google.
	if (words >= 3 && hostLabels(host).some((each) => each.length >= 3 && initials(part) === each)) return true;
	// "The Rust Programming Language" on rust-lang.org, "evolve extension for Mercurial" on mercurial-scm.org.
	const tokens = rawHostLabel(host).split("-").filter(Boolean);
	const partWords = part.split(/\s+/).map(squash);
	if (tokens.length > 1) {
		if (tokens.every((token) => partWords.some((word) => word.startsWith(token)))) return true;
		if (tokens.some((token) => token.length >= 5 && partWords.includes(token))) return true;
	}
	if (words > 4) return false;
	return p.startsWith(label) || p.endsWith(label) || (p.length >= 4 && label.includes(p));
}

function namesKnown(p: string, part: string, name: string): boolean {
	const site = squash(name);
	if (p === site) return true;
	// "Rust Blog" names the site "Rust"; "Rust in production" does not.
	const short = wordCount(part) <= wordCount(name) + 1;
	return short && p.length >= 3 && site.length >= 3 && (p.includes(site) || site.includes(p));
}

/** Whether `part` names the site: its known name, or its host ("The Verge" on theverge.com). */
export function namesSite(part: string, context: SiteContext): boolean {
	const p = squash(part);
	if (p === "") return false;
	if (context.siteName && namesKnown(p, part, context.siteName)) return true;
	if (context.aliases?.some((alias) => squash(alias) === p)) return true;
	return namesHost(p, part, context.host);
}

function wordCount(text: string): number {
	return text.split(" ").filter(Boolean).length;
}

// "Project 2.1 documentation", "Jane's blog": words that only end a site's name.
const SITE_WORD = /\b(?:documentation|docs|manual|handbook|wiki|blog|weblog|news|weekly|newsletter)$/i;

/**
 * With no known site name: short, capitalised, no digits, and the rest of the
 * title is longer; or ending in a word like "documentation" or "blog".
 */
function looksLikeSiteName(part: string, rest: string): boolean {
	if (SITE_WORD.test(part) && wordCount(part) <= 6 && part.length <= 60) return true;
	if (part.length > 40 || /\d/.test(part) || CONTINUATION.test(part) || /[?!:.,]$/.test(part)) return false;
	if (!/^[\p{Lu}\p{Lo}]/u.test(part)) return false;
	const words = wordCount(part);
	return words <= 4 && wordCount(rest) > words;
}

function hasText(value: string): boolean {
	return /[\p{L}\p{N}]/u.test(value);
}

/** True when the title is nothing but the site's name (or its host). */
export function isSiteNameOnly(title: string, context: SiteContext): boolean {
	const t = squash(title);
	if (t === "") return false;
	if (context.siteName && t === squash(context.siteName)) return true;
	if (context.aliases?.some((alias) => squash(alias) === t)) return true;
	return t === hostLabel(context.host) || t === squash(context.host.replace(/^www\./i, ""));
}

/** A title part that is the site's name as the site writes it: it matches the host or a name the page gives its site. */
function isSiteWritten(part: string, context: SiteContext): boolean {
	const p = squash(part);
	return namesHost(p, part, context.host) || (context.aliases?.some((alias) => squash(alias) === p) ?? false);
}

/** "by Jane Doe" when Jane Doe is (one of) the page's author(s). */
function isByline(part: string, author: string | undefined): boolean {
	if (!author || !/^by\s/i.test(part)) return false;
	const name = squash(part.slice(3));
	return name.length >= 3 && squash(author).includes(name);
}

/**
 * Remove a site name from a title: " | Site", " — Site", " - Site", " · Site",
 * " :: Site" suffixes and "Site | " prefixes, when that part names the known
 * site or host, or (no site name known) looks like one. A trailing "by Author"
 * matching the author goes too (Medium). Never returns an empty title.
 * `site` is a removed part that matched the host: the site's name as the site itself writes it.
 */
export function trimSiteName(title: string, context: SiteContext): { title: string; site?: string } {
	let current = title;
	let site: string | undefined;
	let trimmedEnd = false;
	for (let round = 0; round < 3; round++) {
		const parts = split(current, "end");
		if (!parts || !hasText(parts.head)) break;
		const byAuthor = isByline(parts.tail, context.author);
		if (namesSite(parts.tail, context) || byAuthor) {
			if (!byAuthor && isSiteWritten(parts.tail, context)) site ??= parts.tail;
			current = parts.head;
			trimmedEnd = true;
			continue;
		}
		if (round === 0 && !context.siteName && looksLikeSiteName(parts.tail, parts.head)) {
			current = parts.head;
			trimmedEnd = true;
		}
		break;
	}
	const prefix = split(current, "start", true);
	if (prefix && hasText(prefix.tail)) {
		// "Incident report: API outage" is a title; only a known site ends at a colon.
		const strong = prefix.separator !== " - " && prefix.separator !== " – " && prefix.separator !== ": ";
		// "nullsink: a /dev/null for your logs" on nullsink.dev is a title; a colon ends a prefix only for a name the page gives its site.
		const named =
			prefix.separator === ": "
				? [context.siteName, ...(context.aliases ?? [])].some((name) => name && squash(name) === squash(prefix.head))
				: namesSite(prefix.head, context);
		if (named || (strong && !trimmedEnd && !context.siteName && looksLikeSiteName(prefix.head, prefix.tail))) {
			if (isSiteWritten(prefix.head, context)) site ??= prefix.head;
			current = prefix.tail;
		}
	}
	return site === undefined ? { title: current } : { title: current, site };
}
