/**
 * One valibot schema per stored shape, shared by backups and issue files.
 * Messages name the problem; errors.ts adds the full path.
 */
import * as v from "valibot";
import { MAX_CAPTURE_FIELDS, MAX_TAGS } from "../capture.ts";
import { ISSUE_FIELD_TYPES } from "../newsletter.ts";
import type { Format } from "../render/format.ts";
import { STYLE_ELEMENT } from "../render/html-styles.ts";
import { MAX_SECTION_DEPTH } from "../sections.ts";
import { describe } from "./errors.ts";
import {
	CAPTURE_LIMITS,
	calendarDate,
	finiteNumber,
	flag,
	httpUrl,
	issueAt,
	issueNumber,
	list,
	MODEL_LIMITS,
	nonEmptyText,
	strict,
	text,
	timestamp,
} from "./fields.ts";

const L = { ...CAPTURE_LIMITS, ...MODEL_LIMITS };
const LAYOUTS = ["entries", "list"] as const;

export const section = strict({
	id: nonEmptyText(L.section),
	name: nonEmptyText(),
	layout: v.picklist(LAYOUTS, (issue) => `unknown layout ${issue.received} (expected "entries" or "list")`),
	parent: v.optional(nonEmptyText(L.section)),
	partial: v.optional(nonEmptyText(L.name)),
	keepWhenEmpty: v.optional(flag),
	emptyText: v.optional(text(L.note)),
	notesOptional: v.optional(flag),
});

/** The curator's sections: at least one, ids unique. */
export const sections = v.pipe(
	list(section),
	v.minLength(1, "needs at least one section"),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const seen = new Set<string>();
		for (const [i, s] of dataset.value.entries()) {
			if (seen.has(s.id)) {
				return issueAt(addIssue, dataset.value, [i, "id"], `duplicate section id ${JSON.stringify(s.id)}`);
			}
			seen.add(s.id);
		}
		const at = nestingProblem(dataset.value);
		if (at) issueAt(addIssue, dataset.value, [at.index, "parent"], at.message);
	}),
);

/** The first section whose parent is unknown, itself an ancestor, or too deep; the same rules as validateSections. */
function nestingProblem(list: readonly { id: string; parent?: string | undefined }[]) {
	const byId = new Map(list.map((s) => [s.id, s]));
	for (const [index, s] of list.entries()) {
		if (s.parent === undefined) continue;
		if (!byId.has(s.parent)) return { index, message: `unknown section id ${JSON.stringify(s.parent)}` };
		const path = new Set([s.id]);
		let depth = 0;
		for (let p = byId.get(s.parent); p; p = p.parent === undefined ? undefined : byId.get(p.parent)) {
			if (path.has(p.id)) return { index, message: "a section cannot be inside itself" };
			path.add(p.id);
			if (++depth >= MAX_SECTION_DEPTH) {
				return { index, message: `nested too deeply: sections nest at most ${MAX_SECTION_DEPTH} levels` };
			}
		}
	}
	return undefined;
}

/** A name templates use: a letter, then letters, digits, "_" or "-". */
function templateName(max: number) {
	return v.pipe(
		text(max),
		v.check(
			(s) => /^[A-Za-z][\w-]*$/.test(s),
			(issue) => `expected a name of letters, digits, "_" and "-" starting with a letter, got ${describe(issue.input)}`,
		),
	);
}

export const issueFieldDef = strict({
	id: templateName(L.name),
	label: nonEmptyText(L.name),
	type: v.picklist(
		ISSUE_FIELD_TYPES,
		(issue) => `unknown field type ${issue.received} (expected ${ISSUE_FIELD_TYPES.map((t) => `"${t}"`).join(", ")})`,
	),
	recurring: v.optional(flag),
});

/** The newsletter's issue-level fields: ids unique. */
export const issueFieldDefs = v.pipe(
	list(issueFieldDef),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const duplicate = unique(dataset.value, (f) => f.id, "field id");
		if (duplicate) issueAt(addIssue, dataset.value, [duplicate.index, "id"], duplicate.message);
	}),
);

/**
 * A map from names to text. Built with a check over the plain object, not
 * valibot's record() (which drops `__proto__` silently); names must match `key`.
 */
