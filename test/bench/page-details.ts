/**
 * Node bench (jsdom): page-details extraction over the page corpus, next to a
 * naive extractor that reads five meta tags and nothing else. Prints and
 * records: the corpus total for each (sum of per-page medians), their ratio
 * (target ≤ 2×) and the largest page. Parsing is not timed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { extractDetails } from "../../src/page/details.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 7;
const DIR = join(import.meta.dirname, "../fixtures/pages");

/** What a first attempt looks like: five meta tags and `<title>`. */
function naiveDetails(doc: Document): Record<string, string | undefined> {
	const meta = (selector: string) => doc.querySelector(selector)?.getAttribute("content") ?? undefined;
	return {
		title: meta('meta[property="og:title"]') ?? doc.title,
		author: meta('meta[name="author"]'),
		siteName: meta('meta[property="og:site_name"]'),
		publishedAt: meta('meta[property="article:published_time"]'),
		description: meta('meta[name="description"]'),
	};
}

function timeOf(run: () => unknown): number {
	run(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		run();
		times.push(performance.now() - started);
	}
	return median(times);
}

const names = readdirSync(DIR).filter((name) => name.endsWith(".html"));
const largest = [...names].sort((a, b) => statSync(join(DIR, b)).size - statSync(join(DIR, a)).size)[0];
let ours = 0;
let naive = 0;
let oursLargest = 0;
let naiveLargest = 0;
for (const name of names) {
	const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.html$/, ".expected.json")), "utf8")) as {
		url: string;
	};
	const doc = new JSDOM(readFileSync(join(DIR, name), "utf8"), { url: expected.url }).window.document;
	const a = timeOf(() => extractDetails(doc, expected.url));
	const b = timeOf(() => naiveDetails(doc));
	ours += a;
	naive += b;
	if (name === largest) {
		oursLargest = a;
		naiveLargest = b;
	}
}
const ratio = ours / naive;
const small = names.length - 1;
record([
	{
		measure: `page details (Node, jsdom): ${names.length} corpus pages`,
		value: `${ms(ours)} vs naive ${ms(naive)} (${ratio.toFixed(1)}×)`,
		target: "≤ 2× naive",
	},
	{
		measure: `page details (Node, jsdom): largest page (${largest})`,
		value: `${ms(oursLargest)} vs naive ${ms(naiveLargest)} (${(oursLargest / naiveLargest).toFixed(1)}×)`,
		target: "report",
	},
	{
		measure: `page details (Node, jsdom): the ${small} other pages`,
		value: `${ms(ours - oursLargest)} vs naive ${ms(naive - naiveLargest)} (${((ours - oursLargest) / (naive - naiveLargest)).toFixed(1)}×)`,
		target: "report",
	},
]);
console.log(`page details (jsdom): ${ms(ours)} vs naive ${ms(naive)} on ${names.length} pages (${ratio.toFixed(1)}×)`);
