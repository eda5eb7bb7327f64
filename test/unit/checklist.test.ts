import { describe, expect, it } from "vitest";
import { checkIssue } from "../../src/core/checklist.ts";
import { DEFAULT_NEWSLETTER, type SentIssue } from "../../src/core/newsletter.ts";
import { makeCapture } from "../helpers/captures.ts";

const sections = DEFAULT_NEWSLETTER.sections;
const kinds = (items: ReturnType<typeof checkIssue>) => items.map((i) => i.kind).sort();

function sentIssue(number: number, urls: string[]): SentIssue {
	return {
		number,
		sentAt: number,
		newsletter: DEFAULT_NEWSLETTER,
		meta: { number, date: "2026-01-01", intro: "", outro: "" },
		captures: urls.map((url) => ({ ...makeCapture({ url, note: "n" }), issue: number })),
		templates: {},
	};
}

describe("the pre-send checklist", () => {
	it("is empty for a complete issue", () => {
		const captures = sections.map((s) => makeCapture({ section: s.id, note: "Why it matters." }));
		expect(checkIssue(captures, sections, [])).toEqual([]);
	});

	it("flags a missing note, but not on a list capture named by its group", () => {
		const items = checkIssue(
			[
				makeCapture({ section: "articles", note: "" }),
				makeCapture({ section: "tools", note: "ok" }),
				makeCapture({ section: "outages", group: "Outlook", note: "" }),
			],
			sections,
			[],
		);
		expect(kinds(items)).toEqual(["no-note"]);
	});

	it("flags empty sections, duplicates, leftover trackers and links saved but never completed", () => {
		const items = checkIssue(
			[
				makeCapture({ section: "articles", note: "a", url: "https://ex.com/a" }),
				makeCapture({ section: "articles", note: "b", url: "http://www.ex.com/a/" }),
				{ ...makeCapture({ section: "articles", note: "c" }), url: "https://ex.com/c?utm_source=x" },
				makeCapture({ section: "articles", incomplete: true }),
			],
			sections,
			[],
		);
		expect(kinds(items)).toEqual(["duplicate", "empty-section", "empty-section", "incomplete", "tracking"]);
		expect(items.find((i) => i.kind === "empty-section")?.message).toBe("The section “Tools” is empty.");
	});

	it("offers the link without its trackers, keeping the parameters that pick content", () => {
		const url = "https://www.nytimes.com/2024/03/05/tech/ai.html?smid=nytcore-ios-share&page=2&xtor=RSS-1&id=7";
		const items = checkIssue([{ ...makeCapture({ section: "articles", note: "n" }), url }], sections, []);
		expect(items.find((i) => i.kind === "tracking")?.strippedUrl).toBe(
			"https://www.nytimes.com/2024/03/05/tech/ai.html?page=2&id=7",
		);
	});

	it("does not flag a link with no query or fragment, even one a URL parser would rewrite", () => {
		const items = checkIssue(
			[{ ...makeCapture({ section: "articles", note: "n" }), url: "https://Example.com" }],
			sections,
			[],
		);
		expect(items.filter((i) => i.kind === "tracking")).toEqual([]);
	});

	it("flags links featured in the last 10 issues only", () => {
		const old = sentIssue(1, ["https://ex.com/old"]);
		const recent = Array.from({ length: 10 }, (_, i) => sentIssue(i + 2, [`https://ex.com/r${i + 2}`]));
		const captures = [
			makeCapture({ url: "https://ex.com/old", note: "x" }),
			makeCapture({ url: "https://ex.com/r5", note: "x" }),
		];
		const items = checkIssue(captures, [sections[0] as (typeof sections)[0]], [old, ...recent]);
		expect(items.map((i) => i.message)).toEqual([`“${captures[1]?.title}” was featured in #5.`]);
	});
});
