import type { Issue } from "../issue.ts";
import { TemplateError } from "../template/errors.ts";
import { withoutBidiControls } from "../text/bidi.ts";
import { issueTemplates } from "./filters.ts";
import type { Format } from "./format.ts";
import { renderHtml } from "./html.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { sharingMarkdown } from "./markdown-render.ts";
import { renderText } from "./text.ts";

export { DEFAULT_TEMPLATES } from "../template/defaults.ts";
export { TemplateError } from "../template/errors.ts";
export { FORMATS, type Format, isFormat } from "./format.ts";

const RENDERERS: Readonly<Record<Format, (issue: Issue, template?: string) => string>> = {
	md: renderMarkdown,
	html: renderHtml,
	txt: renderText,
	json: renderJson,
};

/**
 * Render an issue in one format, with the curator's template or the format's
 * default. Bidi embeddings, overrides and isolates are removed from every
 * field first, in every format (core/text/bidi.ts says why).
 */
export function renderIssue(issue: Issue, format: Format, template?: string): string {
	return RENDERERS[format](withoutBidiControls(issue), template);
}

/**
 * Render an issue in several formats at once (the clipboard holds HTML and
 * plain text together): notes are parsed once for all of them. `templates`
 * overrides the default template of any format.
 */
export function renderFormats(
	issue: Issue,
	formats: readonly Format[],
	templates: Partial<Record<Format, string>> = {},
): Record<Format, string> {
	const clean = withoutBidiControls(issue);
	return sharingMarkdown(() => {
		const out: Partial<Record<Format, string>> = {};
		for (const format of formats) out[format] = RENDERERS[format](clean, templates[format]);
		return out as Record<Format, string>;
	});
}

/**
 * Check a template without rendering it, for an editor: the TemplateError
 * (with line and column) of its first mistake, or null when it compiles.
 * Mistakes that depend on the data, such as a misspelt field, show up when
 * the template is rendered.
 */
export function checkTemplate(template: string): TemplateError | null {
	try {
		issueTemplates.compile(template);
		return null;
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
}
