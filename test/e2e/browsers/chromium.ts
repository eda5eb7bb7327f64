import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { launchExtension, serveSite, tabIdFor } from "../harness.ts";
import type { NativeTab, Session, Tab } from "./session.ts";
import { wrapTab } from "./tab.ts";

function nativeTab(page: Page): NativeTab {
	return {
		url: () => page.url(),
		evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
		click: (selector) => page.click(selector),
		focus: (selector) => page.focus(selector),
		type: (text) => page.keyboard.type(text),
		press: (chord) => page.keyboard.press(chord),
		uploadFile: (selector, path) => page.setInputFiles(selector, path),
		async download(action) {
			const [download] = await Promise.all([page.waitForEvent("download"), action()]);
			return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
		},
		bringToFront: () => page.bringToFront(),
		close: () => page.close({ runBeforeUnload: false }),
	};
}

/** The built test extension in a fresh Chromium profile, and the fixture site. */
export async function startChromium(extraRoutes: Record<string, string> = {}): Promise<Session> {
	const site = await serveSite(extraRoutes);
	const ext = await launchExtension();
	const origin = `chrome-extension://${ext.id}`;
	const session: Session = {
		browserName: "Chromium",
		extensionOrigin: origin,
		siteOrigin: site.origin,
		siteRequests: site.requests,
		async openPage(url) {
			const page = await ext.context.newPage();
			await page.goto(url);
			return wrapTab(nativeTab(page));
		},
		async openExtensionPage(path, readySelector = "body *") {
			const page = await ext.context.newPage();
			if (path.startsWith("popup/")) await page.setViewportSize({ width: 400, height: 600 });
			await page.goto(`${origin}/${path}`);
			await page.waitForSelector(readySelector);
			return wrapTab(nativeTab(page));
		},
		async tabIdOf(tab: Tab) {
			const helper = await session.openExtensionPage("test/bench/floor.html", "#note");
			const id = await helper.evaluate(tabIdFor, tab.url());
			await helper.close();
			if (id === undefined) throw new Error(`No tab shows ${tab.url()}`);
			return id;
		},
		async close() {
			await ext.close();
			site.server.close();
		},
	};
	return session;
}
