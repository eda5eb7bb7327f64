import * as v from "valibot";
import { isIsoDate } from "../dates.ts";
import { isSavableUrl } from "../url.ts";
import { describe } from "./errors.ts";

/** Highest issue number: beyond it JSON numbers stop being exact. */
export const MAX_ISSUE_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * The longest text normalizeCapture keeps in each capture field (longer is
 * cut there). A file is checked against the same limits so that reading it
 * never cuts anything; test/unit/backup-schema.test.ts holds the two together.
 */
export const CAPTURE_LIMITS = {
	url: 8_000,
	title: 1_000,
	note: 20_000,
	section: 1_000,
	quote: 20_000,
	quoteUrl: 8_000,
	group: 1_000,
	author: 1_000,
	siteName: 1_000,
	publishedAt: 64,
	description: 4_000,
	image: 8_000,
	lang: 35,
	viaName: 1_000,
	viaUrl: 8_000,
} as const;

/** Limits of the newsletter model's own fields (names, tags, styles), which no page fills. */
export const MODEL_LIMITS = {
	/** A capture's tag or custom field name (normalizeCapture's MAX_TAG_LENGTH). */
	tag: 100,
	/** Ids of issue fields and partials, and field labels. */
	name: 100,
	/** One item of a list field. */
	fieldValue: 1_000,
	/** One element's inline CSS. */
	style: 2_000,
} as const;

const got = (issue: { input: unknown }) => `got ${describe(issue.input)}`;

/** Any text, at most `max` characters once trimmed (what normalisation measures). */
export function text(max = Number.POSITIVE_INFINITY) {
	return v.pipe(
		v.string((issue) => `expected text, ${got(issue)}`),
		v.check(
			(s) => s.trim().length <= max,
			(issue) => `too long: ${issue.input.trim().length} characters, at most ${max} are kept`,
		),
	);
}

/** Text with something in it. */
export function nonEmptyText(max = Number.POSITIVE_INFINITY) {
	return v.pipe(
		text(max),
		v.check((s) => s.trim() !== "", "must not be empty"),
	);
}

/** An http(s) URL. */
export function httpUrl(max: number = CAPTURE_LIMITS.url) {
	return v.pipe(
		text(max),
		v.check((s) => isSavableUrl(s.trim()), "expected an http(s) URL"),
	);
}

/** An issue number: a whole number from 1 to 2^53 − 1; text that looks like a number is refused. */
export const issueNumber = v.custom<number>(
	(n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 1,
	(issue) => `expected a whole number from 1 to ${MAX_ISSUE_NUMBER}, ${got(issue)}`,
);

/** A time in milliseconds since the epoch. */
export const timestamp = v.custom<number>(
	(n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0,
	(issue) => `expected a time in milliseconds (a whole number from 0 up), ${got(issue)}`,
);

/** Any finite number (positions may be fractional or negative). */
export const finiteNumber = v.custom<number>(
	(n) => typeof n === "number" && Number.isFinite(n),
	(issue) => `expected a number, ${got(issue)}`,
);

export const flag = v.boolean((issue) => `expected true or false, ${got(issue)}`);

/** A calendar date, YYYY-MM-DD. */
export const calendarDate = v.pipe(
	text(),
	v.check(isIsoDate, (issue) => `expected a calendar date as YYYY-MM-DD, got ${describe(issue.input)}`),
);

/** A list; the message says what the field should be. */
export function list<T extends v.GenericSchema>(item: T) {
	return v.array(item, (issue) => `expected a list, ${got(issue)}`);
}

/**
 * An object that refuses fields it does not know (nothing is dropped
 * silently), says which field is missing, and which ones it expects.
 */
export function strict<E extends v.ObjectEntries>(entries: E) {
	const keys = Object.keys(entries).join(", ");
	return v.strictObject(entries, (issue) => {
		if (issue.expected === "never") return `unknown field (expected one of ${keys})`;
		if (issue.expected === "Object") return `expected an object, ${got(issue)}`;
		return "missing";
	});
}

/** Raise a problem at `path` below the value being checked, from a rawCheck. */
export function issueAt(
	addIssue: (info: { message: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
	root: unknown,
	keys: readonly (string | number)[],
	message: string,
): void {
	let input: unknown = root;
	const path = keys.map((key) => {
		const parent = input as Record<string | number, unknown>;
		input = parent[key];
		return typeof key === "number"
			? { type: "array" as const, origin: "value" as const, input: parent as unknown as unknown[], key, value: input }
			: {
					type: "object" as const,
					origin: "value" as const,
					input: parent as Record<string, unknown>,
					key,
					value: input,
				};
	});
	addIssue({ message, path: path as [v.IssuePathItem, ...v.IssuePathItem[]] });
}
