import { expect, it } from "vitest";
import { type Capture, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { FORMATS, renderFormats } from "../../src/core/render/index.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 21;
const meta = { number: 90, date: "2017-09-28", intro: "This week: *lots* of [links](https://example.com).", outro: "" };

/** A realistic issue: long notes with Markdown, some quotes and bylines, outages grouped by vendor. */
function captures(n: number): Capture[] {
	const sections = ["articles", "tools", "outages"];
	return Array.from({ length: n }, (_, i) =>
		normalizeCapture(
			{
				url: `https://example.com/post/${i}?id=${i}`,
				title: `Post number ${i}: what we learned`,
				note: `A **thoughtful** note about post ${i}, with [a link](https://example.com/ref/${i}) and \`code\`. ${"More commentary. ".repeat(8)}`,
				section: sections[i % 3] as string,
				group: i % 3 === 2 ? `Vendor ${i % 17}` : undefined,
				quote: i % 5 === 0 ? `A quoted passage from post ${i}, *emphasised*.` : undefined,
				author: i % 4 === 0 ? `Author ${i}` : undefined,
				siteName: i % 8 === 0 ? "Example Blog" : undefined,
			},
			{ now: 1_700_000_000_000 + i, id: `c${i}` },
		),
	);
}

/** Median time to compile once and render all four formats. */
function timeAllFormats(list: Capture[]): number {
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const t0 = performance.now();
		const issue = compileIssue(list, DEFAULT_NEWSLETTER, meta);
		const out = renderFormats(issue, FORMATS);
		for (const format of FORMATS) expect(out[format].length).toBeGreaterThan(list.length);
		times.push(performance.now() - t0);
	}
	return median(times);
}

it("compile: 1,000 captures to all four formats, and a 10,000-capture archive re-export", () => {
	const thousand = captures(1_000);
	const tenThousand = captures(10_000);
	timeAllFormats(captures(200)); // warm the JIT and the template cache, as a live preview would be
	const t1 = timeAllFormats(thousand);
	const t10 = timeAllFormats(tenThousand);
	record([
		{ measure: `compile 1,000 captures → md+html+txt+json (median of ${RUNS})`, value: ms(t1), target: "< 20 ms" },
		{ measure: `compile 10,000-capture archive → all formats (median of ${RUNS})`, value: ms(t10), target: "—" },
		{ measure: "growth 1,000 → 10,000 captures", value: `${(t10 / t1).toFixed(1)}×`, target: "≤ 12×" },
	]);
});
