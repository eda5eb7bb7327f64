import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Capture, normalizeCapture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, newIssueMeta } from "../../src/core/newsletter.ts";
import { CHROME_LIMITS, itemSize, recordItems } from "../../src/core/sync/chunk.ts";
import { planSync } from "../../src/core/sync/plan.ts";
import { recordLocalEdits } from "../../src/core/sync/state.ts";
import { type Extension, launchExtension, openPopup, serveSite, tabIdOf } from "../e2e/harness.ts";
import { SyncRelay, worker } from "../e2e/sync-relay.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 5;
const pages: Record<string, string> = {};
for (let i = 0; i < RUNS; i++) {
	pages[`/post-${i}.html`] =
		`<!doctype html><html lang="en"><head><title>Bench post ${i}</title><meta name="author" content="Dana Reyes"></head>` +
		`<body><article><h1>Bench post ${i}</h1><p>${"Some ordinary article text. ".repeat(40)}</p></article></body></html>`;
}

let a: Extension;
let b: Extension;
let site: Awaited<ReturnType<typeof serveSite>>;
let relay: SyncRelay;

beforeAll(async () => {
	site = await serveSite(pages);
	a = await launchExtension();
	b = await launchExtension();
	// The relay copies at once; its own polling time is measured and left out of the figure.
	relay = new SyncRelay([a, b], { minDelayMs: 0, maxDelayMs: 0, duplicateRate: 0, seed: 1 });
	relay.start();
});
afterAll(async () => {
	await relay?.stop();
	await a?.close();
	await b?.close();
	site?.server.close();
});

async function optIn(ext: Extension): Promise<Page> {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.id}/options/index.html`);
	await page.getByRole("button", { name: "Settings" }).click();
	await page.getByLabel("Sync the draft through your browser's sync").check();
	await expect.poll(() => page.getByLabel("Sync status").innerText(), { timeout: 15_000 }).not.toContain("Not yet");
	await page.getByRole("button", { name: "Draft issue" }).click();
	return page;
}

/** In a profile's worker: note when each capture item first lands in its storage.sync. */
async function watchArrivals(ext: Extension): Promise<void> {
	await (await worker(ext)).evaluate(() => {
		const g = globalThis as unknown as {
			arrivals?: Record<string, number>;
			chrome: { storage: { onChanged: { addListener(f: (c: object, area: string) => void): void } } };
		};
		const seen: Record<string, number> = {};
		g.arrivals = seen;
		g.chrome.storage.onChanged.addListener((changes, area) => {
			if (area !== "sync") return;
			for (const key of Object.keys(changes)) if (key.startsWith("r:c:")) seen[key] ??= Date.now();
		});
	});
}

async function arrivals(ext: Extension): Promise<Record<string, number>> {
	return (await worker(ext)).evaluate(() => (globalThis as unknown as { arrivals: Record<string, number> }).arrivals);
}

it("sync: from a save on one profile to the other's open options page", async () => {
	const onA = await optIn(a);
	const onB = await optIn(b);
	await watchArrivals(a);
	await watchArrivals(b);
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const note = `Bench note ${i}: ${"a fair sentence of editorial commentary, ".repeat(6)}`;
		const article = await a.context.newPage();
		await article.goto(`${site.origin}/post-${i}.html`);
		const popup = await openPopup(a, await tabIdOf(a, article));
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(`Bench post ${i}`);
		await popup.getByLabel("Note").fill(note);
		const before = [new Set(Object.keys(await arrivals(a))), new Set(Object.keys(await arrivals(b)))];
		const saved = Date.now();
		await popup.keyboard.press("Control+Enter");
		const shown = await onB.evaluate(
			(text) =>
				new Promise<number>((resolve, reject) => {
					// Watched through DOM changes (an animation frame may never come to a page in the background).
					const has = () => document.body.textContent?.includes(text) === true;
					if (has()) return resolve(Date.now());
					const observer = new MutationObserver(() => {
						if (!has()) return;
						observer.disconnect();
						clearTimeout(timer);
						resolve(Date.now());
					});
					// A capture that never arrives fails this run with a reason, not the whole bench on its timeout.
					const timer = setTimeout(() => {
						observer.disconnect();
						reject(
							new Error(`the capture saved on A did not show on B's options page within 30 s: ${text.slice(0, 40)}…`),
						);
					}, 30_000);
					observer.observe(document.body, { childList: true, subtree: true, characterData: true });
				}),
			note.trim(),
		);
		const [onARecv, onBRecv] = [await arrivals(a), await arrivals(b)];
		const key = Object.keys(onARecv).find((k) => !before[0]?.has(k)) as string;
		const leftA = onARecv[key] as number;
		const reachedB = onBRecv[key] as number;
		expect(reachedB).toBeGreaterThanOrEqual(leftA);
		// Save → A's storage.sync, plus B's storage.sync → B's page; the relay's hop between is left out.
		times.push(leftA - saved + (shown - reachedB));
		await popup.close();
		await article.close();
	}
	expect(await onA.getByRole("article").count()).toBe(RUNS);

	const items = await (await worker(a)).evaluate(() =>
		(
			globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } }
		).chrome.storage.sync.get(null),
	);
	const captureItems = Object.entries(items).filter(([k]) => k.startsWith("r:c:"));
	const perCapture = captureItems.reduce((n, [k, v]) => n + itemSize(k, v), 0) / RUNS;

	record([
		{
			measure: `sync: save on one profile → shown in the other's open options page, relay excluded (median of ${RUNS})`,
			value: ms(median(times)),
			target: "—",
		},
		{
			measure: "sync: storage.sync bytes per capture (browser-saved, note ~250 chars)",
			value: `${Math.round(perCapture)} B`,
			target: "—",
		},
		...fitRows(),
	]);
});

