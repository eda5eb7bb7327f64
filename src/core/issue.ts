import { byPosition, type Capture, type Section, type SectionLayout } from "./capture.ts";
import { isIsoDate, longDate } from "./dates.ts";
import {
	DEFAULT_NEWSLETTER,
	type IssueFieldDef,
	type IssueMeta,
	issueSponsors,
	type Newsletter,
	type Sponsor,
} from "./newsletter.ts";
import { escapeMarkdownText } from "./render/markdown-escape.ts";
import { orderSections } from "./sections.ts";
import { markBidiFree, stripBidiControls as noBidi } from "./text/bidi.ts";
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
	/** The first sponsor (what a one-sponsor template shows), or null. */
	sponsor: IssueSponsor | null;
	/** Every sponsor of the issue, in order. */
	sponsors: IssueSponsor[];
	/**
	 * The newsletter's issue-level fields by id, as plain values a front-matter
	 * block can print: text and Markdown as text ("" when not filled in), a
	 * date as YYYY-MM-DD (null when not filled in or not a date), a list as a
	 * list of text ([] when empty). Fields the newsletter does not define are left out.
	 */
	fields: Record<string, string | string[] | null>;
	/**
	 * Every section that renders, in reading order: each top-level section
	 * followed by its subsections (depth first), then "Unsorted" if needed. A
	 * section renders when it has entries, is kept when empty, has an intro
	 * this issue, or has a subsection that renders. A template that nests
	 * sections itself loops over those with depth 0 and their `sections`.
	 */
	sections: IssueSection[];
	/** The sponsored entries, in reading order (each is also in its section). */
	sponsored: IssueEntry[];
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
	/** 0 for a top-level section, 1 for its subsections, and so on. */
	depth: number;
	/** The heading level the section's name takes: 2 at the top level (the issue title is 1), then 3, 4, 5. */
	level: number;
	/** The parent section's id; null at the top level. */
	parent: string | null;
	/** The curator's partial for the section, or null for the template's default rendering. */
	partial: string | null;
	/** Markdown: this issue's intro to the section; "" when there is none. */
	intro: string;
	/** The section has no entries of its own this issue. */
	empty: boolean;
	/** Markdown shown when a kept section is empty; null when the section has entries or no such text. */
	emptyText: string | null;
	/** Every capture of the section in order: by position, then createdAt, then id. */
	entries: IssueEntry[];
	/** For the list layout, the bullets in order of first appearance; [] for the entries layout. */
	items: ListItem[];
	/** The subsections that render, in order (each is also in Issue.sections, after this one). */
	sections: IssueSection[];
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
	/** The curator's tags, plain text; [] when none. */
	tags: string[];
	/** The curator's own fields by name, plain text; {} when none. */
	fields: Record<string, string>;
	/** A paid placement. */
	sponsored: boolean;
}

/** Name and layout of the section that collects captures whose section is not the newsletter's. */
export const UNSORTED_SECTION: Section = { id: "", name: "Unsorted", layout: "entries" };

