import type { Worker } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useExtensionAndSite } from "./harness.ts";

const env = useExtensionAndSite();

type Chrome = {
	contextMenus: { onClicked: { dispatch(info: object, tab: object): { results: unknown[] } | undefined } };
	action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};

async function worker(): Promise<Worker> {
	return env.ext.context.serviceWorkers()[0] ?? (await env.ext.context.waitForEvent("serviceworker"));
}

/**
 * Click "Save link to Linkletter" on a link, as the browser does: the menu
 * event is dispatched in the worker, and whatever its listeners returned is
 * awaited (the promise of the save, when the listener keeps the chain).
 */
async function saveLinkFromMenu(url: string, text: string): Promise<void> {
	await (await worker()).evaluate(
		async ({ url, text }) => {
			const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
			const dispatched = chrome.contextMenus.onClicked.dispatch(
				{ menuItemId: "save-link", linkUrl: url, linkText: text, editable: false, pageUrl: "https://example.com/" },
				{ id: 1 },
			);
			await Promise.all(dispatched?.results ?? []);
		},
		{ url, text },
	);
}

/** From now on the worker's IndexedDB refuses every add, as a full disk does; returns the undo. */
async function fillDisk(): Promise<() => Promise<void>> {
	const w = await worker();
	await w.evaluate(() => {
		const proto = IDBObjectStore.prototype as IDBObjectStore & { realAdd?: IDBObjectStore["add"] };
		proto.realAdd = proto.add;
		proto.add = () => {
			throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
		};
	});
	return () =>
		w.evaluate(() => {
			const proto = IDBObjectStore.prototype as IDBObjectStore & { realAdd?: IDBObjectStore["add"] };
			if (proto.realAdd) proto.add = proto.realAdd;
		});
}

async function toolbarButton(): Promise<{ badge: string; title: string }> {
	return (await worker()).evaluate(async () => {
		const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
		return { badge: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) };
	});
}

/** Ready to stop the extension's service worker at once, as the browser may at any moment. */
async function workerStopper(): Promise<() => Promise<void>> {
	const page = await env.ext.context.newPage();
	await page.goto(`chrome-extension://${env.ext.id}/options/index.html`);
	const cdp = await env.ext.context.newCDPSession(page);
	const { targetInfos } = (await cdp.send("Target.getTargets")) as {
		targetInfos: { type: string; url: string; targetId: string }[];
	};
	const target = targetInfos.find((t) => t.type === "service_worker" && t.url.includes(env.ext.id));
	if (!target) throw new Error("The extension's service worker is not running");
	return async () => {
		await cdp.send("Target.closeTarget", { targetId: target.targetId });
		await cdp.detach();
		await page.close();
	};
}

async function draftTitles(): Promise<string[]> {
	const options = await env.ext.context.newPage();
	await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
	await options.getByRole("heading", { name: /draft issue #/ }).waitFor();
	const titles = await options
		.getByRole("article")
		.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));
	await options.close();
	return titles.filter((t): t is string => t !== null);
}

describe('"Save link" from the context menu, when things go wrong', () => {
	it('a save the browser refuses shows "!" on the toolbar button with the reason, until the link is saved', async () => {
		const freeDisk = await fillDisk();
		await saveLinkFromMenu("https://example.com/refused", "Refused link");
		await expect.poll(toolbarButton).toEqual({
			badge: "!",
			title: expect.stringContaining("could not save the link https://example.com/refused"),
		});
		expect((await toolbarButton()).title).toContain("no room left to save");
		await freeDisk();
		expect(await draftTitles()).not.toContain("Refused link");
		// Saving it again, with room, clears the mark and counts the draft.
		await saveLinkFromMenu("https://example.com/refused", "Refused link");
		await expect.poll(toolbarButton).toEqual({ badge: "1", title: "Save to Linkletter" });
		expect(await draftTitles()).toContain("Refused link");
	});

	it("a saved link is on disk when the click's event settles, even if the worker is stopped right then", async () => {
		const stop = await workerStopper();
		await saveLinkFromMenu("https://example.com/kept?utm_source=x", "Kept link");
		await stop();
		expect(await draftTitles()).toContain("Kept link");
	});
});

describe("the archive's storage", () => {
	it("is kept by the browser (unlimitedStorage + persist()), and Settings says so", async () => {
		const options = await env.ext.context.newPage();
		await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
		await options.getByRole("button", { name: "Settings" }).click();
		await expect.poll(() => options.getByText(/Archive kept by the browser: (yes|no)/).innerText()).toContain("yes");
		await options.close();
	});
});
