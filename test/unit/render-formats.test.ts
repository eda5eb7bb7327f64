import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import { DEFAULT_TEMPLATES, FORMATS, type Format, renderFormats, renderIssue } from "../../src/core/render/index.ts";
import { SHARED_NOTES } from "../../src/core/render/markdown-render.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

/*
 * renderFormats is the path that goes out: the options page freezes a sent
 * issue's every format with it and the clipboard takes HTML and text from it
 * together, sharing one Markdown parse between formats. Each format it
 * returns must be that format's own golden output.
 */

const FIXTURES = join(import.meta.dirname, "../fixtures/issues");

const GOLDEN: Record<string, Record<Format, string>> = {
	"sre-weekly-90": {
		md: "expected.md",
		html: "issue.expected.html",
		txt: "issue.expected.txt",
		json: "issue.expected.json",
	},
	hostile: {
		md: "issue.expected.md",
		html: "issue.expected.html",
		txt: "issue.expected.txt",
		json: "issue.expected.json",
	},
};

function loadIssue(name: string): Issue {
	const file = parseIssueFile(readFileSync(join(FIXTURES, name, "issue.json"), "utf8"));
	const captures = file.captures.map((input, index) =>
		normalizeCapture({ ...input, position: index }, { id: `capture-${index + 1}`, now: 1_506_556_800_000 + index }),
	);
	return compileIssue(captures, file.newsletter, file.meta);
}

const golden = (name: string, format: Format) =>
	readFileSync(join(FIXTURES, name, GOLDEN[name]?.[format] as string), "utf8");

describe("renderFormats: every format at once, as it goes out", () => {
	for (const name of Object.keys(GOLDEN)) {
		it(`${name}: all four formats at once, each byte for byte its own golden file`, () => {
			const out = renderFormats(loadIssue(name), FORMATS);
			expect(Object.keys(out).sort()).toEqual([...FORMATS].sort());
			for (const format of FORMATS) expect(out[format], format).toBe(golden(name, format));
		});

		it(`${name}: the clipboard pair (text first, then HTML) matches the golden files`, () => {
			const out = renderFormats(loadIssue(name), ["txt", "html"]);
			expect(Object.keys(out)).toEqual(["txt", "html"]);
			expect(out.txt).toBe(golden(name, "txt"));
			expect(out.html).toBe(golden(name, "html"));
		});
	}

	it("the frozen set sent with an issue (every default template spelt out) is the default output", () => {
		const issue = loadIssue("sre-weekly-90");
		const out = renderFormats(issue, FORMATS, { ...DEFAULT_TEMPLATES });
		for (const format of FORMATS) expect(out[format], format).toBe(golden("sre-weekly-90", format));
	});

	it("a curator's template for one format changes that format only", () => {
		const issue = loadIssue("sre-weekly-90");
		const out = renderFormats(issue, FORMATS, { txt: "{{ issue.title }} / {{ issue.sections | size }} sections" });
		expect(out.txt).toBe(`${issue.title} / ${issue.sections.length} sections`);
		for (const format of ["md", "html", "json"] as const)
			expect(out[format], format).toBe(golden("sre-weekly-90", format));
	});

	it("a note needing the full CommonMark parse renders the same in HTML and text whichever comes first", () => {
		const note = "Two paragraphs.\n\n- a *list*\n- with `code`\n\n> and a quote with [a link](https://l.example)";
		const capture = normalizeCapture(
			{ url: "https://a.example/", title: "A", section: "articles", note },
			{ id: "a", now: 1 },
		);
		const issue = compileIssue([capture], OPS_DIGEST, { number: 3, date: "2024-05-01", intro: note, outro: "" });
		const htmlFirst = renderFormats(issue, ["html", "txt"]);
		const textFirst = renderFormats(issue, ["txt", "html"]);
		// Shared parses must give what each format renders alone.
		expect(htmlFirst).toEqual({ html: renderIssue(issue, "html"), txt: renderIssue(issue, "txt") });
		expect(textFirst).toEqual(htmlFirst);
		expect(htmlFirst.html).toMatch(/<li\b[^>]*>a <em>list<\/em><\/li>/);
		expect(htmlFirst.html).toMatch(/<blockquote\b/);
		expect(htmlFirst.txt).toContain("- a list\n- with code");
		expect(htmlFirst.txt).not.toMatch(/<(em|li|p)\b/);
	});

	it("an archive with more notes than are kept for the next format renders every note in every format as it does alone", () => {
		// Past SHARED_NOTES the notes are parsed again for each format: shortcut notes and full-parse notes alike.
		const count = SHARED_NOTES + 40;
		const captures = Array.from({ length: count }, (_, i) =>
			normalizeCapture(
				{
					url: `https://a.example/${i}`,
					title: `Post ${i}`,
					section: "articles",
					note: i % 2 ? `Note ${i} with **bold** and [a link](https://l.example/${i}).` : `Note ${i}.\n\n- item *${i}*`,
				},
				{ id: `n${i}`, now: i },
			),
		);
		const issue = compileIssue(captures, OPS_DIGEST, { number: 4, date: "2024-05-08", intro: "", outro: "" });
		const together = renderFormats(issue, FORMATS);
		for (const format of FORMATS) expect(together[format], format).toBe(renderIssue(issue, format));
		const last = count - 1;
		expect(together.html).toContain(`Note ${last} with <strong>bold</strong>`);
		expect(together.html).toMatch(new RegExp(`<li\\b[^>]*>item <em>${last - 1}</em></li>`));
		expect(together.txt).toContain(`Note ${last} with bold and a link`);
	});
});
