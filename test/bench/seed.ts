import type { Page } from "playwright-core";

/**
 * Fill the extension's database straight through IndexedDB: `archived`
 * captures spread over sent issues of 50, and `draft` captures in the draft.
 */
export async function seed(page: Page, archived: number, draft: number): Promise<void> {
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
