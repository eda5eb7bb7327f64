import type { FilterEntry } from "../template/context.ts";
import { TemplateEngine } from "../template/engine.ts";
import { STANDARD_FILTER_ENTRIES } from "../template/filters.ts";
import { escapeHtml } from "../template/html-escape.ts";
import { SafeString } from "../template/safe.ts";
import { toText } from "../template/values.ts";
import { defuseMarkdown } from "./markdown-defuse.ts";
import { escapeMarkdownText, escapeMarkdownUrl, markdownLinkText } from "./markdown-escape.ts";
import { renderMarkdownAs } from "./markdown-render.ts";
import { isSafeLinkTarget } from "./markdown-tree.ts";

/**
 * Filters for issue templates, on top of the standard ones, each with its
 * documentation (templateReference() publishes it). Any format's template
 * may use any of them.
 *
 * Markdown output: md_text (plain text → Markdown), md_url (link
 * destination), md_link_text (Markdown as link text), md_safe (Markdown with
 * raw HTML and non-web link schemes made inert).
 * HTML output: markdown, markdown_inline, markdown_link_text (Markdown →
 * sanitised HTML, passed through unescaped), href (a URL for an href: http,
 * https or mailto, else "#").
 * Plain text output: plain, plain_inline (Markdown → readable text).
 * Titles: md_text keeps a title's inline code and the allow-listed HTML of
 * safe-html.ts; title_html and title_text show a title the same way in the
 * HTML and plain-text exports (templates opt in; `{{ title }}` alone shows
 * every character as written).
 */

/** Whether a title has inline code or HTML to render: most titles have neither. */
function hasMarkup(text: string): boolean {
	return text.includes("`") || text.includes("<");
}
export const ISSUE_FILTERS: Readonly<Record<string, FilterEntry>> = {
	...STANDARD_FILTER_ENTRIES,
	md_text: {
		fn: (value) => escapeMarkdownText(toText(value)),
		signature: "md_text",
		summary: "Plain text made safe for Markdown: characters Markdown would read as formatting are escaped.",
		example: '{{ "*not* a list" | md_text }}',
		exampleOutput: "\\*not\\* a list",
		origin: "linkletter",
	},
	md_url: {
		fn: (value) => escapeMarkdownUrl(toText(value)),
		signature: "md_url",
		summary: "A URL made safe as a Markdown link destination.",
		example: '[x]({{ "https://a.example/a b" | md_url }})',
		exampleOutput: "[x](https://a.example/a%20b)",
		origin: "linkletter",
	},
	md_link_text: {
		fn: (value) => markdownLinkText(toText(value)),
		signature: "md_link_text",
		summary: "Markdown made safe as the text of a Markdown link (no nested links).",
		example: '[{{ "see [this](https://b.example)" | md_link_text }}](https://a.example)',
		exampleOutput: "[see this](https://a.example)",
		origin: "linkletter",
	},
	md_safe: {
		fn: (value) => defuseMarkdown(toText(value)),
		signature: "md_safe",
		summary: "Markdown with raw HTML and non-web link schemes made inert.",
		example: '{{ "**bold** <script>x</script>" | md_safe }}',
		exampleOutput: "**bold** \\<script>x\\</script>",
		origin: "linkletter",
	},
	markdown: {
		fn: (value) => new SafeString(renderMarkdownAs(toText(value), "html")),
		signature: "markdown",
		summary: "Markdown rendered to sanitised HTML (with inline styles for email), output unescaped.",
		example: '{{ "**bold**" | markdown }}',
		exampleOutput: '<p style="margin:0 0 16px;"><strong>bold</strong></p>',
		origin: "linkletter",
	},
	markdown_inline: {
		fn: (value) => new SafeString(renderMarkdownAs(toText(value), "inlineHtml")),
		signature: "markdown_inline",
		summary: "Markdown rendered to sanitised HTML without the surrounding paragraph.",
		example: '{{ "**bold**" | markdown_inline }}',
		exampleOutput: "<strong>bold</strong>",
		origin: "linkletter",
	},
	markdown_link_text: {
		fn: (value) => new SafeString(renderMarkdownAs(toText(value), "linkHtml")),
		signature: "markdown_link_text",
		summary: "Markdown rendered to HTML for inside a link: formatting kept, links dropped.",
		example: '<a href="#">{{ "*see* [this](https://b.example)" | markdown_link_text }}</a>',
		exampleOutput: '<a href="#"><em>see</em> this</a>',
		origin: "linkletter",
	},
	href: {
		fn: (value) => {
			const url = toText(value);
			return isSafeLinkTarget(url) ? url : "#";
		},
		signature: "href",
		summary: 'A URL for an href: http, https or mailto, else "#".',
		example: '{{ "javascript:alert(1)" | href }} {{ "https://a.example" | href }}',
		exampleOutput: "# https://a.example",
		origin: "linkletter",
	},
	title_html: {
		fn: (value) => {
			const text = toText(value);
			return new SafeString(
				hasMarkup(text) ? renderMarkdownAs(escapeMarkdownText(text), "inlineHtml") : escapeHtml(text),
			);
		},
		signature: "title_html",
		summary:
			"A title as HTML: inline code and <small>, <sup>, <br> kept (comments dropped), everything else shown as written.",
		example: '{{ "Postgres `VACUUM` <sup>2</sup> <b>x</b>" | title_html }}',
		exampleOutput:
			'Postgres <code style="font-family:Menlo,Consolas,monospace;font-size:14px;background-color:#f3f3f3;padding:1px 4px;">VACUUM</code> <sup>2</sup> &lt;b&gt;x&lt;/b&gt;',
		origin: "linkletter",
	},
	title_text: {
		fn: (value) => {
			const text = toText(value);
			return hasMarkup(text) ? renderMarkdownAs(escapeMarkdownText(text), "flatText") : text;
		},
		signature: "title_text",
		summary:
			"A title as plain text: inline code as its text, <small> and <sup> tags and comments removed, <br> a space.",
		example: '{{ "Postgres `VACUUM` x<sup>2</sup><!-- draft -->" | title_text }}',
		exampleOutput: "Postgres VACUUM x2",
		origin: "linkletter",
	},
	plain: {
		fn: (value) => renderMarkdownAs(toText(value), "text"),
		signature: "plain",
		summary: "Markdown as readable plain text (a link as its text followed by <URL>).",
		example: '{{ "**bold** and [a link](https://a.example)" | plain }}',
		exampleOutput: "bold and a link <https://a.example>",
		origin: "linkletter",
	},
	plain_inline: {
		fn: (value) => renderMarkdownAs(toText(value), "flatText"),
		signature: "plain_inline",
		summary: "Markdown as plain text on one line.",
		example: "{{ text | plain_inline }}",
		exampleData: { text: "**one**\n\ntwo" },
		exampleOutput: "one two",
		origin: "linkletter",
	},
};

let engine: TemplateEngine | undefined;
// Built on first use, not at import: nothing in a module runs when it is loaded.
function shared(): TemplateEngine {
	if (!engine) engine = new TemplateEngine(ISSUE_FILTERS);
	return engine;
}

/** The one engine all formats share, so each template is compiled once. */
export const issueTemplates: Pick<TemplateEngine, "compile" | "render"> = {
	compile: (source, options) => shared().compile(source, options),
	render: (source, data, escaping, options) => shared().render(source, data, escaping, options),
};
