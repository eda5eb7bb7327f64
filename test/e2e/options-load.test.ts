import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Extension, launchExtension } from "./harness.ts";

let ext: Extension;
let options: Page;

beforeEach(async () => {
	ext = await launchExtension();
	options = await ext.context.newPage();
	await options.goto(`chrome-extension://${ext.id}/options/index.html`);
	await options.getByRole("heading", { name: /draft issue #1/ }).waitFor();
});
afterEach(async () => {
	await ext?.close();
});

/** Store a draft capture and, when `sentIn` is given, a sent issue that featured the same link. */
async function seed(page: Page, note: string, sentIn?: number): Promise<void> {
	await page.evaluate(
		async ({ note, sentIn }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open("linkletter");
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const capture = (id: string, issue: number | null) => ({
				id,
				url: "https://example.com/featured",
				urlKey: "example.com/featured",
				title: "A link worth a second look",
				note,
				section: "articles",
				position: 0,
				createdAt: 1_700_000_000_000,
				updatedAt: 1_700_000_000_000,
				issue,
				issueKey: issue ?? 0,
			});
			const tx = db.transaction(["captures", "issues"], "readwrite");
			tx.objectStore("captures").put(capture("draft-1", null));
			if (sentIn !== undefined) {
				const sent = capture("sent-1", sentIn);
				tx.objectStore("captures").put(sent);
				tx.objectStore("issues").put({
					number: sentIn,
					sentAt: 1_700_000_000_000,
					newsletter: { name: "Weekly", titleTemplate: "{{newsletter}} #{{number}}", sections: [] },
					meta: { number: sentIn, date: "2026-01-01", intro: "", outro: "" },
					captures: [sent],
					templates: {},
				});
			}
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ note, sentIn },
	);
}

describe("opening the options page in Chromium", () => {
	it("reads past issues after the draft is on screen, and the checklist still flags a link featured in one", async () => {
		await seed(options, "Worth it.", 4);
		await options.reload();
		await options.getByRole("article", { name: "A link worth a second look" }).waitFor();
		await options.getByText("“A link worth a second look” was featured in #4.").waitFor();
	});

	it("shows a note's character references decoded, as the export writes them", async () => {
		await seed(options, "Caf&eacute; &amp; bar &#x2603; &lt;b&gt;");
		await options.reload();
		const card = options.getByRole("article", { name: "A link worth a second look" });
		await card.waitFor();
		expect(await card.locator(".note").innerText()).toBe("Café & bar ☃ <b>");
	});
});
