import { stripBidiControls } from "./text/bidi.ts";
import { isSavableUrl, urlKey } from "./url.ts";

/** How a section lays out its captures in the export. */
export type SectionLayout = "entries" | "list";

/** A section of the newsletter, owned and ordered by the curator. */
export interface Section {
	id: string;
	name: string;
	layout: SectionLayout;
	/** Id of the parent section; absent for a top-level section. Siblings keep the newsletter's order. */
	parent?: string;
	/** Name of the curator's partial that renders this section; absent for the layout's default. */
	partial?: string;
	/** Render the section even when it has no captures this week, with `emptyText`. */
	keepWhenEmpty?: boolean;
	/** Markdown shown in place of captures when a kept section is empty ("No calls for testing this week"). */
	emptyText?: string;
	/** Captures in this section need no note: the checklist does not ask for one. */
	notesOptional?: boolean;
}

/** Credit for where the curator found a link. */
export interface Via {
	name: string;
	url?: string;
}

/** One saved link with the curator's commentary. */
export interface Capture {
	id: string;
	url: string;
	/** Dedup key derived from url: scheme, trailing slash, parameter order and tracking parameters ignored. */
	urlKey: string;
	title: string;
	note: string;
	/** Section id. */
	section: string;
	/** The page selection, as Markdown. */
	quote?: string;
	/** A link that scrolls to the quote (text fragment). */
	quoteUrl?: string;
	group?: string;
	via?: Via;
	author?: string;
	siteName?: string;
	publishedAt?: string;
	description?: string;
	image?: string;
	lang?: string;
	/** Saved without being opened (context menu "Save link"): the curator should complete it. */
	incomplete?: boolean;
	/** Held back by the curator: stays in the draft when the issue is sent ("move to next issue"). */
	held?: boolean;
	/** The curator's tags, trimmed, each once, in the order given. */
	tags?: string[];
	/** The curator's own fields by name (e.g. "event-date", "place"), plain text. */
	fields?: Record<string, string>;
	/** A paid placement: rendered in its section like any capture, and listed as sponsored. */
	sponsored?: boolean;
	/**
	 * Placed deliberately in a second section although the same link is
	 * already in the issue ("add here too"): not a duplicate for the checklist.
	 */
	alsoPlaced?: boolean;
	/** Position within the issue; captures are listed by this, then createdAt. */
	position: number;
	createdAt: number;
	updatedAt: number;
	/** Number of the sent issue it was featured in; null while in the draft. */
	issue: number | null;
}

/** What a caller may supply for a capture; everything else is defaulted. */
export type CaptureInput = Partial<Omit<Capture, "id" | "urlKey" | "createdAt" | "updatedAt">> & {
	url: string;
	section: string;
};

export class InvalidCaptureError extends Error {
	override name = "InvalidCaptureError";
}

/** Longest text kept in any single field; page data is hostile and may be huge. */
export const MAX_FIELD_LENGTH = 20_000;
const MAX_SHORT_FIELD = 1_000;
/** Most tags and custom fields kept on one capture, and the longest tag or field name. */
export const MAX_TAGS = 50;
export const MAX_CAPTURE_FIELDS = 50;
export const MAX_TAG_LENGTH = 100;

