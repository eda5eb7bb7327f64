import { describe, expect, it } from "vitest";
import { type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import type { IssueMeta } from "../../src/core/newsletter.ts";
import { renderText } from "../../src/core/render/text.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

const NEWSLETTER = OPS_DIGEST;

function issueOf(captures: CaptureInput[], meta: Partial<IssueMeta> = {}): Issue {
	const normalized = captures.map((input, i) =>
		normalizeCapture({ position: i, ...input }, { id: `c${i}`, now: 1000 + i }),
	);
	return compileIssue(normalized, NEWSLETTER, { number: 3, date: "2024-05-01", intro: "", outro: "", ...meta });
}

describe("plain-text export", () => {
	it("puts each title on its own line with its URL alone on the next, then the note as readable text", () => {
		const text = renderText(
			issueOf([
				{
					section: "articles",
					url: "https://a.example/post?id=1",
					title: "The *Real* Cost",
					note: "Read **this** and [the follow-up](https://a.example/f).\n\n- one\n- two",
					quote: "Quoted `code`.\n\nMore.",
					author: "Tyler Treat",
					siteName: "Brave New Geek",
					via: { name: "DevOps Weekly", url: "https://dw.example" },
				},
			]),
		);
		expect(text).toContain(
			[
				"Articles",
				"--------",
				"",
				"The *Real* Cost",
				"https://a.example/post?id=1",
				"",
				"Read this and the follow-up <https://a.example/f>.",
				"",
				"- one",
				"- two",
				"",
				"> Quoted code.",
				">",
				"> More.",
				"",
				"By Tyler Treat — Brave New Geek",
				"",
				"Thanks to DevOps Weekly <https://dw.example> for this one.",
			].join("\n"),
		);
	});

	it("opens with the underlined title and date and closes with the footer", () => {
		const text = renderText(issueOf([], { intro: "Hello *there*." }));
		expect(text).toBe(
			[
				"Ops Digest #3",
				"=============",
				"May 1, 2024",
				"",
				"Hello there.",
				"",
				"----------------------------------------",
				"Ops Digest #3 · May 1, 2024",
				"",
			].join("\n"),
		);
	});

	it("indents a list section's groups and puts every link's URL on its own line", () => {
		const text = renderText(
			issueOf([
				{ section: "outages", url: "https://o.example/1", title: "t1", group: "PagerDuty", note: "Major\noutage." },
				{ section: "outages", url: "https://o.example/2", title: "Outlook down", group: "Outlook" },
				{ section: "outages", url: "https://o.example/3", title: "t3", group: "PagerDuty", note: "Minor." },
			]),
		);
		expect(text).toContain(
			[
				"* PagerDuty",
				"  - Major outage.",
				"    https://o.example/1",
				"  - Minor.",
				"    https://o.example/3",
				"* Outlook",
				"  https://o.example/2",
			].join("\n"),
		);
	});

	it("writes no HTML markup of its own and hides script links", () => {
		const text = renderText(
			issueOf([
				{ section: "articles", url: "https://a.example", title: "T", note: "A [trap](javascript:alert(1)) here." },
			]),
		);
		expect(text).toContain("A trap here.");
		expect(text).not.toContain("javascript:");
		expect(text).not.toMatch(/<\/?[a-z][^>]*>/);
	});
});
