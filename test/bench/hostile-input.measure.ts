import { JSDOM } from "jsdom";
import { it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { renderHtml } from "../../src/core/render/html.ts";
import { normalizeDate } from "../../src/page/dates.ts";
import { extractDetails } from "../../src/page/details.ts";
import { readPage } from "../../src/page/read-page.ts";
import { selectionToMarkdown, selectionToText } from "../../src/page/selection.ts";
import { trimSiteName } from "../../src/page/site-title.ts";
import { cleanText } from "../../src/page/text.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";
import { median, ms, record } from "./report.ts";

// Hostile inputs the unit tests bound by their results; here, how long each takes.
// Printed by `npm run bench`, never a gate (the targets are the old unit-test limits).

const RUNS = 5;

function time(fn: () => unknown): number {
	const runs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		fn();
		runs.push(performance.now() - started);
	}
	return median(runs);
}

function selected(body: string): Document {
	const doc = new JSDOM(`<!doctype html><body>${body}</body>`, { url: "https://blog.example.com/post" }).window
		.document;
	const range = doc.createRange();
	range.selectNodeContents(doc.querySelector("#x") as Node);
	doc.getSelection()?.addRange(range);
	return doc;
}

it("hostile input: page selection, page details and Markdown render times", () => {
	const rows = [];
	const paragraph = `<p>${"All work and no play makes Jack a dull boy. ".repeat(20)}<a href="/x">link</a></p>`;
	const huge = selected(`<div id="x">${paragraph.repeat(400)}</div>`);
	rows.push({
		measure: "select all on a 400-paragraph page (Markdown + text)",
		value: ms(time(() => [selectionToMarkdown(huge.getSelection(), huge.URL), selectionToText(huge.getSelection())])),
		target: "< 5000 ms",
	});
	const selections: Array<[string, string]> = [
		["a pre with a huge run of spaces", `<pre id="x">a${" ".repeat(19_000)}x</pre>`],
		["an image with a huge alt text", `<p id="x">Chart: <img src="/a.png" alt="${"\n \n".repeat(100_000)}x"></p>`],
		["Markdown syntax everywhere", `<p id="x">${"*_`[<&".repeat(5_000)}</p>`],
		["deeply nested markup", `<div id="x">${"<span>".repeat(2_500)}deep${"</span>".repeat(2_500)}</div>`],
	];
	for (const [name, body] of selections) {
		const doc = selected(body);
		rows.push({ measure: `readPage, selection: ${name}`, value: ms(time(() => readPage(doc))), target: "< 2000 ms" });
	}
	const page = new JSDOM(
		`<!doctype html><html><head><title>${"Title ".repeat(200_000)}</title>
<script type="application/ld+json">{"@type":"Article","headline":"${"h".repeat(10_000_000)}"}</script>
<script type="application/ld+json">${"[".repeat(500_000)}</script></head><body></body></html>`,
		{ url: "https://example.com/a" },
	).window.document;
	rows.push({
		measure: "extractDetails: 10 MB JSON-LD, 1 MB title",
		value: ms(time(() => extractDetails(page, "https://example.com/a"))),
		target: "< 1500 ms",
	});
	rows.push({
		measure: "pathological date, site-name separators, < and &# runs",
		value: ms(
			time(() => {
				normalizeDate(`2024${" ".repeat(100)}x`);
				trimSiteName(`${" - ".repeat(300)}Site`, { host: "example.com" });
				cleanText(`${"<".repeat(100_000)}p`, 1_000, { html: true });
				cleanText(`${"&#".repeat(100_000)}`, 1_000);
			}),
		),
		target: "< 500 ms",
	});
	const attacks = ["- ".repeat(9000), ">".repeat(19000), "[".repeat(19000), `${"*".repeat(9000)}a${"*".repeat(9000)}`];
	for (const quote of attacks) {
		const capture = normalizeCapture(
			{ section: "articles", url: "https://a.example", title: "t", note: quote, quote },
			{ id: "a", now: 1 },
		);
		const issue = compileIssue([capture], OPS_DIGEST, { number: 1, date: "2024-05-01", intro: "", outro: "" });
		rows.push({
			measure: `renderHtml, hostile note: ${JSON.stringify(quote.slice(0, 6))}…`,
			value: ms(time(() => renderHtml(issue))),
			target: "< 2000 ms",
		});
	}
	record(rows);
	console.table(rows);
});
