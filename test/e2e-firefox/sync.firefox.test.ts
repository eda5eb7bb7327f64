import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFirefox } from "../e2e/browsers/firefox.ts";
import type { Session } from "../e2e/browsers/session.ts";

const OPT_IN = "Sync the draft through your browser's sync";

/** In an extension page: storage.sync's items, as Firefox holds them for the add-on. */
function syncItems(): Promise<Record<string, unknown>> {
	const g = globalThis as unknown as {
		browser: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
	};
	return g.browser.storage.sync.get(null);
}

describe("sync in Firefox: the local half (opt-in, status, items in storage.sync)", () => {
	let session: Session;
	beforeEach(async () => {
		session = await startFirefox();
	});
	afterEach(async () => {
		await session?.close();
	});

	it("opts in, writes a capture to storage.sync as items, and shows the status", async () => {
		const options = await session.openExtensionPage("options/index.html", "h1");
		await options.click("button", "Settings");
		expect(Object.keys(await options.evaluate(syncItems, null))).toEqual([]);
		// As from the keyboard: focus the checkbox by its label, press Space.
		await options.focus(OPT_IN);
		await options.press(" ");
		const synced = async () => {
			const text = await options.text();
			return text.includes("Last synced") && !/Last synced\s*Not yet/.test(text);
		};
		await expect.poll(synced, { timeout: 20_000 }).toBe(true);

		const page = await session.openPage(`${session.siteOrigin}/article.html`);
		const popup = await session.openExtensionPage(`popup/index.html?tabId=${await session.tabIdOf(page)}`, "#note");
		await expect.poll(() => popup.value("Title")).toBe("Canarying Every Second");
		await popup.type("Saved in Firefox.");
		await popup.press("Control+Enter");
		await expect.poll(() => popup.text("status")).toContain("Saved to Articles.");

		await expect
			.poll(async () => Object.keys(await options.evaluate(syncItems, null)).filter((k) => k.startsWith("r:c:")), {
				timeout: 20_000,
			})
			.toHaveLength(1);
		const items = await options.evaluate(syncItems, null);
		expect(JSON.stringify(items)).toContain("Saved in Firefox.");
		await expect.poll(() => options.text(), { timeout: 20_000 }).toMatch(/[1-9]\d* of 512 items/);
	});
});
