import { describe, expect, it } from "vitest";
import { type Capture, type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, issueTitle } from "../../src/core/issue.ts";
import type { IssueMeta, Newsletter } from "../../src/core/newsletter.ts";

const NEWSLETTER: Newsletter = {
	name: "SRE Weekly",
	titleTemplate: "{{newsletter}} Issue #{{number}}",
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "tools", name: "Tools", layout: "entries" },
		{ id: "outages", name: "Outages", layout: "list" },
	],
};
const META: IssueMeta = { number: 90, date: "2017-09-28", intro: "", outro: "" };

function capture(input: CaptureInput, id: string, now = 1000): Capture {
	return normalizeCapture(input, { id, now });
}

describe("compileIssue", () => {
	it("builds the title from the template and the long date without locale", () => {
		const issue = compileIssue([], NEWSLETTER, META);
		expect(issue.title).toBe("SRE Weekly Issue #90");
		expect(issue.longDate).toBe("September 28, 2017");
		expect(
			issueTitle({ ...NEWSLETTER, titleTemplate: "{{ newsletter }} — {{number}} ({{number}}) {{other}}" }, 7),
		).toBe("SRE Weekly — 7 (7) {{other}}");
		expect(issueTitle({ ...NEWSLETTER, titleTemplate: "  " }, 7)).toBe("SRE Weekly Issue #7");
	});

	it("lists sections in the newsletter's order, leaving out sections with nothing in them", () => {
		const issue = compileIssue(
			[
				capture({ section: "outages", url: "https://o.example", title: "O" }, "a"),
				capture({ section: "articles", url: "https://a.example", title: "A" }, "b"),
			],
			NEWSLETTER,
			META,
		);
		expect(issue.sections.map((s) => [s.id, s.layout])).toEqual([
			["articles", "entries"],
			["outages", "list"],
		]);
	});

	it("orders a section's captures by position, then by when they were saved", () => {
		const issue = compileIssue(
			[
				capture({ section: "articles", url: "https://a.example/3", title: "third", position: 2 }, "x", 10),
				capture({ section: "articles", url: "https://a.example/2", title: "second", position: 1 }, "y", 30),
				capture({ section: "articles", url: "https://a.example/1", title: "first", position: 1 }, "z", 20),
			],
			NEWSLETTER,
			META,
		);
		expect(issue.sections[0]?.entries.map((e) => e.title)).toEqual(["first", "second", "third"]);
	});

	it("groups a list section by group in order of first appearance, and links a lone note-less capture itself", () => {
		const issue = compileIssue(
			[
				capture(
					{
						section: "outages",
						group: "PagerDuty",
						url: "https://o.example/1",
						title: "p1",
						note: "Major.",
						position: 1,
					},
					"1",
				),
				capture({ section: "outages", url: "https://o.example/2", title: "Loose [one]", position: 2 }, "2"),
				capture({ section: "outages", group: "Outlook", url: "https://o.example/3", title: "o", position: 3 }, "3"),
				capture({ section: "outages", group: "PagerDuty", url: "https://o.example/4", title: "p2", position: 4 }, "4"),
			],
			NEWSLETTER,
			META,
		);
		const items = issue.sections[0]?.items.map((item) => ({
			group: item.group,
			text: item.text,
			url: item.url,
			entries: item.entries.map((e) => e.linkText),
		}));
		expect(items).toEqual([
			{ group: "PagerDuty", text: "PagerDuty", url: null, entries: ["Major.", "p2"] },
			{ group: null, text: "Loose \\[one\\]", url: "https://o.example/2", entries: ["Loose \\[one\\]"] },
			{ group: "Outlook", text: "Outlook", url: "https://o.example/3", entries: ["o"] },
		]);
	});

	it("never drops a capture whose section is unknown: it lands in a last Unsorted section", () => {
		const issue = compileIssue(
			[
				capture({ section: "gone", url: "https://g.example", title: "Orphan" }, "o"),
				capture({ section: "articles", url: "https://a.example", title: "A" }, "a"),
			],
			NEWSLETTER,
			META,
		);
		expect(issue.sections.map((s) => [s.id, s.name, s.entries.map((e) => e.title)])).toEqual([
			["articles", "Articles", ["A"]],
			["", "Unsorted", ["Orphan"]],
		]);
	});

	it("does not filter by issue: it compiles exactly the captures it is given", () => {
		const sent = capture({ section: "articles", url: "https://a.example", title: "Sent", issue: 89 }, "s");
		expect(compileIssue([sent], NEWSLETTER, META).sections[0]?.entries.map((e) => e.title)).toEqual(["Sent"]);
	});

	it("writes the byline as Author — Site, and only when the author is known", () => {
		const issue = compileIssue(
			[
				capture(
					{
						section: "articles",
						url: "https://a.example/1",
						title: "1",
						author: "Tyler Treat",
						siteName: "Brave New Geek",
					},
					"1",
				),
				capture({ section: "articles", url: "https://a.example/2", title: "2", author: "Aaron" }, "2"),
				capture({ section: "articles", url: "https://a.example/3", title: "3", siteName: "Only a site" }, "3"),
			],
			NEWSLETTER,
			META,
		);
		expect(issue.sections[0]?.entries.map((e) => e.byline)).toEqual(["Tyler Treat — Brave New Geek", "Aaron", null]);
	});

	it("keeps only web URLs for links: a script URL in a hand-built capture, credit or sponsor goes nowhere", () => {
		const hostile = {
			...capture({ section: "articles", url: "https://a.example", title: "t", via: { name: "V" } }, "h"),
			url: "javascript:alert(1)",
			via: { name: "V", url: "javascript:alert(2)" },
		};
		const issue = compileIssue([hostile], NEWSLETTER, {
			...META,
			sponsor: { name: "S", text: "x", url: "javascript:alert(3)" },
		});
		const entry = issue.sections[0]?.entries[0];
		expect([entry?.url, entry?.via?.url, issue.sponsor?.url]).toEqual(["#", null, null]);
	});

	it("trims intro and outro and normalises their line endings", () => {
		const issue = compileIssue([], NEWSLETTER, { ...META, intro: "\r\n  Hello\r\nworld\r\n\r\n", outro: "  " });
		expect([issue.intro, issue.outro]).toEqual(["Hello\nworld", ""]);
	});
});
