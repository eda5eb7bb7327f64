import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Extension, launchExtension } from "../e2e/harness.ts";
import { median, ms, record } from "./report.ts";
import { seed } from "./seed.ts";

const RUNS = 7;
let ext: Extension;

beforeAll(async () => {
	ext = await launchExtension();
});
afterAll(async () => {
	await ext?.close();
});

/** Median time from navigation to the draft painted, and to its export painted. */
async function readyTime(page: Page): Promise<{ draft: number; exported: number }> {
	const draft: number[] = [];
	const exported: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		await page.reload();
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:options-ready").length > 0);
		draft.push(await page.evaluate(() => performance.getEntriesByName("linkletter:options-ready")[0]?.startTime ?? 0));
		// Before this change there was no separate mark: the export painted with the draft.
		await page.getByRole("button", { name: "Copy" }).waitFor();
		exported.push(
			await page.evaluate(
				() =>
					(
						performance.getEntriesByName("linkletter:export-ready")[0] ??
						performance.getEntriesByName("linkletter:options-ready")[0]
					)?.startTime ?? 0,
			),
		);
	}
	return { draft: median(draft), exported: median(exported) };
}

/**
 * Medians, for moving the second card of the first section to the next
 * section with a real key press (Alt+→: the keyboard's drag to another
 * section), of the time from the key to the next frame painted with the
 * card in the other section, and to the move stored in IndexedDB (the page
 * marks linkletter:stored when the write has committed). The first is the
 * browser's own Event Timing figure for the keydown (input to next paint,
 * in steps of 8 ms); the browser reports only those of 16 ms or more, so a
 * move with no entry counts as 16 ms, an upper bound.
 */
async function moveTime(page: Page): Promise<{ shown: number; stored: number }> {
	const shown: number[] = [];
	const stored: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const id = await page.evaluate(() => {
			const lists = document.querySelectorAll("section.section ol");
			const card = (lists[0]?.children[1] as HTMLElement | undefined)?.querySelector("article") as HTMLElement;
			const w = window as unknown as { __keydown: number[]; __observer?: PerformanceObserver };
			w.__keydown = [];
			w.__observer?.disconnect();
			w.__observer = new PerformanceObserver((list) => {
				for (const e of list.getEntries()) if (e.name === "keydown") w.__keydown.push(e.duration);
			});
			w.__observer.observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
			performance.clearMarks("linkletter:stored");
			card.focus();
			return card.id;
		});
		const start = await page.evaluate(() => performance.now());
		await page.keyboard.press("Alt+ArrowRight");
		await page.waitForFunction(
			(id) => document.querySelectorAll("section.section ol")[1]?.querySelector(`[id="${id}"]`) !== null,
			id,
		);
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:stored").length > 0);
		// Event Timing entries arrive after the frame; give them time.
		await page.waitForTimeout(300);
		const t = await page.evaluate((start) => {
			const w = window as unknown as { __keydown: number[] };
			return {
				painted: w.__keydown.length > 0 ? Math.max(...w.__keydown) : 16,
				storedAt: (performance.getEntriesByName("linkletter:stored")[0]?.startTime ?? 0) - start,
			};
		}, start);
		shown.push(t.painted);
		stored.push(t.storedAt);
	}
	return { shown: median(shown), stored: median(stored) };
}

/**
 * The same for a pointer drag, as the issue names it: the last card of the
 * first section dragged by its handle onto the top half of the second
 * section's first card (the two sit either side of the section heading, so
 * both are in view; a drag does not scroll). Times run from the drop: to the
 * next frame painted (Event Timing's "drop" entry, 16 ms when none is
 * reported) and to the move stored. The drop's entry is also split: the
 * time before the page's handlers ran (the browser ending the drag and
 * handing the drop over: input delay) and the handlers' own time; the
 * rest of its duration is the render and paint that follow.
 */
async function dragTime(page: Page): Promise<{ shown: number; stored: number; delay: number; handlers: number }> {
	const shown: number[] = [];
	const stored: number[] = [];
	const delay: number[] = [];
	const handlers: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const { id, target } = await page.evaluate(() => {
			const lists = document.querySelectorAll("section.section ol");
			const cards = lists[0]?.querySelectorAll("article") ?? [];
			const card = cards[cards.length - 1] as HTMLElement;
			const onto = lists[1]?.querySelector("article") as HTMLElement;
			// The boundary between the two sections in the middle of the window: both cards in view.
			onto.scrollIntoView({ block: "center" });
			return { id: card.id, target: onto.id };
		});
		/** Watch for the next drop: its Event Timing duration, its start, and the write it stores. */
		const arm = () =>
			page.evaluate(() => {
				const w = window as unknown as {
					__drop: number[];
					__dropParts: { delay: number; handlers: number }[];
					__dropAt?: number;
					__dropObserver?: PerformanceObserver;
					__onDrop?: () => void;
				};
				w.__drop = [];
				w.__dropParts = [];
				w.__dropAt = undefined;
				w.__dropObserver?.disconnect();
				w.__dropObserver = new PerformanceObserver((list) => {
					for (const e of list.getEntries() as PerformanceEventTiming[]) {
						if (e.name !== "drop") continue;
						w.__drop.push(e.duration);
						w.__dropParts.push({
							delay: e.processingStart - e.startTime,
							handlers: e.processingEnd - e.processingStart,
						});
					}
				});
				w.__dropObserver.observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
				if (w.__onDrop) window.removeEventListener("drop", w.__onDrop, { capture: true });
				w.__onDrop = () => {
					w.__dropAt = performance.now();
				};
				window.addEventListener("drop", w.__onDrop, { capture: true });
				performance.clearMarks("linkletter:stored");
			});
		const landed = () =>
			page
				.waitForFunction(
					(id) => document.querySelectorAll("section.section ol")[1]?.querySelector(`[id="${id}"]`) !== null,
					id,
					{ timeout: 5_000 },
				)
				.then(
					() => true,
					() => false,
				);
		const drag = async () => {
			await arm();
			await page
				.locator(`[id="${id}"] [data-drag]`)
				.dragTo(page.locator(`[id="${target}"]`), { targetPosition: { x: 40, y: 12 } });
		};
		await drag();
		// A synthetic drag now and then ends without a drop on the target (the browser saw no movement
		// over it): that gesture is made once more, and only the drop that moved the card is timed.
		if (!(await landed())) {
			await drag();
			expect(await landed(), "the dragged card reached the next section").toBe(true);
		}
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:stored").length > 0);
		await page.waitForTimeout(300);
		const t = await page.evaluate(() => {
			const w = window as unknown as {
				__drop: number[];
				__dropParts: { delay: number; handlers: number }[];
				__dropAt: number;
			};
			const slowest = w.__dropParts[w.__drop.indexOf(Math.max(...w.__drop))];
			return {
				painted: w.__drop.length > 0 ? Math.max(...w.__drop) : 16,
				delay: slowest?.delay ?? 0,
				handlers: slowest?.handlers ?? 0,
				storedAt: (performance.getEntriesByName("linkletter:stored")[0]?.startTime ?? 0) - w.__dropAt,
			};
		});
		shown.push(t.painted);
		stored.push(t.storedAt);
		delay.push(t.delay);
		handlers.push(t.handlers);
	}
	return { shown: median(shown), stored: median(stored), delay: median(delay), handlers: median(handlers) };
}

