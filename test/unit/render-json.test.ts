import { describe, expect, it } from "vitest";
import { type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import { renderFormats, renderIssue } from "../../src/core/render/index.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

const NEWSLETTER = OPS_DIGEST;

function issueOf(captures: CaptureInput[]): Issue {
	const normalized = captures.map((input, i) =>
		normalizeCapture({ position: i, ...input }, { id: `c${i}`, now: 1000 + i }),
	);
	return compileIssue(normalized, NEWSLETTER, { number: 3, date: "2024-05-01", intro: "", outro: "" });
}

const captures: CaptureInput[] = [
	{ section: "articles", url: "https://a.example", title: "A", note: "Note", author: "Ann" },
	{ section: "outages", url: "https://o.example", title: "O", group: "G" },
];

describe("JSON export", () => {
	it("is the issue view model as data: parses back to the same issue", () => {
		const issue = issueOf(captures);
		expect(JSON.parse(renderJson(issue))).toEqual(issue);
	});

	it("is indented by two spaces, ends with a newline, and keeps a stable key order", () => {
		const json = renderJson(issueOf(captures));
		expect(json.endsWith("}\n")).toBe(true);
		expect(json.split("\n")[1]).toBe('  "newsletter": "Ops Digest",');
		const parsed = JSON.parse(json);
		expect(Object.keys(parsed)).toEqual([
			"newsletter",
			"title",
			"number",
			"date",
			"longDate",
			"intro",
			"outro",
			"sponsor",
			"sponsors",
			"fields",
			"sections",
			"sponsored",
		]);
		expect(Object.keys(parsed.sections[0])).toEqual([
			"id",
			"name",
			"layout",
			"depth",
			"level",
			"parent",
			"partial",
			"intro",
			"empty",
			"emptyText",
			"entries",
			"items",
			"sections",
		]);
		expect(Object.keys(parsed.sections[0].entries[0])).toEqual([
			"id",
			"url",
			"title",
			"note",
			"quote",
			"quoteUrl",
			"group",
			"author",
			"siteName",
			"byline",
			"via",
			"publishedAt",
			"description",
			"image",
			"lang",
			"linkText",
			"tags",
			"fields",
			"sponsored",
		]);
		// The order captures arrive in does not change the text: position orders them.
		const normalized = captures.map((input, i) =>
			normalizeCapture({ position: i, ...input }, { id: `c${i}`, now: 1000 + i }),
		);
		const meta = { number: 3, date: "2024-05-01", intro: "", outro: "" };
		expect(renderJson(compileIssue([...normalized].reverse(), NEWSLETTER, meta))).toBe(json);
	});

	it("renders several formats at once exactly as one at a time", () => {
		const issue = issueOf([
			{
				section: "articles",
				url: "https://a.example",
				title: "A",
				note: "With [a link](https://l.example) and *emphasis*.",
			},
		]);
		const all = renderFormats(issue, ["md", "html", "txt", "json"]);
		expect(all).toEqual({
			md: renderIssue(issue, "md"),
			html: renderIssue(issue, "html"),
			txt: renderIssue(issue, "txt"),
			json: renderIssue(issue, "json"),
		});
	});
});
