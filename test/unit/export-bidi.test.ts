import { describe, expect, it } from "vitest";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { FORMATS, renderFormats, renderIssue } from "../../src/core/render/index.ts";
import { cleanText } from "../../src/page/text.ts";
import { makeCapture } from "../helpers/captures.ts";

const META = { number: 3, date: "2024-05-02", intro: "Intro \u202Eevil", outro: "" };
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";

describe("bidi controls in exports", () => {
	const capture = makeCapture({
		title: "Invoice \u202Efdp.exe",
		author: "Ann \u2067Lee\u2069",
		siteName: "Site\u202B name",
		description: "Desc \u202D",
		note: "Note \u202Ereversed\u202C here",
		quote: "Quote \u2066isolated",
	});

	it("are removed from every field of every format, as saved", () => {
		const out = renderFormats(compileIssue([capture], DEFAULT_NEWSLETTER, META), FORMATS);
		for (const format of FORMATS) {
			expect(out[format]).not.toMatch(BIDI);
			expect(out[format]).toContain("Invoice fdp.exe");
			expect(out[format]).toContain("Note reversed here");
		}
	});

	it("are removed at render time from a capture stored before they were stripped on save", () => {
		const stored = { ...capture, title: "Old \u202Etitle", quote: "Old \u2068quote" };
		for (const format of FORMATS) {
			const out = renderIssue(compileIssue([stored], DEFAULT_NEWSLETTER, META), format);
			expect(out).not.toMatch(BIDI);
			expect(out).toContain("Old title");
		}
	});

	it("are gone from every string of the compiled issue, which rendering does not walk again", () => {
		const R = "\u202E";
		const stored = {
			...makeCapture({ note: "n", quote: "q" }),
			id: `id${R}`,
			url: `https://example.com/${R}path`,
			title: `T${R}`,
			note: `N${R}`,
			quote: `Q${R}`,
			quoteUrl: `https://example.com/q${R}`,
			group: `G${R}`,
			author: `A${R}`,
			siteName: `S${R}`,
			via: { name: `V${R}`, url: `https://example.com/v${R}` },
			publishedAt: `2024${R}`,
			description: `D${R}`,
			image: `https://example.com/i${R}.png`,
			lang: `en${R}`,
			tags: [`tag${R}`],
			fields: { own: `F${R}` },
			section: "outages",
		};
		const newsletter = {
			...DEFAULT_NEWSLETTER,
			name: `News${R}`,
			titleTemplate: `{{newsletter}} #{{number}} ${R}`,
			sections: DEFAULT_NEWSLETTER.sections.map((s) => ({ ...s, name: `${s.name}${R}`, partial: `p${R}` })),
			fields: [
				{ id: "summary", label: "Summary", type: "text" as const },
				{ id: "kw", label: "Keywords", type: "list" as const },
				{ id: "body", label: "Body", type: "markdown" as const },
			],
		};
		const meta = {
			...META,
			date: `2024-05-02${R}`,
			outro: `O${R}`,
			sponsors: [{ name: `Sp${R}`, text: `St${R}`, linkText: `L${R}`, url: `https://example.com/s${R}` }],
			sectionIntros: { outages: `I${R}` },
			fields: { summary: `Su${R}`, kw: [`k${R}`], body: `B${R}` },
		};
		const issue = compileIssue([stored], newsletter, meta);
		expect(JSON.stringify(issue)).not.toMatch(BIDI);
		expect(JSON.stringify(issue)).toContain('"title":"T"');
		expect(renderIssue(issue, "json")).not.toMatch(BIDI);
	});

	it("are removed from an issue that was not compiled here, rendered twice", () => {
		const issue = compileIssue([capture], DEFAULT_NEWSLETTER, META);
		const foreign = { ...issue, title: "Foreign \u202Etitle" };
		for (let i = 0; i < 2; i++) expect(renderIssue(foreign, "md")).toContain("# Foreign title");
	});

	it("are stripped from page metadata when a capture is saved", () => {
		expect(capture.title).toBe("Invoice fdp.exe");
		expect(capture.author).toBe("Ann Lee");
	});
});

describe("zero-width joiners", () => {
	it("stay inside emoji sequences and words when page text is cleaned", () => {
		expect(cleanText(`Team ${FAMILY} day`, 100)).toBe(`Team ${FAMILY} day`);
		expect(cleanText("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", 100)).toBe(
			"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
		);
		expect(cleanText("zero\u200Bwidth  space", 100)).toBe("zero width space");
	});

	it("reach every export unchanged", () => {
		const out = renderFormats(
			compileIssue([makeCapture({ title: `Team ${FAMILY} day`, note: `So ${FAMILY}` })], DEFAULT_NEWSLETTER, META),
			FORMATS,
		);
		for (const format of FORMATS) expect(out[format]).toContain(`Team ${FAMILY} day`);
	});
});
