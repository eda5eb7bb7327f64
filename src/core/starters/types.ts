import type { Section } from "../capture.ts";
import type { IssueFieldDef } from "../newsletter.ts";
import type { Format } from "../render/format.ts";

/**
 * A ready-made newsletter kind the curator can start from: templates for
 * the formats it provides, the partials they render, the sections and
 * issue-level fields it expects, and optionally an HTML style map. Starter
 * templates never name a section id: they loop over `issue.sections`, pick
 * a section's partial by `section.partial` and its layout, so a section the
 * curator adds later renders too.
 */
export interface Starter {
	/** Stable id, letters, digits and "-". */
	id: string;
	name: string;
	/** One or two sentences for the chooser. */
	description: string;
	/** The formats it has templates for, in the order the chooser lists them. */
	formats: readonly Format[];
	templates: Partial<Record<Format, string>>;
	/** Partials by format, then by name (Newsletter.partials). */
	partials: Partial<Record<Format, Record<string, string>>>;
	/** The sections it expects, with nesting, layout, partial and keep-when-empty. */
	sections: Section[];
	/** Issue-level field definitions (Newsletter.fields). */
	fields: IssueFieldDef[];
	/** Inline CSS by element name for the HTML export (Newsletter.htmlStyles). */
	htmlStyles?: Record<string, string>;
}
