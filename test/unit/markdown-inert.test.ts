import { HtmlRenderer, Parser } from "commonmark";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { renderIssue } from "../../src/core/render/index.ts";
import { defuseMarkdown } from "../../src/core/render/markdown-defuse.ts";
import { readSelection } from "../../src/page/selection.ts";
import { ALLOWED_HTML_NOTES, HOSTILE_ALLOW_LIST, HOSTILE_NOTES } from "../fixtures/hostile-markdown/notes.ts";
import { HOSTILE_SELECTIONS } from "../fixtures/hostile-markdown/selections.ts";
import { makeCapture } from "../helpers/captures.ts";
import { liveConstructs, quoted } from "../helpers/markdown-inert.ts";

const META = { number: 7, date: "2024-05-02", intro: "", outro: "" };

/** The quote the popup would save from a page whose whole body is selected. */
function quoteFromPage(html: string): string {
	const doc = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { url: "https://page.example/a/" }).window
		.document;
	const range = doc.createRange();
	range.selectNodeContents(doc.body);
	doc.getSelection()?.addRange(range);
	return readSelection(doc, "https://page.example/a/").quote ?? "";
}

function exportWith(fields: { note?: string; quote?: string }): string {
	const capture = makeCapture({ note: fields.note ?? "", quote: fields.quote });
	return renderIssue(compileIssue([capture], DEFAULT_NEWSLETTER, META), "md");
}

const HOSTILE = [...HOSTILE_NOTES, ...HOSTILE_ALLOW_LIST];

/** The raw HTML literals of Markdown as CommonMark parses it. */
function rawHtml(markdown: string): string[] {
	const walker = new Parser().parse(markdown).walker();
	const found: string[] = [];
	for (let step = walker.next(); step; step = walker.next()) {
		const { node, entering } = step;
		if (entering && (node.type === "html_inline" || node.type === "html_block"))
			found.push((node.literal ?? "").trim());
	}
	return found;
}

describe("hostile curator Markdown in the Markdown export", () => {
	it.each(HOSTILE)("$name: every construct parses inert, alone and quoted", ({ markdown }) => {
		expect(liveConstructs(markdown)).not.toEqual([]);
		const defused = defuseMarkdown(markdown);
		expect(liveConstructs(defused)).toEqual([]);
		expect(liveConstructs(quoted(defused))).toEqual([]);
	});

	it.each(HOSTILE)("$name: the whole export is inert as a note and as a quote", ({ markdown, keeps }) => {
		for (const out of [exportWith({ note: markdown }), exportWith({ quote: markdown })]) {
			expect(liveConstructs(out)).toEqual([]);
			if (keeps) expect(out).toContain(keeps);
		}
	});
});

describe("allow-listed HTML in a note", () => {
	it.each(ALLOWED_HTML_NOTES)("$name: kept as raw HTML by the defuser and in the export", ({ markdown, html }) => {
		const defused = defuseMarkdown(markdown);
		expect(liveConstructs(defused)).toEqual([]);
		expect(rawHtml(defused)).toEqual(html);
		const out = exportWith({ note: markdown });
		expect(liveConstructs(out)).toEqual([]);
		expect(out).toContain(defused);
	});

	it("keeps a note that only uses the allow-list byte for byte", () => {
		const note = "Fine <small>print</small>, x<sup>2</sup><br>\nnext <!-- editor note --> line";
		expect(defuseMarkdown(note)).toBe(note);
	});

	it("escapes an allowed tag that would open a raw HTML block, so what follows stays Markdown", () => {
		const defused = defuseMarkdown("<small>\n*fine*\n</small>");
		expect(rawHtml(defused)).toEqual([]);
		expect(new HtmlRenderer().render(new Parser().parse(defused))).toContain("<em>fine</em>");
	});
});

describe("what defusing keeps", () => {
	const render = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));

	it("renders a note rewritten from its tree as before, with only the unsafe link pointed nowhere", () => {
		const note = [
			"# Heading *one*",
			"",
			'Some **bold**, ``a`b``, `co`de`, [a link](https://ok.example/x_(y) "T") and 1. stuff!',
			"",
			"- item one",
			"- item [two](",
			"javascript:alert(1))",
			"  1. nested",
			"  2. more",
			"",
			"> quoted _text_ &amp; more",
			"> with a line",
			"",
			"```js",
			"let a = `<b>`;",
			"```",
			"",
			"3) three",
			"4) four",
			"",
			"Last line\\",
			"broken <i>here</i>",
		].join("\n");
		const expected = render(note)
			.replace('href="javascript:alert(1)"', 'href="#"')
			.replace("<i>here</i>", "&lt;i&gt;here&lt;/i&gt;");
		expect(render(defuseMarkdown(note))).toBe(expected);
	});

	it("changes only the dangerous part of a note it can defuse line by line", () => {
		const code = "```html\n<b>fenced</b>\n```\n\n    <i>indented</i>";
		const note = `Intro with [docs](https://d.example) and \`<b>\`.\n\n${code}\n\n- item\n\n    <script>x</script> and *more*`;
		expect(defuseMarkdown(note)).toBe(
			`Intro with [docs](https://d.example) and \`<b>\`.\n\n${code}\n\n- item\n\n    \\<script>x\\</script> and *more*`,
		);
	});
});

describe("selections on hostile pages", () => {
	it.each(HOSTILE_SELECTIONS)("$name: the saved quote and the export are inert", ({ html, keeps }) => {
		const quote = quoteFromPage(html);
		expect(liveConstructs(quote)).toEqual([]);
		const out = exportWith({ quote });
		expect(liveConstructs(out)).toEqual([]);
		if (keeps) expect(out).toContain(keeps);
	});
});

describe("a selection quoted as the page shows it", () => {
	const render = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));

	it("leaves out a paragraph the page hides with display:none", () => {
		const quote = quoteFromPage('<p>Shown text.</p><p style="color:red; display: none !important">Secret text.</p>');
		expect(quote).toBe("Shown text.");
	});

	it("keeps an ordered list's numbering from its start attribute, and a hostile start falls back to 1", () => {
		expect(render(quoteFromPage("<ol start=3><li><p>three</p><p>more</p></li><li>four</li></ol>"))).toMatch(
			/^<ol start="3">\n<li>\n<p>three<\/p>\n<p>more<\/p>\n<\/li>\n<li>\n<p>four<\/p>/,
		);
		expect(render(quoteFromPage("<ol start=12><li><p>twelve</p><p>more</p></li></ol>"))).toContain(
			'<ol start="12">\n<li>\n<p>twelve</p>\n<p>more</p>',
		);
		expect(render(quoteFromPage('<ol start="3x"><li>a</li><li>b</li></ol>'))).toBe(
			"<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n",
		);
	});

	it("fences inline code holding backticks with a longer run, so the code reads as on the page", () => {
		const quote = quoteFromPage("<p>Run <code>a`b``c</code> and <code>`x`</code></p>");
		const paragraph = new Parser().parse(quote).firstChild;
		const codes: string[] = [];
		for (let node = paragraph?.firstChild; node; node = node.next)
			if (node.type === "code") codes.push(node.literal ?? "");
		expect(codes).toEqual(["a`b``c", "`x`"]);
	});

	it("shows markup written as text on the page as that text", () => {
		const quote = quoteFromPage("<p>Use &lt;script src=x&gt; &amp;amp; &lt;b&gt;</p>");
		expect(render(quote)).toBe("<p>Use &lt;script src=x&gt; &amp;amp; &lt;b&gt;</p>\n");
	});
});