function textMap(key: v.GenericSchema<string>, value: v.GenericSchema<string>, what: string) {
	return v.pipe(
		v.custom<Record<string, string>>(
			(x) => typeof x === "object" && x !== null && !Array.isArray(x),
			(issue) => `expected an object of ${what}, got ${describe(issue.input)}`,
		),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const map = dataset.value;
			for (const name of Object.keys(map)) {
				const keyResult = v.safeParse(key, name);
				if (!keyResult.success) return issueAt(addIssue, map, [name], `bad name: ${keyResult.issues[0].message}`);
				const valueResult = v.safeParse(value, map[name]);
				if (!valueResult.success) return issueAt(addIssue, map, [name], valueResult.issues[0].message);
			}
		}),
	);
}

/** Partials by format, then by name. */
export const partials = strict({
	md: v.optional(textMap(templateName(L.name), text(), "partials")),
	html: v.optional(textMap(templateName(L.name), text(), "partials")),
	txt: v.optional(textMap(templateName(L.name), text(), "partials")),
	json: v.optional(textMap(templateName(L.name), text(), "partials")),
});

const styleElement = v.pipe(
	text(16),
	v.check(
		(s) => STYLE_ELEMENT.test(s),
		(issue) => `expected an HTML element name in lower case, got ${describe(issue.input)}`,
	),
);

/** Inline CSS by HTML element name. */
export const htmlStyles = textMap(styleElement, text(L.style), "styles");

export const newsletter = strict({
	name: nonEmptyText(),
	titleTemplate: text(),
	sections,
	fields: v.optional(issueFieldDefs),
	partials: v.optional(partials),
	htmlStyles: v.optional(htmlStyles),
});

export const sponsor = strict({
	name: nonEmptyText(),
	text: text(),
	linkText: v.optional(text()),
	url: v.optional(httpUrl()),
	recurring: v.optional(flag),
});

/** An issue-level field's value: text, or a list of text (checked item by item, so a bad item has its own path). */
const fieldText = text(L.note);
const fieldList = list(text(L.fieldValue));
/** Values of issue-level fields by field id. */
export const issueFieldValues = v.pipe(
	v.custom<Record<string, string | string[]>>(
		(x) => typeof x === "object" && x !== null && !Array.isArray(x),
		(issue) => `expected an object of field values, got ${describe(issue.input)}`,
	),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const map = dataset.value;
		for (const name of Object.keys(map)) {
			const keyResult = v.safeParse(templateName(L.name), name);
			if (!keyResult.success) return issueAt(addIssue, map, [name], `bad field id: ${keyResult.issues[0].message}`);
			const value = map[name];
			if (typeof value !== "string" && !Array.isArray(value)) {
				return issueAt(addIssue, map, [name], `expected text or a list of text, got ${describe(value)}`);
			}
			const result = typeof value === "string" ? v.safeParse(fieldText, value) : v.safeParse(fieldList, value);
			if (!result.success) {
				const inner = (result.issues[0].path ?? []).map((p) => p.key as string | number);
				return issueAt(addIssue, map, [name, ...inner], result.issues[0].message);
			}
		}
	}),
);

/** This issue's intro of a section, by section id. */
export const sectionIntros = textMap(nonEmptyText(L.section), text(L.note), "section intros");

export const via = strict({ name: nonEmptyText(L.viaName), url: v.optional(httpUrl(L.viaUrl)) });

/** The editable details of one issue, as stored (a backup's draft, a sent issue's meta). */
export const issueMeta = strict({
	number: issueNumber,
	date: calendarDate,
	intro: text(),
	outro: text(),
	sponsors: v.optional(list(sponsor)),
	fields: v.optional(issueFieldValues),
	sectionIntros: v.optional(sectionIntros),
	outroRecurring: v.optional(flag),
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

/** A capture's tags: each within the tag limit, at most MAX_TAGS. */
const tags = v.pipe(list(nonEmptyText(L.tag)), v.maxLength(MAX_TAGS, `at most ${MAX_TAGS} tags are kept`));

/** A capture's own fields by name. */
const captureFields = v.pipe(
	textMap(nonEmptyText(L.tag), text(L.description), "fields"),
	v.check((m) => Object.keys(m).length <= MAX_CAPTURE_FIELDS, `at most ${MAX_CAPTURE_FIELDS} fields are kept`),
);

/** The model's capture fields, the same in a stored capture and in a capture input. */
const captureModel = {
	tags: v.optional(tags),
	fields: v.optional(captureFields),
	sponsored: v.optional(flag),
	alsoPlaced: v.optional(flag),
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
	...captureModel,
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
	...captureModel,
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
