import type { Capture, Section } from "./capture.ts";

/** The optional paid message near the top of an issue. */
export interface Sponsor {
	name: string;
	text: string;
	linkText?: string;
	url?: string;
}

/** What belongs to the newsletter as a whole, not to one issue. */
export interface Newsletter {
	name: string;
	/** e.g. "SRE Weekly Issue #{{number}}" */
	titleTemplate: string;
	sections: Section[];
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
	sponsor?: Sponsor;
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
