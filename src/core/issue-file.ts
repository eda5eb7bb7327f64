import type { CaptureInput, Section, SectionLayout, Via } from "./capture.ts";
import { isIsoDate } from "./dates.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, type Sponsor } from "./newsletter.ts";
import { isSavableUrl } from "./url.ts";

/** An issue file that cannot be used; the message is one line naming the field that is wrong. */
export class IssueFileError extends Error {
	override name = "IssueFileError";
}

/** What an issue file holds: the newsletter, one issue's meta, and its captures as inputs to normalizeCapture. */
export interface IssueFile {
	newsletter: Newsletter;
	meta: IssueMeta;
	captures: CaptureInput[];
}

type Json = Record<string, unknown>;

const LAYOUTS: readonly SectionLayout[] = ["entries", "list"];
const TOP_FIELDS = [
	"newsletter",
	"titleTemplate",
	"number",
	"date",
	"intro",
	"outro",
	"sponsor",
	"sections",
	"captures",
];
const SECTION_FIELDS = ["id", "name", "layout"];
const SPONSOR_FIELDS = ["name", "text", "linkText", "url"];
const VIA_FIELDS = ["name", "url"];
const CAPTURE_TEXT_FIELDS = [
	"title",
	"note",
	"quote",
	"quoteUrl",
	"group",
	"author",
	"siteName",
	"publishedAt",
	"description",
	"image",
	"lang",
] as const;
const CAPTURE_FIELDS = ["url", "section", "via", "position", "issue", "incomplete", ...CAPTURE_TEXT_FIELDS];

function fail(path: string, problem: string): never {
	throw new IssueFileError(path ? `${path}: ${problem}` : problem);
}

function describe(value: unknown): string {
	if (value === null) return "null";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "string") return value.length > 40 ? "text" : JSON.stringify(value);
	return typeof value === "object" ? "an object" : String(value);
}

function object(value: unknown, path: string, fields: readonly string[]): Json {
	if (typeof value !== "object" || value === null || Array.isArray(value))
		fail(path, `expected an object, got ${describe(value)}`);
	for (const key of Object.keys(value)) {
		if (!fields.includes(key))
			fail(path ? `${path}.${key}` : key, `unknown field (expected one of ${fields.join(", ")})`);
	}
	return value as Json;
}

function text(value: unknown, path: string, { required = false, nonEmpty = false } = {}): string | undefined {
	if (value === undefined) return required ? fail(path, "missing") : undefined;
	if (typeof value !== "string") fail(path, `expected text, got ${describe(value)}`);
	if (nonEmpty && value.trim() === "") fail(path, "must not be empty");
	return value;
}

function httpUrl(value: unknown, path: string, required: boolean): string | undefined {
	const url = text(value, path, { required });
	if (url !== undefined && !isSavableUrl(url.trim())) fail(path, "expected an http(s) URL");
	return url?.trim();
}

function list(value: unknown, path: string): unknown[] {
	if (value === undefined) fail(path, "missing");
	if (!Array.isArray(value)) fail(path, `expected a list, got ${describe(value)}`);
	return value;
}

function sections(value: unknown): Section[] {
	const seen = new Set<string>();
	const items = list(value, "sections");
	if (items.length === 0) fail("sections", "needs at least one section");
	return items.map((item, i) => {
		const path = `sections[${i}]`;
		const raw = object(item, path, SECTION_FIELDS);
		const id = text(raw.id, `${path}.id`, { required: true, nonEmpty: true }) as string;
		if (seen.has(id)) fail(`${path}.id`, `duplicate section id ${JSON.stringify(id)}`);
		seen.add(id);
		const name = text(raw.name, `${path}.name`, { required: true, nonEmpty: true }) as string;
		const layout = raw.layout;
		if (layout === undefined) fail(`${path}.layout`, "missing");
		if (!LAYOUTS.includes(layout as SectionLayout)) {
			fail(`${path}.layout`, `unknown layout ${describe(layout)} (expected "entries" or "list")`);
		}
		return { id, name, layout: layout as SectionLayout };
	});
}

