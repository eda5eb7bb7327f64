import { HtmlRenderer, Parser } from "commonmark";
import { describe, expect, it } from "vitest";
import { defuseMarkdown } from "../../src/core/render/markdown-defuse.ts";
import { escapeMarkdownText, escapeMarkdownUrl, markdownLinkText } from "../../src/core/render/markdown-escape.ts";
import { markdownToHtml } from "../../src/core/render/markdown-html.ts";
import { isPlainParagraph } from "../../src/core/render/markdown-tree.ts";

const html = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));
const inline = (markdown: string) => html(markdown).replace(/^<p>|<\/p>\n$/g, "");

describe("Markdown escaping", () => {
	it("shows plain text exactly as written, whatever Markdown it resembles", () => {
		const samples = [
			"# not a heading",
			"1. not a list",
			"- not a bullet",
			"> not a quote",
			"*not emphasis* _nor this_",
			"[not](a link) ![nor](an image)",
			"<b>not html</b> &amp; not an entity",
			"not` code (an unmatched backtick) \\ back\\slash",
			"Title #",
			"a\nb",
			"old\rMac line end",
			"a\r\nWindows one",
		];
		for (const text of samples) {
			const expected = text
				.replace(/\r?\n|\r/g, " ")
				.replace(/&/g, "&amp;")
				.replace(/</g, "&lt;")
				.replace(/>/g, "&gt;");
			expect(inline(escapeMarkdownText(text))).toBe(expected);
		}
		expect(html(`## ${escapeMarkdownText("Issue #")}`)).toBe("<h2>Issue #</h2>\n");
	});

	it("keeps a URL exactly as a CommonMark reader reads it back, whatever it contains", () => {
		for (const url of [
			"https://a.example/Foo_(bar)",
			"https://a.example/a b",
			"https://a.example/x)y(z",
			"https://a.example/<tag>",
		]) {
			const parsed = new Parser().parse(`[x](${escapeMarkdownUrl(url)})`).firstChild?.firstChild;
			expect(parsed?.type).toBe("link");
			expect(decodeURI(parsed?.destination ?? "")).toBe(url);
		}
	});

	it("turns a note into link text that cannot close the link or nest another", () => {
		const cases: [string, string][] = [
			["see [the docs](https://d.example) now", "see the docs now"],
			["a ] stray and a [ too", "a ] stray and a [ too"],
			["ends with a backslash\\", "ends with a backslash\\"],
			["code `a]b` stays", "code <code>a]b</code> stays"],
			["two\nlines", "two lines"],
			["two\rlines", "two lines"],
		];
		for (const [note, shown] of cases) {
			const tree = new Parser().parse(`[${markdownLinkText(note)}](https://target.example)`);
			const link = tree.firstChild?.firstChild;
			expect(link?.type).toBe("link");
			expect(link?.next).toBeNull();
			expect(inline(`[${markdownLinkText(note)}](https://target.example)`)).toBe(
				`<a href="https://target.example">${shown}</a>`,
			);
		}
	});
});

describe("defusing Markdown for publishing", () => {
	it("escapes raw HTML and points script links nowhere, leaving code and web links alone", () => {
		const markdown = [
			"<script>alert(1)</script> and <!--> not a comment --> and <https://ok.example> and <mailto:a@b.example> and <a@b.example>",
			"[a](javascript:alert(2)) [b]( JAVASCRIPT:alert(3)) [c](jav&#x61;script:alert(4)) [d](<vbscript:x>) [e](https://fine.example) [f](/relative)",
			"<javascript:alert(5)> and `<b>code</b>` and \\<already>",
			"",
			"[ref]: javascript:alert(6)",
			"[g][ref] and [h](jav&#x61;script&#58;alert(7))",
			"",
			"```",
			"<b>fenced</b> [x](javascript:y)",
			"```",
			"",
			"    <b>indented code</b>",
		].join("\n");
		const rendered = html(defuseMarkdown(markdown));
		expect(rendered).not.toMatch(/<(script|!--|b>)/);
		expect(rendered).not.toMatch(/href="(javascript|vbscript|jav&)/i);
		expect(rendered).toContain('<a href="https://ok.example">');
		expect(rendered).toContain('<a href="mailto:a@b.example">');
		expect(rendered).toContain('<a href="https://fine.example">e</a>');
		expect(rendered).toContain('<a href="/relative">f</a>');
		expect(rendered).toContain("<code>&lt;b&gt;code&lt;/b&gt;</code>");
		expect(rendered).toContain("<pre><code>&lt;b&gt;fenced&lt;/b&gt; [x](javascript:y)\n</code></pre>");
		expect(rendered).toContain("<pre><code>&lt;b&gt;indented code&lt;/b&gt;\n</code></pre>");
	});

	it("returns Markdown without HTML or links unchanged", () => {
		const text = "Plain *text* with a [link](https://a.example) and 3 < 4.";
		expect(defuseMarkdown(text)).toBe(text);
	});
});

describe("the plain-paragraph shortcut", () => {
	it("is taken only when CommonMark would render exactly the text", () => {
		const samples = [
			"We’re all distributed systems engineers now.",
			"Is it? Yes! (Really): 100% — “quoted”.",
			"Tabs\tinside and  double spaces",
			"# heading",
			"1. list",
			"- bullet",
			"trailing spaces  ",
			"    indented",
			"a *b*",
			"a & b",
			"line\nbreak",
			"line\rbreak",
			"setext\n===",
			"x\u0000y",
			"+ plus",
			"=== rule-ish",
		];
		for (const text of samples) {
			if (!isPlainParagraph(text)) continue;
			expect(markdownToHtml(text)).toBe(`<p style="margin:0 0 16px;">${text}</p>`);
			expect(html(text)).toBe(`<p>${text}</p>\n`);
		}
		expect(samples.filter(isPlainParagraph)).toEqual([
			"We’re all distributed systems engineers now.",
			"Is it? Yes! (Really): 100% — “quoted”.",
			"Tabs\tinside and  double spaces",
		]);
	});
});
