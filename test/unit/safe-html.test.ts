import { Parser } from "commonmark";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { issueTemplates } from "../../src/core/render/filters.ts";
import { renderIssue } from "../../src/core/render/index.ts";
import { escapeMarkdownText } from "../../src/core/render/markdown-escape.ts";
import { markdownToHtml } from "../../src/core/render/markdown-html.ts";
import { markdownToText } from "../../src/core/render/markdown-text.ts";
import { safeHtml } from "../../src/core/render/safe-html.ts";
import { HOSTILE_ALLOW_LIST } from "../fixtures/hostile-markdown/notes.ts";
import { makeCapture } from "../helpers/captures.ts";
import { liveConstructs } from "../helpers/markdown-inert.ts";

const META = { number: 7, date: "2024-05-02", intro: "", outro: "" };

function exportOf(fields: { title?: string; note?: string }, format: "md" | "html" | "txt"): string {
	const capture = makeCapture({ title: fields.title ?? "A post", note: fields.note ?? "" });
	return renderIssue(compileIssue([capture], DEFAULT_NEWSLETTER, META), format);
}

/** The <small>/<sup> tags of HTML in order, and whether each closes one opened before it (no attribute forms exist). */
function balanced(html: string): boolean {
	const open: string[] = [];
	for (const [, close, name] of html.matchAll(/<(\/?)(small|sup)\b[^>]*>/g)) {
		if (!close) open.push(name as string);
		else if (open.pop() !== name) return false;
	}
	return open.length === 0;
}

const NOTE = "Fine <small>print</small>, E = mc<sup>2</sup><br>next line <!-- editor: check --> done.";

describe("the allow-list", () => {
	it("allows exactly the seven tags and well-formed one-line comments", () => {
		for (const allowed of [
			"<small>",
			"</small>",
			"<sup>",
			"</sup>",
			"<br>",
			"<br/>",
			"<br />",
			"<!-- a - b -->",
			"<!---->",
		])
			expect(safeHtml(allowed), allowed).toBeDefined();
		for (const refused of [
			"<SMALL>",
			"<small >",
			"<small onclick=x>",
			"</small >",
			"<sup style=x>",
			"<br  />",
			"<br/ onload=x>",
			"<br/ >",
			"<b>",
			"<span>",
			"<!-->",
			"<!--->",
			"<!-- a -- b -->",
			"<!-- a --!> b -->",
			"<!-- a <!-- b -->",
			"<!-- a --->",
			"<!-- a\nb -->",
			"<!-- never closed",
		])
			expect(safeHtml(refused), refused).toBeUndefined();
	});
});

describe("allow-listed HTML in a note, in each export", () => {
	it("Markdown keeps each construct as written", () => {
		const md = exportOf({ note: NOTE }, "md");
		expect(md).toContain(NOTE);
		expect(liveConstructs(md)).toEqual([]);
	});

	it("HTML writes real <small>, <sup> and <br> elements and drops the comment", () => {
		const html = exportOf({ note: NOTE }, "html");
		expect(html).toContain("Fine <small>print</small>, E = mc<sup>2</sup><br>next line  done.");
		expect(html).not.toContain("<!--");
		expect(html).not.toContain("editor: check");
	});

	it("plain text keeps the words, breaks the line at <br> and removes the comment", () => {
		const text = exportOf({ note: NOTE }, "txt");
		expect(text).toContain("Fine print, E = mc2\nnext line  done.");
		expect(text).not.toMatch(/<small>|<sup>|<br>|<!--|editor: check/);
	});

	it("drops a comment on its own line from HTML and plain text, and keeps it in Markdown", () => {
		const note = "Before.\n\n<!-- for the editor -->\n\nAfter.";
		expect(markdownToHtml(note)).toBe(
			'<p style="margin:0 0 16px;">Before.</p>\n<p style="margin:0 0 16px;">After.</p>',
		);
		expect(markdownToText(note)).toBe("Before.\n\nAfter.");
		expect(exportOf({ note }, "md")).toContain(note);
	});

	it("shows tags with attributes, other tags and upper-case variants as text in HTML", () => {
		const html = markdownToHtml("a <small onclick=alert(1)>b</small> <SMALL>c</SMALL> <sup style=x>d</sup> <b>e</b>");
		expect(html).not.toMatch(/<(small|sup|b|SMALL)[\s>]/);
		expect(html).toContain("&lt;small onclick=alert(1)&gt;b&lt;/small&gt;");
	});

	it("an unclosed <small> does not swallow the rest of the email: it is shown as text", () => {
		const html = exportOf({ note: "Tiny <small>print that never ends\n\nNext paragraph." }, "html");
		expect(html).not.toContain("<small>");
		expect(html).toContain("Tiny &lt;small&gt;print that never ends");
		expect(markdownToHtml("a <small>x</small> <small>y")).toBe(
			'<p style="margin:0 0 16px;">a <small>x</small> &lt;small&gt;y</p>',
		);
		expect(markdownToHtml("*a <small>b* c</small>")).not.toContain("<small>");
	});

	it("keeps inline code as <code> next to the allow-list", () => {
		expect(markdownToHtml("Run `VACUUM` <sup>1</sup>", "inline")).toBe(
			'Run <code style="font-family:Menlo,Consolas,monospace;font-size:14px;background-color:#f3f3f3;padding:1px 4px;">VACUUM</code> <sup>1</sup>',
		);
	});
});

