import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { renderIssue } from "../../src/core/render/index.ts";
import { defuseMarkdown } from "../../src/core/render/markdown-defuse.ts";
import { readSelection } from "../../src/page/selection.ts";
import { HOSTILE_NOTES } from "../fixtures/hostile-markdown/notes.ts";
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

describe("hostile curator Markdown in the Markdown export", () => {
	it.each(HOSTILE_NOTES)("$name: every construct parses inert, alone and quoted", ({ markdown }) => {
		expect(liveConstructs(markdown)).not.toEqual([]);
		const defused = defuseMarkdown(markdown);
		expect(liveConstructs(defused)).toEqual([]);
		expect(liveConstructs(quoted(defused))).toEqual([]);
	});

	it.each(HOSTILE_NOTES)("$name: the whole export is inert as a note and as a quote", ({ markdown, keeps }) => {
		for (const out of [exportWith({ note: markdown }), exportWith({ quote: markdown })]) {
			expect(liveConstructs(out)).toEqual([]);
			if (keeps) expect(out).toContain(keeps);
		}
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
