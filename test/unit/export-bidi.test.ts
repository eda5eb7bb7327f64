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
