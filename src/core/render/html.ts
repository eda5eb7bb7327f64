import type { Issue } from "../issue.ts";
import { DEFAULT_TEMPLATES } from "../template/defaults.ts";
import { issueTemplates } from "./filters.ts";

/**
 * Render an issue as HTML with the given template (the default one when
 * omitted). Throws TemplateError, with line and column, for a broken template.
 */
export function renderHtml(issue: Issue, template: string = DEFAULT_TEMPLATES.html): string {
	return issueTemplates.render(template, { issue }, "html");
}