// Already the form a URL parser would print, as nearly every stored URL is: no need to parse it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters needs parsing.
const PLAIN_WEB_URL = /^https?:\/\/[^\s"'<>\\^`{|}\x00-\x1f\x7f]+$/i;

/** An http(s) URL with spaces and the like percent-encoded, or null for anything else. */
function webUrl(url: string | undefined): string | null {
	if (url === undefined) return null;
	if (PLAIN_WEB_URL.test(url)) return noBidi(url);
	const parsed = parseUrl(noBidi(url));
	return parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname
		? parsed.href
		: null;
}

/** Plain text or null, without bidi controls. */
function text(value: string | undefined): string | null {
	return value === undefined ? null : noBidi(value);
}

/** Markdown fields: one kind of line ending, no blank lines at either end. */
function markdownField(text: string | undefined): string {
	if (text === undefined || text === "") return "";
	// Tested first: a replace scans and copies even when there is nothing to replace.
	return noBidi((text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).trim());
}

/** The issue title from the newsletter's template: `{{number}}` and `{{newsletter}}` are filled in. */
export function issueTitle(newsletter: Newsletter, number: number): string {
	const template = newsletter.titleTemplate.trim() || DEFAULT_NEWSLETTER.titleTemplate;
	return template.replace(/\{\{\s*(number|newsletter)\s*\}\}/g, (_, name: string) =>
		name === "number" ? String(number) : newsletter.name,
	);
}

function toEntry(capture: Capture): IssueEntry {
	// Every string is stripped of bidi controls as it is copied in (see markBidiFree in compileIssue).
	const note = markdownField(capture.note);
	const title = noBidi(capture.title);
	const author = text(capture.author);
	const siteName = text(capture.siteName);
	return {
		id: noBidi(capture.id),
		// normalizeCapture only keeps http(s) URLs; anything else is kept visible but points nowhere.
		url: webUrl(capture.url) ?? "#",
		title,
		note,
		quote: capture.quote ? markdownField(capture.quote) : null,
		quoteUrl: webUrl(capture.quoteUrl),
		group: text(capture.group),
		author,
		siteName,
		byline: author ? (siteName ? `${author} — ${siteName}` : author) : null,
		via: capture.via ? { name: noBidi(capture.via.name), url: webUrl(capture.via.url) } : null,
		publishedAt: text(capture.publishedAt),
		description: text(capture.description),
		image: webUrl(capture.image),
		lang: text(capture.lang),
		linkText: note || escapeMarkdownText(title),
		tags: capture.tags ? capture.tags.map(noBidi) : [],
		fields: capture.fields ? cleanFields(capture.fields) : {},
		sponsored: capture.sponsored === true,
	};
}

function cleanFields(fields: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of Object.keys(fields)) out[key] = noBidi(fields[key] as string);
	return out;
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

function toSection(section: Section, captures: Capture[], depth: number, meta: IssueMeta): IssueSection {
	const entries = captures.sort(byPosition).map(toEntry);
	const empty = entries.length === 0;
	const emptyText = markdownField(section.emptyText);
	return {
		id: noBidi(section.id),
		name: noBidi(section.name),
		layout: noBidi(section.layout) as SectionLayout,
		depth,
		level: depth + 2,
		parent: depth > 0 ? text(section.parent) : null,
		partial: text(section.partial?.trim() || undefined),
		intro: markdownField(sectionIntro(meta, section.id)),
		empty,
		emptyText: empty && section.keepWhenEmpty && emptyText !== "" ? emptyText : null,
		entries,
		items: section.layout === "list" ? listItems(entries) : [],
		sections: [],
	};
}

function sectionIntro(meta: IssueMeta, id: string): string | undefined {
	const intros = meta.sectionIntros;
	return intros && Object.hasOwn(intros, id) ? intros[id] : undefined;
}

function toSponsor(sponsor: Sponsor): IssueSponsor {
	return {
		name: noBidi(sponsor.name),
		text: markdownField(sponsor.text),
		linkText: text(sponsor.linkText?.trim() || undefined),
		url: webUrl(sponsor.url),
	};
}

/** An issue-level field's value as templates and front matter see it (see Issue.fields). */
function fieldValue(def: IssueFieldDef, value: string | string[] | undefined): string | string[] | null {
	const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
	switch (def.type) {
		case "list":
			return values.map((item) => noBidi(item).trim()).filter((item) => item !== "");
		case "date": {
			const date = values[0]?.trim() ?? "";
			return isIsoDate(date) ? date : null;
		}
		case "markdown":
			return markdownField(values.join("\n"));
		default:
			return noBidi(values.join(", ")).trim();
	}
}

function issueFields(defs: readonly IssueFieldDef[], meta: IssueMeta): Issue["fields"] {
	const fields: Issue["fields"] = {};
	const values = meta.fields ?? {};
	for (const def of defs) {
		if (Object.hasOwn(fields, def.id)) continue;
		fields[def.id] = fieldValue(def, Object.hasOwn(values, def.id) ? values[def.id] : undefined);
	}
	return fields;
}

/**
 * Compile the draft's captures into the Issue every format renders from.
 * Pure: the caller passes the captures that belong to the issue (for the
 * draft, those with `issue === null`). Sections follow the newsletter's
 * order, subsections after their parent; a section renders when it has
 * captures, is kept when empty, has an intro, or has a subsection that
 * renders. Captures whose section the newsletter does not have are never
 * dropped but collected in a final "Unsorted" section.
 */
export function compileIssue(captures: Capture[], newsletter: Newsletter, meta: IssueMeta): Issue {
	const bySection = new Map<string, Capture[]>();
	const placed = orderSections(newsletter.sections);
	const known = new Set(placed.map((p) => p.section.id));
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
	// Bottom-up: a section renders if it has something of its own or a subsection renders.
	const built = new Map<string, IssueSection>();
	const renders = new Set<string>();
	// Reading order reversed visits every subsection before its parent.
	for (let i = placed.length - 1; i >= 0; i--) {
		const { section, depth } = placed[i] as (typeof placed)[number];
		const view = toSection(section, bySection.get(section.id) ?? [], depth, meta);
		built.set(section.id, view);
		const own = !view.empty || section.keepWhenEmpty === true || view.intro !== "";
		if (own || renders.has(section.id)) {
			renders.add(section.id);
			if (view.parent !== null) renders.add(view.parent);
		}
	}
	const sections: IssueSection[] = [];
	for (const { section } of placed) {
		if (!renders.has(section.id)) continue;
		const view = built.get(section.id) as IssueSection;
		sections.push(view);
		if (view.parent !== null) built.get(view.parent)?.sections.push(view);
	}
	if (unsorted.length > 0) sections.push(toSection(UNSORTED_SECTION, unsorted, 0, meta));
	const sponsors = issueSponsors(meta).map(toSponsor);
	// Built from bidi-free strings only, so rendering need not walk it again.
	return markBidiFree({
		newsletter: noBidi(newsletter.name),
		title: noBidi(issueTitle(newsletter, meta.number)),
		number: meta.number,
		date: noBidi(meta.date),
		longDate: noBidi(longDate(meta.date)),
		intro: markdownField(meta.intro),
		outro: markdownField(meta.outro),
		sponsor: sponsors[0] ?? null,
		sponsors,
		fields: issueFields(newsletter.fields ?? [], meta),
		sections,
		sponsored: sections.flatMap((s) => s.entries.filter((e) => e.sponsored)),
	});
}
