import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFirefox } from "../e2e/browsers/firefox.ts";
import type { Session, Tab } from "../e2e/browsers/session.ts";
import { type SyncEndpoint, SyncRelay } from "../e2e/sync-relay.ts";

const OPT_IN = "Sync the draft through your browser's sync";

/** In an extension page: storage.sync's items, as Firefox holds them for the add-on. */
function syncItems(): Promise<Record<string, unknown>> {
	const g = globalThis as unknown as {
		browser: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
	};
	return g.browser.storage.sync.get(null);
}

/** In an extension page: write and remove storage.sync items, as the sync service would. */
async function applyItems(arg: { set: Record<string, unknown>; remove: string[] }): Promise<void> {
	const g = globalThis as unknown as {
		browser: { storage: { sync: { set(i: object): Promise<void>; remove(n: string[]): Promise<void> } } };
	};
	if (arg.remove.length > 0) await g.browser.storage.sync.remove(arg.remove);
	if (Object.keys(arg.set).length > 0) await g.browser.storage.sync.set(arg.set);
}

/** A Firefox profile's storage.sync, reached through one of the add-on's pages. */
function endpoint(page: Tab): SyncEndpoint {
	return {
		read: () => page.evaluate(syncItems, null),
		apply: (set, remove) => page.evaluate(applyItems, { set, remove }),
	};
}

/** In an extension page: the sent issue as stored in IndexedDB, as JSON. */
function storedIssue(n: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open("linkletter");
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const req = open.result.transaction("issues").objectStore("issues").get(n);
			req.onsuccess = () => {
				resolve(JSON.stringify(req.result ?? null));
				open.result.close();
			};
		};
	});
}

async function optIn(options: Tab): Promise<void> {
	await options.click("button", "Settings");
	await options.focus(OPT_IN);
	await options.press(" ");
	const synced = async () => {
		const text = await options.text();
		return text.includes("Last synced") && !/Last synced\s*Not yet/.test(text);
	};
	await expect.poll(synced, { timeout: 20_000 }).toBe(true);
	await options.click("button", "Draft issue");
}

describe("sync between two Firefox profiles through a relay", () => {
	let sessions: Session[] = [];
	let relay: SyncRelay | undefined;
	afterEach(async () => {
		await relay?.stop();
		for (const s of sessions) await s.close();
		sessions = [];
		expect(relay?.failures ?? [], "deliveries the browser refused to the end").toEqual([]);
	});

	it("capture on one, edit on the other, send on one: the same sent issue and next draft on both", async () => {
		sessions = [await startFirefox(), await startFirefox()];
		const [a, b] = sessions as [Session, Session];
		const pages = [
			await a.openExtensionPage("test/bench/floor.html", "#note"),
			await b.openExtensionPage("test/bench/floor.html", "#note"),
		] as const;
		relay = new SyncRelay([endpoint(pages[0]), endpoint(pages[1])]);
		relay.start();
		const onA = await a.openExtensionPage("options/index.html", "h1");
		const onB = await b.openExtensionPage("options/index.html", "h1");
		await optIn(onA);
		await optIn(onB);

		const page = await a.openPage(`${a.siteOrigin}/article.html`);
		const popup = await a.openExtensionPage(`popup/index.html?tabId=${await a.tabIdOf(page)}`, "#note");
		await expect.poll(() => popup.value("Title")).toBe("Canarying Every Second");
		await popup.type("Captured in Firefox.");
		await popup.press("Control+Enter");
		await expect.poll(() => popup.text("status")).toContain("Saved to Articles.");

		await expect.poll(() => onB.text("article"), { timeout: 30_000 }).toContain("Captured in Firefox.");
		await onB.click("button", "Edit “Canarying Every Second”");
		await onB.fill("Note", "Edited at home.");
		await onB.click("button", "Save");
		await expect.poll(() => onA.text("article"), { timeout: 30_000 }).toContain("Edited at home.");

		// As a curator would, send once the export beside the draft shows the edit too (it follows a frame late).
		await expect.poll(() => onA.value("Markdown"), { timeout: 30_000 }).toContain("Edited at home.");
		await onA.click("button", "Mark as sent");
		await onA.click("button", "Yes, mark #1 as sent");
		for (const options of [onA, onB]) {
			await expect.poll(() => options.has("heading", /draft issue #2/), { timeout: 30_000 }).toBe(true);
			await expect.poll(() => options.text("article"), { timeout: 30_000 }).toBe("");
		}
		const sentOnA = await onA.evaluate(storedIssue, 1);
		expect(sentOnA).toContain("Edited at home.");
		await expect.poll(() => onB.evaluate(storedIssue, 1), { timeout: 30_000 }).toBe(sentOnA);
	});
});

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
