import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Extension, launchExtension, openPopup, serveSite, tabIdOf } from "./harness.ts";
import { readSync, SyncRelay, worker } from "./sync-relay.ts";

const OPT_IN = "Sync the draft through your browser's sync";
const PLAIN_TITLE = "Lessons From a Launch";

let a: Extension;
let b: Extension;
let site: Awaited<ReturnType<typeof serveSite>>;
let relay: SyncRelay;

beforeEach(async () => {
	site = await serveSite();
	a = await launchExtension();
	b = await launchExtension();
	relay = new SyncRelay([a, b]);
	relay.start();
});
afterEach(async () => {
	await relay?.stop();
	await a?.close();
	await b?.close();
	site?.server.close();
	expect(relay?.failures ?? [], "deliveries the browser refused to the end").toEqual([]);
});

async function options(ext: Extension): Promise<Page> {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.id}/options/index.html`);
	await page.getByRole("heading", { name: /draft issue #/ }).waitFor();
	return page;
}

async function optIn(page: Page): Promise<void> {
	await page.getByRole("button", { name: "Settings" }).click();
	await page.getByLabel(OPT_IN).check();
	await expect.poll(() => page.getByLabel("Sync status").innerText(), { timeout: 15_000 }).not.toContain("Not yet");
	await page.getByRole("button", { name: "Draft issue" }).click();
}

/** The sent issue as stored in the profile's IndexedDB, as JSON. */
function storedIssue(ext: Extension, number: number): Promise<string> {
	return worker(ext).then((w) =>
		w.evaluate(
			(n) =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open("linkletter");
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const req = open.result.transaction("issues").objectStore("issues").get(n);
						req.onsuccess = () => {
							resolve(JSON.stringify(req.result ?? null));
							open.result.close();
						};
					};
				}),
			number,
		),
	);
}

/** Save a page of the fixture site through the popup, with a note. */
async function capture(ext: Extension, path: string, title: string, note: string): Promise<void> {
	const page = await ext.context.newPage();
	await page.goto(`${site.origin}${path}`);
	const popup = await openPopup(ext, await tabIdOf(ext, page));
	await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(title);
	await popup.getByLabel("Note").fill(note);
	await popup.keyboard.press("Control+Enter");
	await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to");
	await popup.close();
	await page.close();
}

async function markSent(page: Page, number: number): Promise<void> {
	await page.getByRole("button", { name: "Mark as sent" }).click();
	await page.getByRole("button", { name: `Yes, mark #${number} as sent` }).click();
	await page.getByRole("heading", { name: new RegExp(`draft issue #${number + 1}`) }).waitFor();
}

describe("the draft follows the curator through storage.sync (two Chromium profiles and a relay)", () => {
	it("capture on one, edit on the other, send on one: both show the same sent issue and the same next draft", async () => {
		const [onA, onB] = [await options(a), await options(b)];
		await optIn(onA);
		await optIn(onB);

		const article = await a.context.newPage();
		await article.goto(`${site.origin}/article.html`);
		const popup = await openPopup(a, await tabIdOf(a, article));
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("Canarying Every Second");
		await popup.getByLabel("Note").fill("Captured on the laptop.");
		await popup.keyboard.press("Control+Enter");
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to Articles.");

		// The item is in A's storage.sync, and reaches B's open options page without a reload.
		await expect.poll(async () => Object.keys(await readSync(a)).some((k) => k.startsWith("r:c:"))).toBe(true);
		const cardOnB = onB.getByRole("article", { name: "Canarying Every Second" });
		await expect.poll(() => cardOnB.innerText(), { timeout: 20_000 }).toContain("Captured on the laptop.");

		await onB.getByRole("button", { name: "Edit “Canarying Every Second”" }).click();
		await onB.getByLabel("Note").fill("Edited at home.");
		await onB.getByRole("button", { name: "Save", exact: true }).click();
		const cardOnA = onA.getByRole("article", { name: "Canarying Every Second" });
		await expect.poll(() => cardOnA.innerText(), { timeout: 20_000 }).toContain("Edited at home.");

		await onA.getByRole("button", { name: "Mark as sent" }).click();
		await onA.getByRole("button", { name: "Yes, mark #1 as sent" }).click();
		for (const page of [onA, onB]) {
			await page.getByRole("heading", { name: /draft issue #2/ }).waitFor({ timeout: 20_000 });
			// The next draft's number and the sent issue may arrive in either order; both land.
			await expect.poll(() => page.getByRole("article").count(), { timeout: 20_000 }).toBe(0);
			await page.getByRole("button", { name: "Past issues" }).click();
			await page.getByRole("button", { name: /^#1 · .* · 1 link/ }).waitFor({ timeout: 20_000 });
		}
		await expect.poll(() => storedIssue(b, 1), { timeout: 20_000 }).toBe(await storedIssue(a, 1));
		expect(await storedIssue(a, 1)).toContain("Edited at home.");
		// The relay really did deliver late, out of order and twice.
		expect(
			relay.deliveries.some((d, i) => relay.deliveries.slice(0, i).some((e) => e.item === d.item && e.to === d.to)),
		).toBe(true);
	});

	it("both press Mark as sent for the same number while apart: one issue, the same bytes, nothing lost", async () => {
		const [onA, onB] = [await options(a), await options(b)];
		await optIn(onA);
		await optIn(onB);
		await capture(a, "/article.html", "Canarying Every Second", "Both have this one.");
		await onB.getByRole("article", { name: "Canarying Every Second" }).waitFor({ timeout: 20_000 });

		// The devices lose touch; each sends #1, B with one more capture A never saw.
		await relay.stop();
		await capture(b, "/plain.html", PLAIN_TITLE, "Only B had this one.");
		await onB.getByRole("article", { name: PLAIN_TITLE }).waitFor();
		await markSent(onA, 1);
		await markSent(onB, 1);
		relay.start();

		// A sent first: its #1 is the one both keep; B's extra capture returns to the next draft, on both.
		for (const page of [onA, onB]) {
			await page.getByRole("article", { name: PLAIN_TITLE }).waitFor({ timeout: 20_000 });
			await expect.poll(() => page.getByRole("article").count()).toBe(1);
		}
		await expect.poll(() => storedIssue(b, 1), { timeout: 20_000 }).toBe(await storedIssue(a, 1));
		const sent = JSON.parse(await storedIssue(a, 1)) as { captures: { note: string }[] };
		expect(sent.captures.map((c) => c.note)).toEqual(["Both have this one."]);
		expect(await onB.getByRole("article", { name: PLAIN_TITLE }).innerText()).toContain("Only B had this one.");
	});
});