describe("allow-listed HTML and inline code in a title", () => {
	it("md_text keeps a title's inline code as a code span and its balanced tags, escaping the rest", () => {
		const md = escapeMarkdownText("Postgres `VACUUM *full*` x<sup>2</sup> <b>bold</b> <small>open");
		expect(md).toBe("Postgres `VACUUM *full*` x<sup>2</sup> \\<b>bold\\</b> \\<small>open");
		const paragraph = new Parser().parse(md).firstChild;
		const kinds: string[] = [];
		for (let node = paragraph?.firstChild; node; node = node.next) kinds.push(node.type);
		expect(kinds.filter((kind) => kind !== "text")).toEqual(["code", "html_inline", "html_inline"]);
	});

	it("the Markdown export shows a title's inline code as code inside its link", () => {
		const md = exportOf({ title: "Tuning `work_mem` in Postgres<sup>1</sup>" }, "md");
		expect(md).toContain("[Tuning `work_mem` in Postgres<sup>1</sup>](");
		expect(liveConstructs(md)).toEqual([]);
	});

	it("a title that starts with raw HTML has it escaped, since at a line's start it would open a raw HTML block", () => {
		expect(escapeMarkdownText("<!-- x --> rest")).toBe("\\<!-- x --> rest");
		expect(escapeMarkdownText("<br>")).toBe("\\<br>");
	});

	it.each(HOSTILE_ALLOW_LIST)("$name: as a title, the Markdown export stays inert", ({ markdown }) => {
		expect(liveConstructs(exportOf({ title: markdown }, "md"))).toEqual([]);
	});

	it("title_html and title_text render a title for the HTML and plain-text exports", () => {
		const title = "Tuning `work_mem` x<sup>2</sup><br>now <!-- draft --><b>!</b>";
		expect(issueTemplates.render("{{ t | title_html }}", { t: title }, "html")).toBe(
			'Tuning <code style="font-family:Menlo,Consolas,monospace;font-size:14px;background-color:#f3f3f3;padding:1px 4px;">work_mem</code> x<sup>2</sup><br>now &lt;b&gt;!&lt;/b&gt;',
		);
		expect(issueTemplates.render("{{ t | title_text }}", { t: title }, "none")).toBe("Tuning work_mem x2 now <b>!</b>");
		expect(issueTemplates.render("{{ t | title_html }}", { t: "A & <B>" }, "html")).toBe("A &amp; &lt;B&gt;");
	});
});

// Pieces around the allow-list; any mix of them must give balanced, attribute-free elements.
const PIECES = [
	"<small>",
	"</small>",
	"<sup>",
	"</sup>",
	"<br>",
	"<br/>",
	"<SMALL>",
	"<small ",
	"onclick=x>",
	"<!-- c -->",
	"<!--",
	"-->",
	"--!>",
	"*",
	"**",
	"`",
	"[a](https://x.example)",
	"[",
	"](",
	")",
	"text",
	" ",
	"\n",
	"\n\n",
	"> ",
	"- ",
];

describe("the HTML export over generated notes", () => {
	it("writes only balanced, attribute-free <small> and <sup> and never a comment", () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
				const note = parts.join("");
				for (const mode of ["block", "inline", "linkText"] as const) {
					const html = markdownToHtml(note, mode);
					expect(balanced(html)).toBe(true);
					expect(html).not.toMatch(/<(?:small|sup|br)[^>]/i);
					expect(html).not.toContain("<!--");
					expect(html).not.toMatch(/<\/?SMALL/);
				}
			}),
			{ seed: 20_240_502, numRuns: 1_000 },
		);
	});
});

describe("allow-listed HTML and inline code in a title, through the default templates", () => {
	const title = "Postgres `VACUUM` E = mc<sup>2</sup> <b>bold?</b>";

	it("keeps them in Markdown, renders them in HTML, and reads them as text in plain text", () => {
		expect(exportOf({ title }, "md")).toContain("`VACUUM` E = mc<sup>2</sup> \\<b>bold?\\</b>");
		const html = exportOf({ title }, "html");
		expect(html).toMatch(/<code[^>]*>VACUUM<\/code> E = mc<sup>2<\/sup> &lt;b&gt;bold\?&lt;\/b&gt;<\/a>/);
		expect(exportOf({ title }, "txt")).toContain("\nPostgres VACUUM E = mc2 <b>bold?</b>\n");
	});
});