function sponsor(value: unknown): Sponsor | undefined {
	if (value === undefined || value === null) return undefined;
	const raw = object(value, "sponsor", SPONSOR_FIELDS);
	const result: Sponsor = {
		name: text(raw.name, "sponsor.name", { required: true, nonEmpty: true }) as string,
		text: text(raw.text, "sponsor.text", { required: true }) as string,
	};
	const linkText = text(raw.linkText, "sponsor.linkText");
	const url = httpUrl(raw.url, "sponsor.url", false);
	if (linkText !== undefined) result.linkText = linkText;
	if (url !== undefined) result.url = url;
	return result;
}

function via(value: unknown, path: string): Via | undefined {
	if (value === undefined || value === null) return undefined;
	const raw = object(value, path, VIA_FIELDS);
	const name = text(raw.name, `${path}.name`, { required: true, nonEmpty: true }) as string;
	const url = httpUrl(raw.url, `${path}.url`, false);
	return url === undefined ? { name } : { name, url };
}

function capture(value: unknown, index: number, sectionIds: Set<string>): CaptureInput {
	const path = `captures[${index}]`;
	const raw = object(value, path, CAPTURE_FIELDS);
	const url = httpUrl(raw.url, `${path}.url`, true) as string;
	const section = text(raw.section, `${path}.section`, { required: true, nonEmpty: true }) as string;
	if (!sectionIds.has(section)) {
		fail(
			`${path}.section`,
			`unknown section id ${JSON.stringify(section)} (sections are ${[...sectionIds].join(", ")})`,
		);
	}
	const input: CaptureInput = { url, section };
	const fields = input as Record<string, unknown>;
	for (const field of CAPTURE_TEXT_FIELDS) {
		const value = text(raw[field], `${path}.${field}`);
		if (value !== undefined) fields[field] = value;
	}
	const credit = via(raw.via, `${path}.via`);
	if (credit) input.via = credit;
	if (raw.position !== undefined) {
		if (typeof raw.position !== "number" || !Number.isFinite(raw.position)) {
			fail(`${path}.position`, `expected a number, got ${describe(raw.position)}`);
		}
		input.position = raw.position;
	}
	if (raw.issue !== undefined && raw.issue !== null) input.issue = issueNumber(raw.issue, `${path}.issue`);
	if (raw.incomplete !== undefined) {
		if (typeof raw.incomplete !== "boolean")
			fail(`${path}.incomplete`, `expected true or false, got ${describe(raw.incomplete)}`);
		input.incomplete = raw.incomplete;
	}
	return input;
}

function issueNumber(value: unknown, path: string): number {
	if (value === undefined) fail(path, "missing");
	if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
		fail(path, `expected a whole number from 1 up, got ${describe(value)}`);
	}
	return value;
}

function parseJson(source: string): unknown {
	try {
		return JSON.parse(source);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
		return fail("", `not valid JSON: ${reason}`);
	}
}

/**
 * Read an issue file (the shape of examples/sre-weekly-90/issue.json):
 * validate every field and return the newsletter, the issue's meta and the
 * captures ready for normalizeCapture. Throws IssueFileError with a one-line
 * message naming the field, e.g. `captures[3].url: expected an http(s) URL`.
 */
export function parseIssueFile(source: string): IssueFile {
	const raw = object(parseJson(source), "", TOP_FIELDS);
	const name = text(raw.newsletter, "newsletter", { required: true, nonEmpty: true }) as string;
	const titleTemplate = text(raw.titleTemplate, "titleTemplate") ?? DEFAULT_NEWSLETTER.titleTemplate;
	const newsletter: Newsletter = { name, titleTemplate, sections: sections(raw.sections) };
	const date = text(raw.date, "date", { required: true }) as string;
	if (!isIsoDate(date)) fail("date", `expected a calendar date as YYYY-MM-DD, got ${describe(date)}`);
	const meta: IssueMeta = {
		number: issueNumber(raw.number, "number"),
		date,
		intro: text(raw.intro, "intro") ?? "",
		outro: text(raw.outro, "outro") ?? "",
	};
	const credit = sponsor(raw.sponsor);
	if (credit) meta.sponsor = credit;
	const ids = new Set(newsletter.sections.map((section) => section.id));
	const captures = list(raw.captures, "captures").map((item, i) => capture(item, i, ids));
	return { newsletter, meta, captures };
}
