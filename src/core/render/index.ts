import type { Issue, IssueSection } from "../issue.ts";
import type { Newsletter } from "../newsletter.ts";
import { DEFAULT_TEMPLATES } from "../template/defaults.ts";
import { TemplateError } from "../template/errors.ts";
import { withoutBidiControls } from "../text/bidi.ts";
import { issueTemplates } from "./filters.ts";
import type { Format } from "./format.ts";
import { renderHtml } from "./html.ts";
import { applyHtmlStyles, type HtmlStyles } from "./html-styles.ts";
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

/** What a newsletter adds to rendering, beyond its templates. */
export interface RenderOptions {
	/** The curator's partials by format, then name (Newsletter.partials). */
	partials?: Partial<Record<Format, Readonly<Record<string, string>>>> | undefined;
	/** Inline CSS by element name for the HTML export (Newsletter.htmlStyles). */
	htmlStyles?: HtmlStyles | undefined;
}

/** The render options a newsletter keeps: its partials and its HTML style map. */
export function renderOptions(newsletter: Newsletter): RenderOptions {
	return { partials: newsletter.partials, htmlStyles: newsletter.htmlStyles };
}

/**
 * The issue as one format's template sees it: a section whose partial this
 * format does not have gets `partial: null`, so the template renders it
 * the default way instead of failing or leaving it out.
 */
export function withKnownPartials(issue: Issue, partials: Readonly<Record<string, string>> = {}): Issue {
	if (!issue.sections.some((s) => s.partial !== null && !Object.hasOwn(partials, s.partial))) return issue;
	const copies = new Map<IssueSection, IssueSection>();
	const copy = (section: IssueSection): IssueSection => {
		let out = copies.get(section);
		if (!out) {
			const known = section.partial !== null && Object.hasOwn(partials, section.partial);
			out = { ...section, partial: known ? section.partial : null, sections: [] };
			copies.set(section, out);
			out.sections = section.sections.map(copy);
		}
		return out;
	};
	return { ...issue, sections: issue.sections.map(copy) };
}

/**
 * Render an issue in one format, with the curator's template or the format's
 * default, and the newsletter's partials and HTML style map. Bidi
 * embeddings, overrides and isolates are removed from every field first, in
 * every format (core/text/bidi.ts says why).
 */
export function renderIssue(issue: Issue, format: Format, template?: string, options: RenderOptions = {}): string {
	return renderClean(withoutBidiControls(issue), format, template, options);
}

function renderClean(clean: Issue, format: Format, template: string | undefined, options: RenderOptions): string {
	const partials = options.partials?.[format];
	const issue = withKnownPartials(clean, partials);
	// With partials, the template is compiled with them, so `{% render "name" %}` finds the curator's.
	const out =
		partials && Object.keys(partials).length > 0
			? issueTemplates.render(template ?? DEFAULT_TEMPLATES[format], { issue }, format === "html" ? "html" : "none", {
					partials,
				})
			: RENDERERS[format](issue, template);
	return format === "html" ? applyHtmlStyles(out, options.htmlStyles) : out;
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
	options: RenderOptions = {},
): Record<Format, string> {
	const clean = withoutBidiControls(issue);
	return sharingMarkdown(() => {
		const out: Partial<Record<Format, string>> = {};
		for (const format of formats) out[format] = renderClean(clean, format, templates[format], options);
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
