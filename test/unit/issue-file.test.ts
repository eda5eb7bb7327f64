import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IssueFileError, parseIssueFile } from "../../src/core/issue-file.ts";

const EXAMPLE = readFileSync(join(import.meta.dirname, "../fixtures/issues/sre-weekly-90/issue.json"), "utf8");

/** The example file with one change applied. */
function variant(change: (file: Record<string, unknown> & { captures: Record<string, unknown>[] }) => void): string {
	const file = JSON.parse(EXAMPLE);
	change(file);
	return JSON.stringify(file);
}

function errorOf(text: string): IssueFileError {
	try {
		parseIssueFile(text);
	} catch (error) {
		if (error instanceof IssueFileError) return error;
		throw error;
	}
	throw new Error("expected an IssueFileError");
}

describe("parseIssueFile", () => {
	it("reads the example: newsletter, meta and captures in file order", () => {
		const { newsletter, meta, captures } = parseIssueFile(EXAMPLE);
		expect(newsletter).toEqual({
			name: "SRE Weekly",
			titleTemplate: "SRE Weekly Issue #{{number}}",
			sections: [
				{ id: "articles", name: "Articles", layout: "entries" },
				{ id: "outages", name: "Outages", layout: "list" },
			],
		});
		expect(meta).toMatchObject({ number: 90, date: "2017-09-28", outro: "" });
		expect(meta.sponsors?.[0]?.linkText).toBe("Learn more & register");
		expect(captures).toHaveLength(18);
		expect(captures[4]).toEqual({
			url: "https://example.com/srecon17-emea-notes",
			section: "articles",
			title: "SRECon 17 EMEA Notes",
			note: "Extensive notes taken during 19 talks at SRECon 17 EMEA. I’m blown away by the level of detail. Thanks, Aaron!",
			author: "Aaron",
		});
		expect(captures[12]?.via).toEqual({ name: "DevOps Weekly" });
	});

	it.each<[string, string, string]>([
		["not JSON", "{ nope", "the file is not valid JSON"],
		["a list instead of an object", "[]", "expected a JSON object (a Linkletter backup or issue file), got a list"],
		["a missing number", variant((f) => delete f.number), "number: missing"],
		[
			"a number that is text",
			variant((f) => (f.number = "90")),
			'number: expected a whole number from 1 to 9007199254740991, got "90"',
		],
		["an impossible date", variant((f) => (f.date = "2017-02-30")), "date: expected a calendar date as YYYY-MM-DD"],
		["an unknown top-level field", variant((f) => (f.notes = "x")), "notes: unknown field"],
		["no sections", variant((f) => (f.sections = [])), "sections: needs at least one section"],
		[
			"an unknown layout",
			variant((f) => ((f.sections as { layout: string }[])[1] = { id: "o", name: "O", layout: "grid" } as never)),
			'sections[1].layout: unknown layout "grid" (expected "entries" or "list")',
		],
		[
			"a duplicate section id",
			variant((f) => (f.sections = [...(f.sections as object[]), { id: "articles", name: "Again", layout: "list" }])),
			'sections[2].id: duplicate section id "articles"',
		],
		[
			"a capture with a script URL",
			variant((f) => (f.captures[3] = { ...f.captures[3], url: "javascript:alert(1)" })),
			"captures[3].url: expected an http(s) URL",
		],
		["a capture without a URL", variant((f) => delete f.captures[0]?.url), "captures[0].url: missing"],
		[
			"a capture in an unknown section",
			variant((f) => (f.captures[5] = { ...f.captures[5], section: "tools" })),
			'captures[5].section: unknown section id "tools" (sections are articles, outages)',
		],
		[
			"a title that is not text",
			variant((f) => (f.captures[2] = { ...f.captures[2], title: 42 })),
			"captures[2].title: expected text, got 42",
		],
		[
			"a misspelt capture field",
			variant((f) => (f.captures[1] = { ...f.captures[1], notes: "x" })),
			"captures[1].notes: unknown field",
		],
		[
			"a via without a name",
			variant((f) => (f.captures[12] = { ...f.captures[12], via: { url: "https://x.example" } })),
			"captures[12].via.name: missing",
		],
		[
			"a sponsor URL that is not a URL",
			variant((f) => ((f.sponsor as { url: string }).url = "register here")),
			"sponsor.url: expected an http(s) URL",
		],
		[
			"a position that is not a number",
			variant((f) => (f.captures[0] = { ...f.captures[0], position: "1" })),
			'captures[0].position: expected a number, got "1"',
		],
	])("rejects %s with a one-line message naming the field", (_, text, message) => {
		const error = errorOf(text);
		expect(error.name).toBe("FileError");
		expect(error.message).toContain(message);
		expect(error.message).not.toContain("\n");
	});

	it("accepts a minimal file, defaulting the title template, intro, outro and sponsor", () => {
		const { newsletter, meta, captures } = parseIssueFile(
			JSON.stringify({
				newsletter: "Tiny",
				number: 1,
				date: "2024-01-01",
				sections: [{ id: "a", name: "A", layout: "entries" }],
				captures: [],
			}),
		);
		expect(newsletter.titleTemplate).toBe("{{newsletter}} Issue #{{number}}");
		expect(meta).toEqual({ number: 1, date: "2024-01-01", intro: "", outro: "" });
		expect(captures).toEqual([]);
	});
});
