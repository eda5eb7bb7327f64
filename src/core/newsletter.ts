import type { Capture, Section } from "./capture.ts";
import type { Format } from "./render/format.ts";

/** A paid message near the top of an issue; an issue may have several. */
export interface Sponsor {
	name: string;
	/** Markdown. */
	text: string;
	linkText?: string;
	url?: string;
	/** Carried over to the next draft when this issue is sent. */
	recurring?: boolean;
}

/** The kinds of value an issue-level field holds. */
export type IssueFieldType = "text" | "markdown" | "date" | "list";

export const ISSUE_FIELD_TYPES: readonly IssueFieldType[] = ["text", "markdown", "date", "list"];

/**
 * A field the curator defines for every issue (summary, tags, a period
 * start, a discussion link); templates read it as `issue.fields.<id>`.
 */
export interface IssueFieldDef {
	/** The name templates use: letters, digits, "_" and "-", starting with a letter. */
	id: string;
	label: string;
	type: IssueFieldType;
	/** The value is carried over to the next draft when an issue is sent. */
	recurring?: boolean;
}

/** A field's value: a list field holds a list, every other kind text (a date as YYYY-MM-DD). */
export type IssueFieldValue = string | string[];

/** What belongs to the newsletter as a whole, not to one issue. */
export interface Newsletter {
	name: string;
	/** e.g. "SRE Weekly Issue #{{number}}" */
	titleTemplate: string;
	sections: Section[];
	/** The issue-level fields the curator defined, in the order the editor shows them. */
	fields?: IssueFieldDef[];
	/**
	 * The curator's partials by format, then by name, for sections that
	 * choose one (Section.partial). Kept with the newsletter, so a sent issue
	 * freezes the partials it was rendered with, as it freezes its sections.
	 */
	partials?: Partial<Record<Format, Record<string, string>>>;
	/**
	 * Inline CSS by HTML element name ("h2", "p", "a"…), applied to the HTML
	 * export over the styles of the template and of rendered Markdown.
	 */
	htmlStyles?: Record<string, string>;
}

/** The editable parts of one issue. */
export interface IssueMeta {
	number: number;
	/** Calendar date, YYYY-MM-DD. */
	date: string;
	/** Markdown. */
	intro: string;
	/** Markdown. */
	outro: string;
	/** Read only from data older than database version 4 / backup version 3; see issueSponsors(). */
	sponsor?: Sponsor;
	/** The issue's sponsors, in order. */
	sponsors?: Sponsor[];
	/** Values of the newsletter's issue-level fields, by field id. */
	fields?: Record<string, IssueFieldValue>;
	/** This issue's Markdown intro of a section, by section id. */
	sectionIntros?: Record<string, string>;
	/** The outro is carried over to the next draft when this issue is sent. */
	outroRecurring?: boolean;
	/** The date was never chosen by the curator: the issue is dated the day it is sent. */
	autoDate?: boolean;
}

export const DEFAULT_NEWSLETTER: Newsletter = {
	name: "My Newsletter",
	titleTemplate: "{{newsletter}} Issue #{{number}}",
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "tools", name: "Tools", layout: "entries" },
		{ id: "outages", name: "Outages", layout: "list" },
	],
};

/** A fresh draft issue, dated `today` until the curator picks a date. */
export function newIssueMeta(number: number, date: string): IssueMeta {
	return { number, date, intro: "", outro: "", autoDate: true };
}

/** The issue's sponsors, from data of any version: `sponsors`, or the single `sponsor` of old data. */
export function issueSponsors(meta: IssueMeta): Sponsor[] {
	if (meta.sponsors) return meta.sponsors;
	return meta.sponsor ? [meta.sponsor] : [];
}

/**
 * The one normalisation of stored issue details: the old single `sponsor`
 * becomes `sponsors: [sponsor]` (and no `sponsors` is written when there is
 * none). Every other field is kept as it is.
 */
export function normalizeIssueMeta(meta: IssueMeta): IssueMeta {
	if (!Object.hasOwn(meta, "sponsor")) return meta;
	const { sponsor: _old, ...rest } = meta;
	const sponsors = issueSponsors(meta);
	return sponsors.length > 0 ? { ...rest, sponsors } : rest;
}

/**
 * The next draft after `sent` went out: a fresh issue numbered `number` and
 * dated `date` (until the curator picks one), carrying over what the
 * curator marked recurring (see carryRecurring).
 */
export function nextIssueMeta(sent: SentIssue, number: number, date: string): IssueMeta {
	return carryRecurring(sent, newIssueMeta(number, date));
}

/**
 * `next` with what `sent` marked recurring carried into it: the values of
 * the newsletter's recurring fields, the recurring sponsors (before any of
 * next's own) and a recurring outro. What `next` already has wins: a field
 * it sets and an outro it has are kept. Nothing else carries over.
 */
export function carryRecurring(sent: SentIssue, next: IssueMeta): IssueMeta {
	const meta = normalizeIssueMeta(sent.meta);
	const out: IssueMeta = { ...normalizeIssueMeta(next) };
	if (meta.outroRecurring && out.outro.trim() === "") {
		out.outro = meta.outro;
		out.outroRecurring = true;
	}
	const sponsors = issueSponsors(meta).filter((s) => s.recurring);
	if (sponsors.length > 0) out.sponsors = [...structuredClone(sponsors), ...issueSponsors(out)];
	const fields: Record<string, IssueFieldValue> = {};
	for (const def of sent.newsletter.fields ?? []) {
		const value = def.recurring ? meta.fields?.[def.id] : undefined;
		if (value !== undefined) fields[def.id] = Array.isArray(value) ? [...value] : value;
	}
	if (Object.keys(fields).length > 0) out.fields = { ...fields, ...out.fields };
	return out;
}

/** The issue's details as of `today`: a date the curator never chose follows the calendar. */
export function datedMeta(meta: IssueMeta, today: string): IssueMeta {
	return meta.autoDate ? { ...meta, date: today } : meta;
}

/** A sent issue, frozen: everything needed to export it again exactly as it went out. */
export interface SentIssue {
	number: number;
	/** When the curator marked it as sent (ms since epoch). */
	sentAt: number;
	newsletter: Newsletter;
	meta: IssueMeta;
	/** The captures as they were when sent, with `issue` set to `number`. */
	captures: Capture[];
	/** The templates at the time, by format; a format absent here used the default of its day. */
	templates: Record<string, string>;
	/** Every format as rendered when sent, by format: the exact text that went out. */
	outputs?: Record<string, string>;
}
