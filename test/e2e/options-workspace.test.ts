import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Extension, launchExtension, ROOT } from "./harness.ts";

let ext: Extension;
let options: Page;

const optionsUrl = () => `chrome-extension://${ext.id}/options/index.html`;
const titlesIn = (section: string) =>
	options
		.getByRole("region", { name: new RegExp(`^${section}`) })
		.getByRole("article")
		.evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")));
const focusedCard = () =>
	options.evaluate(() => document.activeElement?.closest("article")?.getAttribute("aria-label"));
const markdown = () => options.getByLabel("Markdown", { exact: true }).inputValue();

/**
 * Close the tab as the curator does: whether the page asked first ("Leave
 * site?"). Asked, the curator stays: the prompt is dismissed and the tab
 * stays open; not asked, the tab is gone.
 */
async function askedOnClose(): Promise<boolean> {
	const asked = options
		.waitForEvent("dialog")
		.then(async (dialog) => {
			expect(dialog.type()).toBe("beforeunload");
			await dialog.dismiss();
			return true;
		})
		.catch(() => false);
	const closed = options
		.waitForEvent("close")
		.then(() => false)
		.catch(() => false);
	await options.close({ runBeforeUnload: true });
	const result = await Promise.race([asked, closed]);
	expect(options.isClosed()).toBe(!result);
	return result;
}

/**
 * Another window's long write: a transaction on the captures store, kept
 * busy from the worker until released, so a page's own write waits behind
 * it (as it does behind a big import). Resolves with the release, which
 * resolves once that transaction has committed.
 */
async function holdCaptures(): Promise<() => Promise<void>> {
	const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent("serviceworker"));
	type Held = { release?: boolean; done?: Promise<void> };
	await worker.evaluate(
		() =>
			new Promise<void>((held, failed) => {
				const open = indexedDB.open("linkletter");
				open.onerror = () => failed(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction("captures", "readwrite");
					const state = globalThis as unknown as Held;
					state.release = false;
					state.done = new Promise((committed) => {
						tx.oncomplete = () => {
							db.close();
							committed();
						};
					});
					const store = tx.objectStore("captures");
					const spin = () => {
						if (!state.release) store.get("no such capture").onsuccess = spin;
					};
					store.get("no such capture").onsuccess = () => {
						held();
						spin();
					};
				};
			}),
	);
	return () =>
		worker.evaluate(async () => {
			const state = globalThis as unknown as Held;
			state.release = true;
			await state.done;
		});
}

beforeEach(async () => {
	ext = await launchExtension();
	options = await ext.context.newPage();
	await options.goto(optionsUrl());
	await options
		.getByLabel("Import issue file")
		.setInputFiles(join(ROOT, "test/fixtures/issues/sre-weekly-90/issue.json"));
	await options.getByRole("heading", { name: "SRE Weekly: draft issue #90" }).waitFor();
	await options.getByRole("article", { name: "Canarying Every Second" }).waitFor();
});
afterEach(async () => {
	await ext?.close();
});