/** A typical capture: a title, a URL, a 300-character note, a byline and a description; a quote on every third. */
function typical(i: number): Capture {
	return normalizeCapture(
		{
			url: `https://engineering.example.com/2026/01/how-we-cut-our-p99-latency-${i}`,
			title: `How we cut our p99 latency in half, part ${i}`,
			note: `${"Editorial commentary on why this matters to SREs, with a [link](https://example.com/ref). ".repeat(3)}`.trim(),
			section: ["articles", "tools", "outages"][i % 3] as string,
			author: "Dana Reyes",
			siteName: "Example Engineering",
			description: "A walk through the changes that halved tail latency across our fleet.",
			...(i % 3 === 0
				? { quote: "We found that most of the tail came from a single lock in the connection pool." }
				: {}),
		},
		{ now: 1_767_000_000_000 + i, id: crypto.randomUUID() },
	);
}

/** How many typical captures fit Chrome's quota beside the settings and, later, last week's sent issue. */
function fitRows() {
	const settings = {
		newsletter: structuredClone(DEFAULT_NEWSLETTER),
		draft: newIssueMeta(12, "2026-01-05"),
		templates: {},
	};
	const fits = (n: number) => {
		const captures = Array.from({ length: n }, (_, i) => typical(i));
		const state = recordLocalEdits(
			{},
			{},
			{ captures, sent: [], ...settings },
			{ device: "bench01", now: 1_767_000_000_000 },
		);
		return planSync(state, {}).deviceOnly.length === 0;
	};
	let lo = 1;
	let hi = 2000;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (fits(mid)) lo = mid;
		else hi = mid - 1;
	}
	const one = recordLocalEdits({}, {}, { captures: [typical(1)], sent: [] }, { device: "bench01", now: 1 });
	const bytes = Object.values(one).reduce(
		(n, r) => n + Object.entries(recordItems(r)).reduce((m, [k, v]) => m + itemSize(k, v), 0),
		0,
	);
	return [
		{
			measure: "sync: storage.sync bytes per typical capture (note 270 chars, byline, description)",
			value: `${bytes} B`,
			target: "—",
		},
		{
			measure: `sync: typical captures that fit Chrome's quota (${CHROME_LIMITS.totalBytes / 1024} KB, with settings)`,
			value: String(lo),
			target: "—",
		},
	];
}
