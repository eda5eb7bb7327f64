import type { Section } from "../capture.ts";
import type { IssueFieldDef } from "../newsletter.ts";
import { FORMATS, type Format } from "../render/format.ts";
import { DEFAULT_TEMPLATES } from "../template/defaults.ts";
import { COMMUNITY_WEEKLY_STARTER } from "./community-weekly.ts";
import { DEFAULT_STARTER } from "./default-starter.ts";
import { HTML_WEEKLY_STARTER } from "./html-weekly.ts";
import { LINK_BLOG_STARTER } from "./link-blog.ts";
import { TEAM_DIGEST_STARTER } from "./team-digest.ts";
import type { Starter } from "./types.ts";

export type { Starter } from "./types.ts";
export { COMMUNITY_WEEKLY_STARTER, DEFAULT_STARTER, HTML_WEEKLY_STARTER, LINK_BLOG_STARTER, TEAM_DIGEST_STARTER };

/** Every starter, in the order the chooser shows them; the current default first. */
export const STARTERS: readonly Starter[] = [
	DEFAULT_STARTER,
	COMMUNITY_WEEKLY_STARTER,
	HTML_WEEKLY_STARTER,
	LINK_BLOG_STARTER,
	TEAM_DIGEST_STARTER,
];

/** The starter with this id, or undefined. */
export function starterById(id: string): Starter | undefined {
	return STARTERS.find((s) => s.id === id);
}

/** What a newsletter has that a starter replaces. */
export interface StarterTarget {
	/** The curator's templates by format; a missing or blank one means the format's default. */
	templates: Partial<Record<Format, string>>;
	partials: Partial<Record<Format, Record<string, string>>>;
	sections: Section[];
	fields: IssueFieldDef[];
	htmlStyles?: Record<string, string> | undefined;
}

/** A partial the curator edited, by format and name. */
export interface EditedPartial {
	format: Format;
	name: string;
}

export interface ApplyStarterOptions {
	/** Replace templates, partials and styles the curator edited (after asking them). */
	overwriteEdited: boolean;
	/**
	 * Ids of current sections to keep although the starter lacks them (those
	 * holding captures), so no capture ends up "Unsorted". Kept after the
	 * starter's sections, as they were.
	 */
	keepSections?: ReadonlySet<string>;
}

export interface AppliedStarter extends StarterTarget {
	/**
	 * The templates the curator edited that the starter replaces: replaced
	 * when overwriteEdited, kept (and listed so the UI can ask) otherwise.
	 */
	editedTemplates: Format[];
	/** Likewise for partials of the same name. */
	editedPartials: EditedPartial[];
	/** Likewise for the HTML style map. */
	editedHtmlStyles: boolean;
}

/** A template the curator has not touched: absent, blank, the default or some starter's own. */
function isStockTemplate(format: Format, text: string | undefined): boolean {
	if (text === undefined || text.trim() === "") return true;
	if (text === DEFAULT_TEMPLATES[format]) return true;
	return STARTERS.some((s) => s.templates[format] === text);
}

function isStockPartial(format: Format, name: string, text: string): boolean {
	return text.trim() === "" || STARTERS.some((s) => s.partials[format]?.[name] === text);
}

function sameStyles(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

function isStockStyles(styles: Readonly<Record<string, string>> | undefined): boolean {
	if (styles === undefined || Object.keys(styles).length === 0) return true;
	return STARTERS.some((s) => s.htmlStyles !== undefined && sameStyles(s.htmlStyles, styles));
}

/**
 * The newsletter's templates, partials, sections, fields and style map after
 * choosing `starter`. Pure. A template, partial or style map the curator
 * edited (it differs from the default and from every starter's) is never
 * replaced unless `overwriteEdited`; either way it is listed, so the UI can
 * ask first. Formats the starter has no template for are left as they are;
 * the curator's other partials stay. Sections become the starter's, followed
 * by the `keepSections` it lacks; fields are the starter's, followed by the
 * curator's fields it does not define.
 */
export function applyStarter(current: StarterTarget, starter: Starter, options: ApplyStarterOptions): AppliedStarter {
	const templates: Partial<Record<Format, string>> = { ...current.templates };
	const editedTemplates: Format[] = [];
	for (const format of FORMATS) {
		const text = starter.templates[format];
		if (text === undefined) continue;
		const edited = !isStockTemplate(format, current.templates[format]) && current.templates[format] !== text;
		if (edited) editedTemplates.push(format);
		if (!edited || options.overwriteEdited) templates[format] = text;
	}

	const partials: Partial<Record<Format, Record<string, string>>> = {};
	for (const format of FORMATS) {
		const mine = current.partials[format];
		if (mine) partials[format] = { ...mine };
	}
	const editedPartials: EditedPartial[] = [];
	for (const format of FORMATS) {
		const theirs = starter.partials[format];
		if (!theirs) continue;
		const out = partials[format] ?? {};
		for (const [name, text] of Object.entries(theirs)) {
			const mine = Object.hasOwn(out, name) ? out[name] : undefined;
			const edited = mine !== undefined && mine !== text && !isStockPartial(format, name, mine);
			if (edited) editedPartials.push({ format, name });
			if (!edited || options.overwriteEdited) out[name] = text;
		}
		partials[format] = out;
	}

	let htmlStyles = current.htmlStyles;
	let editedHtmlStyles = false;
	if (starter.htmlStyles) {
		editedHtmlStyles = !isStockStyles(current.htmlStyles) && !sameStyles(current.htmlStyles ?? {}, starter.htmlStyles);
		if (!editedHtmlStyles || options.overwriteEdited) htmlStyles = { ...starter.htmlStyles };
	}

	const ids = new Set(starter.sections.map((s) => s.id));
	const kept = current.sections.filter((s) => !ids.has(s.id) && options.keepSections?.has(s.id));
	const sections = [
		...starter.sections.map((s) => ({ ...s })),
		// A kept section whose parent is gone moves to the top level.
		...kept.map((s) => {
			if (s.parent === undefined || ids.has(s.parent) || kept.some((k) => k.id === s.parent)) return { ...s };
			const { parent: _gone, ...rest } = s;
			return rest;
		}),
	];

	const fieldIds = new Set(starter.fields.map((f) => f.id));
	const fields = [...starter.fields.map((f) => ({ ...f })), ...current.fields.filter((f) => !fieldIds.has(f.id))];

	return {
		templates,
		partials,
		sections,
		fields,
		...(htmlStyles ? { htmlStyles } : {}),
		editedTemplates,
		editedPartials,
		editedHtmlStyles,
	};
}