describe("the draft workspace in Chromium", () => {
	it("renders at the intended size (not Chromium's 75 % for extension pages); the export pane stays in view", async () => {
		expect(await options.evaluate(() => getComputedStyle(document.body).fontSize)).toBe("14px");
		const hint = await options
			.locator(".help")
			.first()
			.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
		const label = await options
			.locator("label")
			.first()
			.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
		expect(hint).toBeLessThan(label);
		await options.getByRole("article").last().scrollIntoViewIfNeeded();
		const copy = await options.getByRole("button", { name: "Copy" }).boundingBox();
		const height = options.viewportSize()?.height ?? 0;
		expect(copy && copy.y >= 0 && copy.y + copy.height <= height).toBe(true);
	});

	it("reaches Copy with a skip link, in three Tab presses", async () => {
		await options.reload();
		await options.getByRole("article", { name: "Canarying Every Second" }).waitFor();
		await options.keyboard.press("Tab");
		await options.keyboard.press("Tab");
		expect(await options.evaluate(() => document.activeElement?.textContent)).toBe("Skip to export and send");
		await options.keyboard.press("Enter");
		for (let i = 0; i < 3 && (await options.evaluate(() => document.activeElement?.textContent)) !== "Copy"; i++) {
			await options.keyboard.press("Tab");
		}
		expect(await options.evaluate(() => document.activeElement?.textContent)).toBe("Copy");
	});

	it("moves a card by keyboard and by drag and drop, the export follows, and Undo in the toast puts it back", async () => {
		const before = await titlesIn("Articles");
		const third = before[2] as string;
		await options.getByRole("article", { name: third }).getByRole("link", { name: third }).focus();
		await options.keyboard.press("Alt+ArrowUp");
		await expect.poll(() => titlesIn("Articles")).toEqual([before[0], third, before[1], ...before.slice(3)]);
		await expect
			.poll(() => options.getByRole("status", { name: "Last action" }).innerText())
			.toContain(`Moved “${third}” to 2 of ${before.length} in Articles.`);
		expect(await focusedCard()).toBe(third);
		await options.keyboard.press("Alt+ArrowRight");
		// The SRE Weekly sections read Articles, Outages, Tools: Alt+→ goes on to the top of Outages.
		await expect.poll(async () => (await titlesIn("Outages"))[0]).toBe(third);
		const url = await options.getByRole("link", { name: third }).getAttribute("href");
		const outages = async () => (await markdown()).split("## Outages")[1] ?? "";
		await expect.poll(outages).toContain(`(${url})`);
		expect(await focusedCard()).toBe(third);
		await options.keyboard.press("Control+z");
		await expect.poll(async () => (await titlesIn("Outages")).includes(third)).toBe(false);
		await expect.poll(outages).not.toContain(`(${url})`);

		// Drag the third article onto the top half of the first (both in view: a drag does not scroll).
		const now = await titlesIn("Articles");
		const dragged = now[2] as string;
		await options.getByRole("article", { name: now[0] as string }).evaluate((el) => el.scrollIntoView());
		const handle = options.getByRole("article", { name: dragged }).locator("[data-drag]");
		await handle.dragTo(options.getByRole("article", { name: now[0] as string }), { targetPosition: { x: 40, y: 5 } });
		await expect.poll(() => titlesIn("Articles")).toEqual([dragged, now[0], now[1], ...now.slice(3)]);
		const last = dragged;
		await options.reload();
		await options.getByRole("article", { name: last }).waitFor();
		expect((await titlesIn("Articles"))[0]).toBe(last);
		await options.getByRole("button", { name: "Undo" }).waitFor({ state: "detached" });
	});

	it("delete shows Undo beside the draft; focus goes to the next card, and back to the restored card", async () => {
		const titles = await titlesIn("Articles");
		const [first, second] = titles as [string, string];
		await options.getByRole("button", { name: `Delete “${first}”` }).click();
		await expect.poll(focusedCard).toBe(second);
		const undo = options.getByRole("button", { name: "Undo" });
		const box = await undo.boundingBox();
		expect(box && box.y > (options.viewportSize()?.height ?? 0) / 2).toBe(true);
		await undo.click();
		await expect.poll(focusedCard).toBe(first);
		await expect.poll(() => titlesIn("Articles")).toEqual(titles);
	});

	it("a move shown before the tab closed is kept, although its write was still waiting for the database", async () => {
		const moved = (await titlesIn("Articles"))[0] as string;
		const release = await holdCaptures();
		await options.getByRole("article", { name: moved }).focus();
		await options.keyboard.press("Alt+ArrowRight");
		await expect.poll(async () => (await titlesIn("Outages"))[0]).toBe(moved);
		// The tab closes while its write waits behind the other one. It lands all the same, because the page
		// issued it with the move (the browser finishes what a closed page asked of it); a write put off to a
		// timer would have gone with the tab.
		await options.close();
		await release();
		options = await ext.context.newPage();
		await options.goto(optionsUrl());
		await options.getByRole("article", { name: moved }).waitFor();
		expect((await titlesIn("Outages"))[0]).toBe(moved);
		expect(await titlesIn("Articles")).not.toContain(moved);
	});

	it("an intro typed just before the tab closes is kept (it saves itself half a second after the last key)", async () => {
		await options.getByLabel("Intro", { exact: true }).fill("Typed, and the tab closed at once.");
		await options.close();
		options = await ext.context.newPage();
		await options.goto(optionsUrl());
		await expect
			.poll(() => options.getByLabel("Intro", { exact: true }).inputValue())
			.toBe("Typed, and the tab closed at once.");
	});

	it("closing the tab with an edit or a setting not saved asks first; staying keeps what was typed", async () => {
		const title = (await titlesIn("Articles"))[0] as string;
		await options.getByRole("button", { name: `Edit “${title}”` }).click();
		await options.getByLabel("Note", { exact: true }).fill("A note I have not saved yet.");
		expect(await askedOnClose()).toBe(true);
		expect(await options.getByLabel("Note", { exact: true }).inputValue()).toBe("A note I have not saved yet.");
		await options.getByRole("button", { name: "Save", exact: true }).click();
		await options.getByRole("article", { name: title }).getByText("A note I have not saved yet.").waitFor();

		await options.getByRole("button", { name: "Settings" }).click();
		// A trailing space is not an edit: saved, the name is trimmed.
		await options.getByLabel("Newsletter name").fill("Unsaved Weekly ");
		expect(await askedOnClose()).toBe(true);
		expect(await options.getByLabel("Newsletter name").inputValue()).toBe("Unsaved Weekly ");
		await options.getByRole("button", { name: "Save settings" }).click();
		await options.getByText("Settings saved.").waitFor();
		expect(await askedOnClose()).toBe(false);
	});

	it("a setting saved in another tab reaches this tab's draft and export title without a reload", async () => {
		const other = await ext.context.newPage();
		await other.goto(optionsUrl());
		await other.getByRole("button", { name: "Settings" }).click();
		await other.getByLabel("Newsletter name").fill("Renamed Weekly");
		await other.getByLabel("Issue title").fill("{{newsletter}} No. {{number}}");
		await other.getByRole("button", { name: "Save settings" }).click();
		await other.getByText("Settings saved.").waitFor();
		await expect.poll(markdown).toMatch(/^# Renamed Weekly No\. 90\n/);
		await options.getByRole("heading", { name: "Renamed Weekly: draft issue #90" }).waitFor();
		// And this tab's own settings view reaches its own draft view.
		await options.getByRole("button", { name: "Settings" }).click();
		await options.getByLabel("Newsletter name").fill("Own Tab Weekly");
		await options.getByRole("button", { name: "Save settings" }).click();
		await options.getByText("Settings saved.").waitFor();
		await options.getByRole("button", { name: "Draft issue" }).click();
		await expect.poll(markdown).toMatch(/^# Own Tab Weekly No\. 90\n/);
	});
});
