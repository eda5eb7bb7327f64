import { byPosition, type Capture, type Section, type SectionLayout } from "./capture.ts";
import { longDate } from "./dates.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter } from "./newsletter.ts";
import { escapeMarkdownText } from "./render/markdown-escape.ts";
import { parseUrl } from "./url.ts";

/**
 * The view model every export format is rendered from, and the JSON export
 * itself: plain data, keys always present (null when unknown) and always in
 * this order. Fields documented as Markdown are the curator's Markdown (or,
 * for fallbacks, plain text escaped as Markdown); every other text field is
 * plain text that each format escapes for itself.
 */
export interface Issue {
	/** The newsletter's name, plain text. */
	newsletter: string;
	/** Built from the newsletter's title template, plain text. */
	title: string;
	number: number;
	/** YYYY-MM-DD. */
	date: string;
	/** "September 28, 2017"; the date as given when it is not a valid date. */
	longDate: string;
	/** Markdown; "" when there is none. */
	intro: string;
	/** Markdown; "" when there is none. */
	outro: string;
	sponsor: IssueSponsor | null;
	/** The newsletter's sections that have entries, in the newsletter's order, then "Unsorted" if needed. */
	sections: IssueSection[];
}

/** The sponsor block as the templates see it. */
export interface IssueSponsor {
	/** Plain text. */
	name: string;
	/** Markdown. */
	text: string;
	/** Plain text; null when not given (templates fall back to "Learn more"). */
	linkText: string | null;
	/** An http(s) URL, or null. */
	url: string | null;
}

/** One section of the issue with its captures in order. */
export interface IssueSection {
	/** The section id; "" for the Unsorted section that collects captures of unknown sections. */
	id: string;
	name: string;
	layout: SectionLayout;
	/** Every capture of the section in order: by position, then createdAt, then id. */
	entries: IssueEntry[];
	/** For the list layout, the bullets in order of first appearance; [] for the entries layout. */
	items: ListItem[];
}

/**
 * One bullet of a list section. A bullet with a url is itself a link (an
 * ungrouped capture, or a group whose single capture has no note) and has no
 * sub-bullets; otherwise it is a group heading over one sub-bullet per entry.
 */
export interface ListItem {
	/** The group name, plain text; null for a capture without a group. */
	group: string | null;
	/** Markdown: the bullet's text (the group, or an ungrouped capture's link text). */
	text: string;
	/** Set when the bullet itself is the link. */
	url: string | null;
	entries: IssueEntry[];
}

/** One capture as the templates see it; optional fields are null when unknown. */
export interface IssueEntry {
	id: string;
	url: string;
	title: string;
	/** Markdown; "" when there is none. */
	note: string;
	/** Markdown taken from the page (hostile input); null when there is none. */
	quote: string | null;
	quoteUrl: string | null;
	group: string | null;
	author: string | null;
	siteName: string | null;
	/** "Author — Site", "Author", or null when the author is unknown. */
	byline: string | null;
	via: { name: string; url: string | null } | null;
	publishedAt: string | null;
	description: string | null;
	image: string | null;
	lang: string | null;
	/** Markdown: the note, or the title (escaped) when there is no note; the text of a list link. */
	linkText: string;
}

/** Name and layout of the section that collects captures whose section is not the newsletter's. */
export const UNSORTED_SECTION: Section = { id: "", name: "Unsorted", layout: "entries" };

