import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import type { IssueMeta } from "../../src/core/newsletter.ts";
import { renderHtml } from "../../src/core/render/html.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";

const NEWSLETTER = OPS_DIGEST;

function issueOf(captures: CaptureInput[], meta: Partial<IssueMeta> = {}, newsletter = NEWSLETTER): Issue {
	const normalized = captures.map((input, i) =>
		normalizeCapture({ position: i, ...input }, { id: `c${i}`, now: 1000 + i }),
	);
	return compileIssue(normalized, newsletter, { number: 3, date: "2024-05-01", intro: "", outro: "", ...meta });
}

function documentOf(html: string): Document {
	return new JSDOM(html).window.document;
}

/** Everything a mail client could run or load: script elements, handlers, script URLs, stylesheets. */
function dangers(document: Document): string[] {
	const found: string[] = [];
	for (const element of document.querySelectorAll("*")) {
		const tag = element.tagName.toLowerCase();
		if (["script", "style", "link", "iframe", "object", "embed", "form", "svg", "base", "meta"].includes(tag)) {
			if (!(tag === "meta" && element.closest("head"))) found.push(`<${tag}>`);
		}
		for (const attribute of element.attributes) {
			if (attribute.name.startsWith("on")) found.push(`${tag}[${attribute.name}]`);
			if (["href", "src"].includes(attribute.name) && !/^(https?:|mailto:|#)/i.test(attribute.value.trim())) {
				found.push(`${tag}[${attribute.name}=${attribute.value}]`);
			}
			if (attribute.name === "class" || attribute.name === "id") found.push(`${tag}[${attribute.name}]`);
		}
	}
	return found;
}

/** How deeply elements nest under this one. */
function depth(element: Element): number {
	let deepest = 0;
	for (const child of element.children) deepest = Math.max(deepest, depth(child));
	return deepest + 1;
}

// The page layout's own nesting plus Markdown nested well past what any real note uses.
const MAX_RENDERED_DEPTH = 80;

const hostileIssue = () =>
	issueOf(
		[
			{
				section: "articles",
				url: "https://a.example/1",
				title: HOSTILE,
				note: `Note ${HOSTILE} with [a link](https://ok.example) and [a trap](javascript:alert(2)) and <a href="javascript:alert(3)">raw</a>.`,
				quote: `<script>alert(4)</script>\n\n![pic](javascript:alert(5)) [x](JaVaScRiPt:alert(6)) [y](jav&#x61;script:alert(7))`,
				author: HOSTILE,
				siteName: "<b>Site</b>",
				via: { name: HOSTILE, url: "https://via.example" },
			},
			{ section: "outages", url: "https://o.example/1", title: "t", group: HOSTILE, note: `<svg onload=alert(8)>` },
			{ section: "outages", url: "https://o.example/2", title: HOSTILE },
			{ section: "nowhere", url: "https://n.example", title: "Lost", note: "" },
		],
		{
			intro: `Intro <iframe src="https://evil.example"></iframe> <style>body{display:none}</style>`,
			outro: `<div onclick="alert(9)">Outro</div>`,
			sponsor: {
				name: HOSTILE,
				text: `Buy <b onmouseover=alert(10)>now</b>`,
				linkText: HOSTILE,
				url: "https://s.example/?a=1&b=2",
			},
		},
		{
			...NEWSLETTER,
			name: HOSTILE,
			sections: [...NEWSLETTER.sections.map((s) => ({ ...s, name: `${s.name} ${HOSTILE}` }))],
		},
	);

describe("HTML export", () => {
	it("contains no scripts, event handlers, script URLs, stylesheets or frames, whatever the data", () => {
		const html = renderHtml(hostileIssue());
		expect(dangers(documentOf(html))).toEqual([]);
		// The hostile markup is there, but only as escaped text.
		expect(html).not.toMatch(/<(script|img|iframe|svg|style)/i);
		expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
	});

	it("shows a hostile title, name, group, byline, credit and sponsor as text", () => {
		const document = documentOf(renderHtml(hostileIssue()));
		expect(document.querySelectorAll("img")).toHaveLength(0);
		expect(document.title).toBe(`${HOSTILE} #3`);
		expect(document.querySelector("h1")?.textContent).toBe(`${HOSTILE} #3`);
		expect([...document.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([
			`Articles ${HOSTILE}`,
			`Outages ${HOSTILE}`,
			"Unsorted",
		]);
		expect(document.querySelector("h3 a")?.textContent).toBe(HOSTILE);
		const body = document.body.textContent ?? "";
		expect(body).toContain(`${HOSTILE} — <b>Site</b>`);
		expect(body).toContain(`Thanks to ${HOSTILE} for this one.`);
		expect(body).toContain(`A message from our sponsor, ${HOSTILE}:`);
		expect(body).toContain(`Note ${HOSTILE} with a link and a trap and <a href="javascript:alert(3)">raw</a>.`);
		expect(body).toContain("<script>alert(4)</script>");
		expect([...document.querySelectorAll("li")].map((li) => li.firstChild?.textContent?.trim())).toContain(HOSTILE);
	});

	it("links each entry, list bullet, credit and sponsor, and renders note Markdown", () => {
		const document = documentOf(renderHtml(hostileIssue()));
		const hrefs = [...document.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
		expect(hrefs).toEqual([
			[HOSTILE, "https://s.example/?a=1&b=2"],
			[HOSTILE, "https://a.example/1"],
			["a link", "https://ok.example"],
			[HOSTILE, "https://via.example"],
			["<svg onload=alert(8)>", "https://o.example/1"],
			[HOSTILE, "https://o.example/2"],
			["Lost", "https://n.example"],
		]);
		expect(document.querySelector("blockquote")?.textContent).toContain("pic x y");
	});

	it("is an email-safe document: every element styles itself inline", () => {
		const document = documentOf(
			renderHtml(
				issueOf(
					[
						{
							section: "articles",
							url: "https://a.example",
							title: "T",
							note: "*em* **strong** `code`\n\n> quoted\n\n1. one\n2. two\n\n```\nblock\n```\n\n---",
						},
					],
					{ intro: "Hello [there](https://t.example)." },
				),
			),
		);
		const unstyled = [...document.body.querySelectorAll("*")]
			.filter((element) => !["EM", "STRONG", "CODE", "BR"].includes(element.tagName) || element.tagName === "CODE")
			.filter((element) => !element.closest("pre"))
			.filter((element) => !element.getAttribute("style"))
			.map((element) => element.tagName);
		expect(unstyled).toEqual([]);
		expect(document.querySelectorAll("style, link")).toHaveLength(0);
		expect(document.querySelector("ol")?.children).toHaveLength(2);
		expect(document.querySelector("pre code")?.textContent).toBe("block\n");
	});

	it("groups a list section: a group's sub-bullets link each note, a lone capture without a note is the bullet", () => {
		const document = documentOf(
			renderHtml(
				issueOf([
					{ section: "outages", url: "https://o.example/1", title: "t1", group: "PagerDuty", note: "Major outage." },
					{ section: "outages", url: "https://o.example/2", title: "t2", group: "Outlook", note: "" },
					{
						section: "outages",
						url: "https://o.example/3",
						title: "t3",
						group: "PagerDuty",
						note: "Minor *incident*.",
					},
				]),
			),
		);
		const top = [...document.querySelectorAll("h2 + ul > li")];
		expect(top.map((li) => li.firstChild?.textContent?.trim())).toEqual(["PagerDuty", "Outlook"]);
		expect([...(top[0]?.querySelectorAll("li a") ?? [])].map((a) => [a.innerHTML, a.getAttribute("href")])).toEqual([
			["Major outage.", "https://o.example/1"],
			["Minor <em>incident</em>.", "https://o.example/3"],
		]);
		expect(top[1]?.querySelector("a")?.getAttribute("href")).toBe("https://o.example/2");
		expect(top[1]?.querySelector("ul")).toBeNull();
	});

	it("renders pathological page Markdown without hanging: deep nesting, bracket and emphasis runs", () => {
		const attacks = [
			"- ".repeat(9000),
			">".repeat(19000),
			"[".repeat(19000),
			`${"*".repeat(9000)}a${"*".repeat(9000)}`,
			"](".repeat(9000),
		];
		for (const quote of attacks) {
			const issue = issueOf([{ section: "articles", url: "https://a.example", title: "t", note: quote, quote }]);
			// Time is a bench figure (test/bench/hostile-input.measure.ts). The parser's work grows with the
			// nesting it builds, so the nesting and the output are what is bounded here.
			const html = renderHtml(issue);
			const document = documentOf(html);
			expect(depth(document.body), quote.slice(0, 12)).toBeLessThanOrEqual(MAX_RENDERED_DEPTH);
			expect(html.length).toBeLessThan(20 * quote.length + 20_000);
			expect(dangers(document)).toEqual([]);
		}
	});
});
