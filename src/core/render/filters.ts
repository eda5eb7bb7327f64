import type { FilterFunction } from "../template/context.ts";
import { TemplateEngine } from "../template/engine.ts";
import { STANDARD_FILTERS } from "../template/filters.ts";
import { SafeString } from "../template/safe.ts";
import { toText } from "../template/values.ts";
import { defuseMarkdown } from "./markdown-defuse.ts";
import { escapeMarkdownText, escapeMarkdownUrl, markdownLinkText } from "./markdown-escape.ts";
import { renderMarkdownAs } from "./markdown-render.ts";
import { isSafeLinkTarget } from "./markdown-tree.ts";

/**
 * Filters for issue templates, on top of the standard ones. Any format's
 * template may use any of them.
 *
 * Markdown output: md_text (plain text → Markdown), md_url (link
 * destination), md_link_text (Markdown as link text), md_safe (Markdown with
 * raw HTML and non-web link schemes made inert).
 * HTML output: markdown, markdown_inline, markdown_link_text (Markdown →
 * sanitised HTML, passed through unescaped), href (a URL for an href: http,
 * https or mailto, else "#").
 * Plain text output: plain, plain_inline (Markdown → readable text).
 */
export const ISSUE_FILTERS: Readonly<Record<string, FilterFunction>> = {
	...STANDARD_FILTERS,
	md_text: (value) => escapeMarkdownText(toText(value)),
	md_url: (value) => escapeMarkdownUrl(toText(value)),
	md_link_text: (value) => markdownLinkText(toText(value)),
	md_safe: (value) => defuseMarkdown(toText(value)),
	markdown: (value) => new SafeString(renderMarkdownAs(toText(value), "html")),
	markdown_inline: (value) => new SafeString(renderMarkdownAs(toText(value), "inlineHtml")),
	markdown_link_text: (value) => new SafeString(renderMarkdownAs(toText(value), "linkHtml")),
	href: (value) => {
		const url = toText(value);
		return isSafeLinkTarget(url) ? url : "#";
	},
	plain: (value) => renderMarkdownAs(toText(value), "text"),
	plain_inline: (value) => renderMarkdownAs(toText(value), "flatText"),
};

let engine: TemplateEngine | undefined;
// Built on first use, not at import: nothing in a module runs when it is loaded.
function shared(): TemplateEngine {
	if (!engine) engine = new TemplateEngine(ISSUE_FILTERS);
	return engine;
}

/** The one engine all formats share, so each template is compiled once. */
export const issueTemplates: Pick<TemplateEngine, "compile" | "render"> = {
	compile: (source) => shared().compile(source),
	render: (source, data, escaping) => shared().render(source, data, escaping),
};
