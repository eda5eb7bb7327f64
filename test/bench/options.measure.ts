import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Extension, launchExtension } from "../e2e/harness.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 7;
let ext: Extension;

beforeAll(async () => {
	ext = await launchExtension();
});
afterAll(async () => {
	await ext?.close();
});

/**
 * Fill the extension's database straight through IndexedDB: `archived`
 * captures spread over sent issues of 50, and `draft` captures in the draft.
 */
async function seed(page: Page, archived: number, draft: number): Promise<void> {
	await page.evaluate(
		async ({ archived, draft }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open("linkletter");
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const capture = (i: number, issue: number | null) => ({
				id: `seed-${i}`,
				url: `https://example.com/post/${i}`,
				urlKey: `example.com/post/${i}`,
				title: `Post ${i}: a fairly ordinary title for a link`,
				note: `Commentary on post ${i}, with **Markdown** and [a link](https://example.com/ref/${i}).`,
				section: ["articles", "tools", "outages"][i % 3],
				...(i % 3 === 2 ? { group: `Vendor ${i % 13}` } : {}),
				position: i,
				createdAt: 1_700_000_000_000 + i,
				updatedAt: 1_700_000_000_000 + i,
				issue,
				issueKey: issue ?? 0,
			});
			const tx = db.transaction(["captures", "issues"], "readwrite");
			const captures = tx.objectStore("captures");
			captures.clear();
			tx.objectStore("issues").clear();
			for (let n = 0; n * 50 < archived; n++) {
				const rows = [];
				for (let i = n * 50; i < Math.min(archived, n * 50 + 50); i++) rows.push(capture(i, n + 1));
				for (const row of rows) captures.put(row);
				tx.objectStore("issues").put({
					number: n + 1,
					sentAt: 0,
					newsletter: { name: "Bench Weekly", titleTemplate: "{{newsletter}} #{{number}}", sections: [] },
					meta: { number: n + 1, date: "2026-01-01", intro: "", outro: "" },
					captures: rows,
					templates: {},
				});
			}
			for (let i = archived; i < archived + draft; i++) captures.put(capture(i, null));
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ archived, draft },
	);
}

async function readyTime(page: Page): Promise<number> {
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		await page.reload();
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:options-ready").length > 0);
		times.push(await page.evaluate(() => performance.getEntriesByName("linkletter:options-ready")[0]?.startTime ?? 0));
	}
	return median(times);
}

it("options page: open with 10,000 saved links", async () => {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.id}/options/index.html`);
	await page.getByRole("heading", { name: /draft issue #1/ }).waitFor();
	await seed(page, 9_950, 50);
	const archive = await readyTime(page);
	expect(await page.getByRole("article").count()).toBe(50);
	await seed(page, 0, 10_000);
	const allDraft = await readyTime(page);
	// A huge draft shows its first captures per section at once; the rest are a click away.
	expect(await page.getByRole("article").count()).toBe(300);
	record([
		{
			measure: `options ready: 10,000 links (9,950 archived, 50 in draft; median of ${RUNS})`,
			value: ms(archive),
			target: "quick",
		},
		{ measure: `options ready: 10,000 links all in the draft (median of ${RUNS})`, value: ms(allDraft), target: "—" },
	]);
});
