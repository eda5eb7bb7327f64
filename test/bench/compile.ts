import { type Capture, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { issueTemplates } from "../../src/core/render/filters.ts";
import { FORMATS, type Format, renderFormats, renderIssue } from "../../src/core/render/index.ts";
import { sharingMarkdown } from "../../src/core/render/markdown-render.ts";
import { measureCli } from "./cli.ts";
import { median, ms, record, watchSteal } from "./report.ts";

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

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Full collections between runs when node runs with --expose-gc (npm run
 * bench does). One is not enough: V8 sweeps the freed pages on background
 * threads after gc() returns, so a 1,000-capture run timed straight after a
 * 10,000-capture one shared this 2-core machine with the sweeping of the
 * larger run's garbage (13–16 ms of other threads' CPU time inside the timed
 * run, against 4–5 ms when run alone, read from /proc/self/task/N/schedstat).
 * The second collection starts by finishing the first one's sweeping and
 * leaves almost nothing to sweep after it.
 */
function collectGarbage(): void {
	gc();
	gc();
}

/**
 * A Markdown template using the newer language: a date range, case/when,
 * group_by, where, pluralize, and a partial rendered for every entry.
 */
const FEATURE_TEMPLATE = `# {{ issue.title | md_text }}
*{{ issue.date | date: "%B %o" }} to {{ issue.date | date_add: 6, "days" | date: "%B %-d, %Y" }}*
{%- for section in issue.sections %}

## {{ section.name | md_text }} ({{ section.entries.size | pluralize: "link" }})
{%- case section.layout %}
{%- when "list" %}
{%- assign groups = section.entries | group_by: "group" %}
{%- for g in groups %}
- {{ g.name | default: "Other" }}: {{ g.size | pluralize: "outage" }}
{%- endfor %}
{%- else %}
{%- assign quoted = section.entries | where: "quote" %}
{{ quoted.size | pluralize: "quote" }}
{% render "entry" for section.entries as entry %}
{%- endcase %}
{%- endfor %}
`;
const FEATURE_PARTIALS = {
	entry: `
### [{{ entry.title | md_text }}]({{ entry.url | md_url }}) · {{ entry.url | domain }}
{%- if entry.note %}

{{ entry.note | md_safe }}
{%- endif %}
`,
};

type Renderer = (list: Capture[]) => Record<Format, string>;

/** The four default templates. */
const defaults: Renderer = (list) => renderFormats(compileIssue(list, DEFAULT_NEWSLETTER, meta), FORMATS);

/** The feature template for Markdown (with its partial), the default templates for the other three formats. */
const features: Renderer = (list) => {
	const issue = compileIssue(list, DEFAULT_NEWSLETTER, meta);
	return sharingMarkdown(() => ({
		md: issueTemplates.render(FEATURE_TEMPLATE, { issue }, "none", { partials: FEATURE_PARTIALS }),
		html: renderIssue(issue, "html"),
		txt: renderIssue(issue, "txt"),
		json: renderIssue(issue, "json"),
	}));
};

/** Time to compile once and render all four formats. */
function timeOnce(list: Capture[], renderer: Renderer): number {
	// Each run starts clean: no run pays for collecting the garbage of the one before.
	collectGarbage();
	const t0 = performance.now();
	const out = renderer(list);
	for (const format of FORMATS) {
		if (out[format].length < list.length) throw new Error(`${format} output is missing captures`);
	}
	return performance.now() - t0;
}

/**
 * Medians for 1,000 and 10,000 captures, measured interleaved (1k, 10k,
 * 1k, …) so that a slow spell on the machine falls on both sizes alike: run
 * in two blocks, the growth figure swung from 6× to 14×.
 */
function timeInterleaved(small: Capture[], large: Capture[], renderer: Renderer): [number, number] {
	const t1: number[] = [];
	const t10: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		t1.push(timeOnce(small, renderer));
		t10.push(timeOnce(large, renderer));
	}
	return [median(t1), median(t10)];
}

/**
 * Run as one bundle built by Vite (vite.bench.config.ts → dist/bench/
 * compile.mjs), the way the options page runs this code: not inside vitest,
 * whose module runner rewrites every imported call into a property lookup,
 * and not under tsx, which reads every imported name through an export
 * getter; both slow exactly the hot paths measured here.
 */
function main(): void {
	// Warm the JIT, as a live preview would be.
	for (let i = 0; i < 5; i++) {
		timeOnce(captures(200, 1), defaults);
		timeOnce(captures(200, 1), features);
	}
	const rows = [];
	const steal = watchSteal();
	for (const [name, richEvery, renderer] of [
		["typical: 1 note in 4 with Markdown", 4, defaults],
		["worst case: every note with Markdown", 1, defaults],
		["new features: case/when, a partial per entry, date, where, group_by", 4, features],
	] as const) {
		const [t1, t10] = timeInterleaved(captures(1_000, richEvery), captures(10_000, richEvery), renderer);
		rows.push(
			{ measure: `compile 1,000 → md+html+txt+json, ${name} (median of ${RUNS})`, value: ms(t1), target: "< 20 ms" },
			{ measure: `compile 10,000-capture archive → all formats, ${name}`, value: ms(t10), target: "—" },
			{ measure: `growth 1,000 → 10,000 (interleaved), ${name}`, value: `${(t10 / t1).toFixed(1)}×`, target: "≤ 12×" },
		);
		console.log(`${name}: 1k ${ms(t1)}, 10k ${ms(t10)}, growth ${(t10 / t1).toFixed(1)}×`);
	}
	rows.push({
		measure: "CPU time taken by other virtual machines during the compile runs (steal)",
		value: steal(),
		target: "—",
	});
	record(rows);
	measureCli();
}

main();