// Already the form a URL parser would print, as nearly every stored URL is: no need to parse it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters needs parsing.
const PLAIN_WEB_URL = /^https?:\/\/[^\s"'<>\\^`{|}\x00-\x1f\x7f]+$/i;

/** An http(s) URL with spaces and the like percent-encoded, or null for anything else. */
function webUrl(url: string | undefined): string | null {
	if (url === undefined) return null;
	if (PLAIN_WEB_URL.test(url)) return url;
	const parsed = parseUrl(url);
	return parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname
		? parsed.href
		: null;
}

/** Markdown fields: one kind of line ending, no blank lines at either end. */
function markdownField(text: string | undefined): string {
	return (text ?? "").replace(/\r\n?/g, "\n").trim();
}

/** The issue title from the newsletter's template: `{{number}}` and `{{newsletter}}` are filled in. */
export function issueTitle(newsletter: Newsletter, number: number): string {
	const template = newsletter.titleTemplate.trim() || DEFAULT_NEWSLETTER.titleTemplate;
	return template.replace(/\{\{\s*(number|newsletter)\s*\}\}/g, (_, name: string) =>
		name === "number" ? String(number) : newsletter.name,
	);
}

function toEntry(capture: Capture): IssueEntry {
	const note = markdownField(capture.note);
	const author = capture.author ?? null;
	const siteName = capture.siteName ?? null;
	return {
		id: capture.id,
		// normalizeCapture only keeps http(s) URLs; anything else is kept visible but points nowhere.
		url: webUrl(capture.url) ?? "#",
		title: capture.title,
		note,
		quote: capture.quote ? markdownField(capture.quote) : null,
		quoteUrl: webUrl(capture.quoteUrl),
		group: capture.group ?? null,
		author,
		siteName,
		byline: author ? (siteName ? `${author} — ${siteName}` : author) : null,
		via: capture.via ? { name: capture.via.name, url: webUrl(capture.via.url) } : null,
		publishedAt: capture.publishedAt ?? null,
		description: capture.description ?? null,
		image: webUrl(capture.image),
		lang: capture.lang ?? null,
		linkText: note || escapeMarkdownText(capture.title),
	};
}

/** Bullets of a list section: groups in order of first appearance, ungrouped captures where they fall. */
export function listItems(entries: IssueEntry[]): ListItem[] {
	const items: ListItem[] = [];
	const groups = new Map<string, ListItem>();
	for (const entry of entries) {
		if (entry.group === null) {
			items.push({ group: null, text: entry.linkText, url: entry.url, entries: [entry] });
			continue;
		}
		const existing = groups.get(entry.group);
		if (existing) existing.entries.push(entry);
		else {
			const item: ListItem = { group: entry.group, text: escapeMarkdownText(entry.group), url: null, entries: [entry] };
			groups.set(entry.group, item);
			items.push(item);
		}
	}
	for (const item of groups.values()) {
		const only = item.entries.length === 1 ? item.entries[0] : undefined;
		if (only && only.note === "") item.url = only.url;
	}
	return items;
}

function toSection(section: Section, captures: Capture[]): IssueSection {
	const entries = captures.sort(byPosition).map(toEntry);
	return {
		id: section.id,
		name: section.name,
		layout: section.layout,
		entries,
		items: section.layout === "list" ? listItems(entries) : [],
	};
}

/**
 * Compile the draft's captures into the Issue every format renders from.
 * Pure: the caller passes the captures that belong to the issue (for the
 * draft, those with `issue === null`). Sections follow the newsletter's
 * order and sections without captures are left out; captures whose section
 * the newsletter does not have are never dropped but collected in a final
 * "Unsorted" section.
 */
export function compileIssue(captures: Capture[], newsletter: Newsletter, meta: IssueMeta): Issue {
	const bySection = new Map<string, Capture[]>();
	const known = new Map<string, Section>();
	for (const section of newsletter.sections) {
		if (!known.has(section.id)) known.set(section.id, section);
	}
	const unsorted: Capture[] = [];
	for (const capture of captures) {
		if (!known.has(capture.section)) {
			unsorted.push(capture);
			continue;
		}
		const list = bySection.get(capture.section);
		if (list) list.push(capture);
		else bySection.set(capture.section, [capture]);
	}
	const sections: IssueSection[] = [];
	for (const section of known.values()) {
		const list = bySection.get(section.id);
		if (list) sections.push(toSection(section, list));
	}
	if (unsorted.length > 0) sections.push(toSection(UNSORTED_SECTION, unsorted));
	const sponsor = meta.sponsor;
	return {
		newsletter: newsletter.name,
		title: issueTitle(newsletter, meta.number),
		number: meta.number,
		date: meta.date,
		longDate: longDate(meta.date),
		intro: markdownField(meta.intro),
		outro: markdownField(meta.outro),
		sponsor: sponsor
			? {
					name: sponsor.name,
					text: markdownField(sponsor.text),
					linkText: sponsor.linkText?.trim() || null,
					url: webUrl(sponsor.url),
				}
			: null,
		sections,
	};
}
