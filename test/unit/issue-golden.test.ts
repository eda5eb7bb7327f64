import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import { type Format, renderIssue } from "../../src/core/render/index.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/issues");

/** The path a user's file takes: parse, normalise each capture (ids, time, position in file order), compile. */
function loadIssue(name: string): Issue {
	const file = parseIssueFile(readFileSync(join(FIXTURES, name, "issue.json"), "utf8"));
	const captures = file.captures.map((input, index) =>
		normalizeCapture({ ...input, position: index }, { id: `capture-${index + 1}`, now: 1_506_556_800_000 + index }),
	);
	return compileIssue(captures, file.newsletter, file.meta);
}

/** Compare with a golden file; `UPDATE_FIXTURES=1` rewrites it (then read the diff). */
function expectGolden(actual: string, path: string): void {
	if (process.env.UPDATE_FIXTURES === "1") writeFileSync(path, actual);
	expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("SRE Weekly #90, the golden example", () => {
	it("renders expected.md byte for byte with the default Markdown template", () => {
		// expected.md is the product's own example: it is never regenerated.
		const expected = readFileSync(join(FIXTURES, "sre-weekly-90", "expected.md"), "utf8");
		expect(renderMarkdown(loadIssue("sre-weekly-90"))).toBe(expected);
	});

	it.each<[Format, string]>([
		["html", "issue.expected.html"],
		["txt", "issue.expected.txt"],
		["json", "issue.expected.json"],
	])("renders the %s export as in %s", (format, file) => {
		expectGolden(renderIssue(loadIssue("sre-weekly-90"), format), join(FIXTURES, "sre-weekly-90", file));
	});
});

describe("hostile page data in every field", () => {
	it.each<[Format, string]>([
		["md", "issue.expected.md"],
		["html", "issue.expected.html"],
		["txt", "issue.expected.txt"],
		["json", "issue.expected.json"],
	])("renders the %s export as in %s", (format, file) => {
		expectGolden(renderIssue(loadIssue("hostile"), format), join(FIXTURES, "hostile", file));
	});
});