/** The page's JS heap after a full collection, in MB (the DevTools protocol's own count). */
async function heapMb(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send("HeapProfiler.collectGarbage");
	const { usedSize } = await cdp.send("Runtime.getHeapUsage");
	await cdp.detach();
	return usedSize / 1024 / 1024;
}

it("options page: open with 10,000 saved links, and with 1,000 in the draft; move a card by key and by drag", async () => {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.id}/options/index.html`);
	await page.getByRole("heading", { name: /draft issue #1/ }).waitFor();
	await seed(page, 10_000, 150);
	const archive = await readyTime(page);
	await page.getByRole("article").nth(149).waitFor({ state: "attached" });
	expect(await page.getByRole("article").count()).toBe(150);
	const archiveMove = await moveTime(page);
	const archiveDrag = await dragTime(page);
	const archiveHeap = await heapMb(page);
	await seed(page, 0, 1_000);
	const big = await readyTime(page);
	const bigMove = await moveTime(page);
	const bigDrag = await dragTime(page);
	const bigHeap = await heapMb(page);
	record([
		{
			measure: `options: navigation → draft painted, 10,000 archived over 200 sent issues + 150 in draft (median of ${RUNS})`,
			value: ms(archive.draft),
			target: "≤ 300 ms",
		},
		{ measure: "options: navigation → export painted, same", value: ms(archive.exported), target: "—" },
		{
			measure: "options: move to another section (key) → next frame painted, same",
			value: ms(archiveMove.shown),
			target: "≤ 20 ms",
		},
		{
			measure: "options: move to another section (key) → stored in IndexedDB, same",
			value: ms(archiveMove.stored),
			target: "—",
		},
		{
			measure: "options: drag to another section (pointer) → next frame painted, same",
			value: ms(archiveDrag.shown),
			target: "≤ 20 ms",
		},
		{
			measure: "options: drag to another section (pointer) → stored in IndexedDB, same",
			value: ms(archiveDrag.stored),
			target: "—",
		},
		{
			measure:
				"options: of that drop's painted time, the browser's delivery of the drop (Event Timing input delay) / the page's drop handlers, same",
			value: `${ms(archiveDrag.delay)} / ${ms(archiveDrag.handlers)}`,
			target: "—",
		},
		{ measure: "options: JS heap, same", value: `${archiveHeap.toFixed(1)} MB`, target: "≤ 100 MB" },
		{
			measure: `options: navigation → draft painted, 1,000 in draft (median of ${RUNS})`,
			value: ms(big.draft),
			target: "≤ 300 ms",
		},
		{ measure: "options: navigation → export painted, 1,000 in draft", value: ms(big.exported), target: "—" },
		{
			measure: "options: move to another section (key) → next frame painted, 1,000 in draft",
			value: ms(bigMove.shown),
			target: "≤ 20 ms",
		},
		{
			measure: "options: move to another section (key) → stored in IndexedDB, 1,000 in draft",
			value: ms(bigMove.stored),
			target: "—",
		},
		{
			measure: "options: drag to another section (pointer) → next frame painted, 1,000 in draft",
			value: ms(bigDrag.shown),
			target: "≤ 20 ms",
		},
		{
			measure: "options: drag to another section (pointer) → stored in IndexedDB, 1,000 in draft",
			value: ms(bigDrag.stored),
			target: "—",
		},
		{
			measure:
				"options: of that drop's painted time, the browser's delivery of the drop (Event Timing input delay) / the page's drop handlers, 1,000 in draft",
			value: `${ms(bigDrag.delay)} / ${ms(bigDrag.handlers)}`,
			target: "—",
		},
		{ measure: "options: JS heap, 1,000 in draft", value: `${bigHeap.toFixed(1)} MB`, target: "≤ 100 MB" },
	]);
	console.log(JSON.stringify({ archive, archiveMove, archiveDrag, archiveHeap, big, bigMove, bigDrag, bigHeap }));
}, 300_000);
