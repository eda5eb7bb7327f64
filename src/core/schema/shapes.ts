/**
 * One valibot schema per stored shape, shared by backups and issue files.
 * Messages name the problem; errors.ts adds the full path.
 */
import * as v from "valibot";
import type { Format } from "../render/format.ts";
import {
	calendarDate,
	finiteNumber,
	flag,
	httpUrl,
	issueAt,
	issueNumber,
	CAPTURE_LIMITS as L,
	list,
	nonEmptyText,
	strict,
	text,
	timestamp,
} from "./fields.ts";

const LAYOUTS = ["entries", "list"] as const;

export const section = strict({
	id: nonEmptyText(L.section),
	name: nonEmptyText(),
	layout: v.picklist(LAYOUTS, (issue) => `unknown layout ${issue.received} (expected "entries" or "list")`),
});

/** The curator's sections: at least one, ids unique. */
export const sections = v.pipe(
	list(section),
	v.minLength(1, "needs at least one section"),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const seen = new Set<string>();
		for (const [i, s] of dataset.value.entries()) {
			if (seen.has(s.id)) issueAt(addIssue, dataset.value, [i, "id"], `duplicate section id ${JSON.stringify(s.id)}`);
			seen.add(s.id);
		}
	}),
);

export const newsletter = strict({ name: nonEmptyText(), titleTemplate: text(), sections });

export const sponsor = strict({
	name: nonEmptyText(),
	text: text(),
	linkText: v.optional(text()),
	url: v.optional(httpUrl()),
});

export const via = strict({ name: nonEmptyText(L.viaName), url: v.optional(httpUrl(L.viaUrl)) });

/** The editable details of one issue, as stored (a backup's draft, a sent issue's meta). */
export const issueMeta = strict({
	number: issueNumber,
	date: calendarDate,
	intro: text(),
	outro: text(),
	sponsor: v.optional(sponsor),
	autoDate: v.optional(flag),
});

/** The capture text fields a curator or a page fills, each with normalizeCapture's limit. */
const captureText = {
	title: text(L.title),
	note: text(L.note),
	quote: text(L.quote),
	quoteUrl: text(L.quoteUrl),
	group: text(L.group),
	author: text(L.author),
	siteName: text(L.siteName),
	publishedAt: text(L.publishedAt),
	description: text(L.description),
	image: text(L.image),
	lang: text(L.lang),
};

/** A capture exactly as stored: every field kept as it is. */
export const storedCapture = strict({
	id: nonEmptyText(),
	url: httpUrl(L.url),
	urlKey: text(),
	title: captureText.title,
	note: captureText.note,
	section: nonEmptyText(L.section),
	quote: v.optional(captureText.quote),
	quoteUrl: v.optional(captureText.quoteUrl),
	group: v.optional(captureText.group),
	via: v.optional(via),
	author: v.optional(captureText.author),
	siteName: v.optional(captureText.siteName),
	publishedAt: v.optional(captureText.publishedAt),
	description: v.optional(captureText.description),
	image: v.optional(captureText.image),
	lang: v.optional(captureText.lang),
	incomplete: v.optional(flag),
	held: v.optional(flag),
	position: finiteNumber,
	createdAt: timestamp,
	updatedAt: timestamp,
	issue: v.nullable(issueNumber),
});

/** A capture in an issue file: the input normalizeCapture takes. */
export const captureInput = strict({
	url: httpUrl(L.url),
	section: nonEmptyText(L.section),
	title: v.optional(captureText.title),
	note: v.optional(captureText.note),
	quote: v.optional(captureText.quote),
	quoteUrl: v.optional(captureText.quoteUrl),
	group: v.optional(captureText.group),
	author: v.optional(captureText.author),
	siteName: v.optional(captureText.siteName),
	publishedAt: v.optional(captureText.publishedAt),
	description: v.optional(captureText.description),
	image: v.optional(captureText.image),
	lang: v.optional(captureText.lang),
	via: v.nullish(via),
	position: v.optional(finiteNumber),
	issue: v.nullish(issueNumber),
	incomplete: v.optional(flag),
});

/**
 * Templates or outputs by format. Only the four format names are keys, so
 * nothing (not even `__proto__`, which valibot's record() drops silently)
 * is lost on the way in.
 */
export const byFormat = strict({
	md: v.optional(text()),
	html: v.optional(text()),
	txt: v.optional(text()),
	json: v.optional(text()),
} satisfies Record<Format, v.OptionalSchema<ReturnType<typeof text>, undefined>>);

/** Duplicate values of `key` in a list of objects, as a problem at the second one. */
export function unique<T>(items: readonly T[], key: (item: T) => unknown, label: string) {
	const seen = new Map<unknown, number>();
	for (const [i, item] of items.entries()) {
		const value = key(item);
		const first = seen.get(value);
		if (first !== undefined)
			return { index: i, message: `duplicate ${label} ${JSON.stringify(value)} (also at [${first}])` };
		seen.set(value, i);
	}
	return undefined;
}

export const sentIssue = v.pipe(
	strict({
		number: issueNumber,
		sentAt: timestamp,
		newsletter,
		meta: issueMeta,
		captures: list(storedCapture),
		templates: byFormat,
		outputs: v.optional(byFormat),
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const issue = dataset.value;
		if (issue.meta.number !== issue.number) {
			issueAt(addIssue, issue, ["meta", "number"], `is ${issue.meta.number}, but the issue is #${issue.number}`);
			return;
		}
		const duplicate = unique(issue.captures, (c) => c.id, "capture id");
		if (duplicate) return issueAt(addIssue, issue, ["captures", duplicate.index, "id"], duplicate.message);
		for (const [i, c] of issue.captures.entries()) {
			if (c.issue !== issue.number) {
				issueAt(
					addIssue,
					issue,
					["captures", i, "issue"],
					`is ${c.issue}, but the capture went out in #${issue.number}`,
				);
				return;
			}
		}
	}),
);