function clean(value: unknown, max: number): string | undefined {
	if (typeof value !== "string") return undefined;
	const text = stripBidiControls(value).trim();
	if (text === "") return undefined;
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Validate and normalise a capture. Time and id come in as arguments so the
 * core stays pure. Throws InvalidCaptureError for a URL that cannot be saved.
 */
export function normalizeCapture(input: CaptureInput, ctx: { now: number; id: string }): Capture {
	const url = clean(input.url, MAX_SHORT_FIELD * 8);
	if (!url || !isSavableUrl(url)) {
		throw new InvalidCaptureError("Only http and https pages can be saved.");
	}
	const section = clean(input.section, MAX_SHORT_FIELD);
	if (!section) throw new InvalidCaptureError("Choose a section.");
	const capture: Capture = {
		id: ctx.id,
		url,
		urlKey: urlKey(url),
		title: clean(input.title, MAX_SHORT_FIELD) ?? url,
		note: typeof input.note === "string" ? input.note.trim().slice(0, MAX_FIELD_LENGTH) : "",
		section,
		position: typeof input.position === "number" && Number.isFinite(input.position) ? input.position : ctx.now,
		createdAt: ctx.now,
		updatedAt: ctx.now,
		issue: typeof input.issue === "number" ? input.issue : null,
	};
	const optional = {
		quote: clean(input.quote, MAX_FIELD_LENGTH),
		quoteUrl: clean(input.quoteUrl, MAX_SHORT_FIELD * 8),
		group: clean(input.group, MAX_SHORT_FIELD),
		author: clean(input.author, MAX_SHORT_FIELD),
		siteName: clean(input.siteName, MAX_SHORT_FIELD),
		publishedAt: clean(input.publishedAt, 64),
		description: clean(input.description, MAX_SHORT_FIELD * 4),
		image: clean(input.image, MAX_SHORT_FIELD * 8),
		lang: clean(input.lang, 35),
	};
	for (const [key, value] of Object.entries(optional)) {
		if (value !== undefined) (capture as unknown as Record<string, unknown>)[key] = value;
	}
	const viaName = clean(input.via?.name, MAX_SHORT_FIELD);
	if (viaName) {
		const viaUrl = clean(input.via?.url, MAX_SHORT_FIELD * 8);
		capture.via = viaUrl && isSavableUrl(viaUrl) ? { name: viaName, url: viaUrl } : { name: viaName };
	}
	const tags = cleanTags(input.tags);
	if (tags.length > 0) capture.tags = tags;
	const fields = cleanFields(input.fields);
	if (fields) capture.fields = fields;
	if (input.sponsored) capture.sponsored = true;
	if (input.alsoPlaced) capture.alsoPlaced = true;
	if (input.incomplete) capture.incomplete = true;
	if (input.held) capture.held = true;
	return capture;
}

/** Tags trimmed, empty ones dropped, each kept once (case-insensitively, first spelling wins), at most MAX_TAGS. */
export function cleanTags(tags: unknown): string[] {
	if (!Array.isArray(tags)) return [];
	const out: string[] = [];
	const seen = new Set<string>();
	for (const tag of tags) {
		const text = clean(tag, MAX_TAG_LENGTH);
		if (!text || seen.has(text.toLowerCase())) continue;
		seen.add(text.toLowerCase());
		out.push(text);
		if (out.length === MAX_TAGS) break;
	}
	return out;
}

/** Custom fields with trimmed names and values; empty ones dropped; undefined when none is left. */
function cleanFields(fields: unknown): Record<string, string> | undefined {
	if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return undefined;
	const out: Record<string, string> = {};
	let count = 0;
	for (const [key, value] of Object.entries(fields)) {
		const name = clean(key, MAX_TAG_LENGTH);
		const text = clean(value, MAX_SHORT_FIELD * 4);
		// Own, plain keys only: "__proto__" would not survive a round trip through JSON.
		if (!name || !text || name === "__proto__" || Object.hasOwn(out, name)) continue;
		out[name] = text;
		if (++count === MAX_CAPTURE_FIELDS) break;
	}
	return count > 0 ? out : undefined;
}

/** Apply an edit to a capture, keeping its identity and stamping updatedAt. */
export function editCapture(capture: Capture, edit: Partial<CaptureInput>, now: number): Capture {
	const merged = normalizeCapture({ ...capture, ...edit }, { now, id: capture.id });
	return { ...merged, createdAt: capture.createdAt, updatedAt: now };
}

/** Order in which an issue is laid out: position, then the order saved, then id (by code unit, locale-free). */
export function byPosition(a: Capture, b: Capture): number {
	return a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The captures that go out with the draft issue: in the draft, and not held for the next one. */
export function draftIssueCaptures(captures: readonly Capture[]): Capture[] {
	return captures.filter((c) => c.issue === null && !c.held);
}
