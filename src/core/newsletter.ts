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

/** A fresh draft issue: number 1 unless told otherwise; the date comes in as an argument. */
export function newIssueMeta(number: number, date: string): IssueMeta {
	return { number, date, intro: "", outro: "" };
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
	/** The curator's templates at the time, by format; absent formats used the defaults. */
	templates: Record<string, string>;
}
