import { type Capture, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { FORMATS, renderFormats } from "../../src/core/render/index.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 21;
const meta = { number: 90, date: "2017-09-28", intro: "This week: *lots* of [links](https://example.com).", outro: "" };

/**
 * An issue of n captures: long notes, some quotes and bylines, outages
 * grouped by vendor. `richEvery` = k gives every k-th note Markdown (a link,
 * bold, code); the others are plain prose like the golden example's.
 */
function captures(n: number, richEvery: number): Capture[] {
	const sections = ["articles", "tools", "outages"];
	return Array.from({ length: n }, (_, i) =>
		normalizeCapture(
			{
				url: `https://example.com/post/${i}?id=${i}`,
				title: `Post number ${i}: what we learned`,
				note:
					i % richEvery === 0
						? `A **thoughtful** note about post ${i}, with [a link](https://example.com/ref/${i}) and \`code\`. ${"More commentary. ".repeat(8)}`
						: `A thoughtful note about post ${i}, with no markup at all. ${"More commentary. ".repeat(8)}`,
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

/** A full collection between runs when node runs with --expose-gc (npm run bench does). */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Median time to compile once and render all four formats. */
function timeAllFormats(list: Capture[]): number {
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		// Each run starts clean: no run pays for collecting the garbage of the one before.
		collectGarbage();
		const t0 = performance.now();
		const issue = compileIssue(list, DEFAULT_NEWSLETTER, meta);
		const out = renderFormats(issue, FORMATS);
		for (const format of FORMATS) {
			if (out[format].length < list.length) throw new Error(`${format} output is missing captures`);
		}
		times.push(performance.now() - t0);
	}
	return median(times);
}

/**
 * Run with tsx (esbuild's transform, as in the extension's Vite bundle), not
 * inside vitest: vitest's module runner rewrites every imported call into a
 * property lookup, which slows exactly the hot paths measured here.
 */
function main(): void {
	timeAllFormats(captures(200, 1)); // warm the JIT, as a live preview would be
	const rows = [];
	for (const [name, richEvery] of [
		["typical: 1 note in 4 with Markdown", 4],
		["worst case: every note with Markdown", 1],
	] as const) {
		const t1 = timeAllFormats(captures(1_000, richEvery));
		const t10 = timeAllFormats(captures(10_000, richEvery));
		rows.push(
			{ measure: `compile 1,000 → md+html+txt+json, ${name} (median of ${RUNS})`, value: ms(t1), target: "< 20 ms" },
			{ measure: `compile 10,000-capture archive → all formats, ${name}`, value: ms(t10), target: "—" },
			{ measure: `growth 1,000 → 10,000, ${name}`, value: `${(t10 / t1).toFixed(1)}×`, target: "≤ 12×" },
		);
	}
	record(rows);
}

main();
