import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { ROOT, serveSite, tabIdFor } from "../harness.ts";
import type { NativeTab, Session, Tab } from "./session.ts";
import { wrapTab } from "./tab.ts";

export const FIREFOX_TEST_DIST = join(ROOT, "dist/firefox-test");
/** A fixed moz-extension host, so tests can open the extension's pages by URL. */
const UUID = "6f1d3a52-3b7e-4c8a-9a41-0c2b9e5d7f18";

/** Debian's Firefox ESR, or whatever FIREFOX_PATH names. Never a downloaded browser. */
export function firefoxPath(): string | undefined {
	return [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"].find(
		(p): p is string => !!p && existsSync(p),
	);
}

const MODIFIERS: Record<string, "Control" | "Shift" | "Alt" | "Meta"> = {
	Control: "Control",
	Shift: "Shift",
	Alt: "Alt",
	Meta: "Meta",
};

function nativeTab(page: Page, downloads: string): NativeTab {
	return {
		url: () => page.url(),
		evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
		async click(selector) {
			// Scrolled to the middle when out of view or low in the window, as a person scrolls to what they
			// click: the undo toast fixed at the window's bottom would otherwise take a click meant for a
			// button under it (puppeteer clicks a point). What is in view already is left where it is: scrolling
			// to a button in the sticky export pane pushed the page to the pane's end, where the cards painted
			// after load moved the button from under the point.
			await page.$eval(selector, (el) => {
				const box = el.getBoundingClientRect();
				const inView = box.top >= 0 && box.bottom <= innerHeight * 0.75 && box.left >= 0 && box.right <= innerWidth;
				if (!inView) el.scrollIntoView({ block: "center", inline: "nearest" });
			});
			for (let attempt = 0; ; attempt++) {
				// Clicked once it holds still, as Playwright waits for a stable element; the element notes
				// whether the click reached it.
				await page.$eval(
					selector,
					(el) =>
						new Promise<void>((resolve) => {
							const w = window as unknown as { __clickReached?: boolean };
							w.__clickReached = false;
							el.addEventListener(
								"click",
								() => {
									w.__clickReached = true;
								},
								{ capture: true, once: true },
							);
							let last = "";
							let tries = 40;
							const look = () => {
								const box = el.getBoundingClientRect();
								const now = `${box.x},${box.y},${box.width},${box.height}`;
								if (now === last || tries-- === 0) return resolve();
								last = now;
								// A timer, not a frame: a page in a background tab gets no animation frames.
								setTimeout(look, 40);
							};
							look();
						}),
				);
				await page.click(selector);
				// A layout change between the point taken and the click (cards painted in batches after load)
				// can leave the point off the element: then it is clicked once more, as a person would.
				const reached = await page
					.evaluate(() => (window as unknown as { __clickReached?: boolean }).__clickReached !== false)
					.catch(() => true);
				if (reached || attempt === 1) return;
			}
		},
		focus: (selector) => page.focus(selector),
		type: (text) => page.keyboard.type(text),
		async press(chord) {
			const keys = chord.split("+");
			const key = keys.pop() as never;
			const held = keys.map((k) => MODIFIERS[k] ?? (k as never));
			for (const m of held) await page.keyboard.down(m as never);
			await page.keyboard.press(key);
			for (const m of held.reverse()) await page.keyboard.up(m as never);
		},
		async uploadFile(selector, path) {
			const input = await page.$(selector);
			if (!input) throw new Error(`No ${selector}`);
			await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
		},
		async download(action) {
			const before = new Set(readdirSync(downloads));
			await action();
			const end = Date.now() + 10_000;
			let last = "";
			for (;;) {
				const names = readdirSync(downloads).filter((f) => !before.has(f));
				const done = names.filter((f) => !f.endsWith(".part"));
				// Firefox writes NAME.part beside an empty NAME, then moves it over: done once no
				// .part is left and the size held still between two looks.
				const size = done.map((f) => `${f}:${statSync(join(downloads, f)).size}`).join();
				if (done[0] && names.length === done.length && size === last)
					return { name: done[0], text: readFileSync(join(downloads, done[0]), "utf8") };
				last = size;
				if (Date.now() > end) throw new Error("No download arrived");
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		bringToFront: () => page.bringToFront(),
		close: () => page.close(),
	};
}

/**
 * The built Firefox test extension as a temporary add-on in a fresh Firefox
 * profile, driven over WebDriver BiDi, and the fixture site.
 */
export async function startFirefox(
	extraRoutes: Record<string, string> = {},
	dist = FIREFOX_TEST_DIST,
): Promise<Session> {
	const executablePath = firefoxPath();
	if (!executablePath) throw new Error("No Firefox found: apt-get install firefox-esr, or set FIREFOX_PATH.");
	if (!existsSync(join(dist, "manifest.json"))) throw new Error(`No build at ${dist}: run npm run build:test:firefox`);
	const geckoId = JSON.parse(readFileSync(join(dist, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
	const downloads = mkdtempSync(join(tmpdir(), "linkletter-ff-downloads-"));
	const site = await serveSite(extraRoutes);
	const browser = await puppeteer.launch({
		browser: "firefox",
		executablePath,
		headless: true,
		// moz-extension:// pages may be opened by the driver only with this flag.
		args: ["--remote-allow-system-access"],
		extraPrefsFirefox: {
			"extensions.webextensions.uuids": JSON.stringify({ [geckoId]: UUID }),
			"browser.download.folderList": 2,
			"browser.download.dir": downloads,
			"browser.download.useDownloadDir": true,
			"browser.download.always_ask_before_handling_new_types": false,
			"browser.download.alwaysOpenPanel": false,
		},
	});
	await browser.installExtension(dist);
	const origin = `moz-extension://${UUID}`;
	const session: Session = {
		browserName: "Firefox",
		extensionOrigin: origin,
		siteOrigin: site.origin,
		siteRequests: site.requests,
		async openPage(url) {
			const page = await browser.newPage();
			if (/^https?:/.test(url)) {
				await page.goto(url);
				return wrapTab(nativeTab(page, downloads));
			}
			// Browser pages (about:…) never report load to the driver, nor their address: the tab
			// does navigate (tabIdOf finds it by this address).
			void page.goto(url).catch(() => {});
			return wrapTab({ ...nativeTab(page, downloads), url: () => url });
		},
		async openExtensionPage(path, readySelector = "body *") {
			const page = await browser.newPage();
			if (path.startsWith("popup/")) {
				// Puppeteer sends a screen orientation alongside the size; Firefox 140.12 ESR applies the size and
				// refuses the orientation (unknown command emulation.setScreenOrientationOverride).
				await page.setViewport({ width: 400, height: 600 }).catch((error: unknown) => {
					if (!String(error).includes("setScreenOrientationOverride")) throw error;
				});
			}
			// Firefox may never report that an extension page loaded: wait for an element instead.
			void page.goto(`${origin}/${path}`).catch(() => {});
			// Polled by hand: while the tab swaps about:blank for the extension page, the driver's own
			// waitForSelector can fail with a protocol error instead of waiting.
			const end = Date.now() + 15_000;
			const ready = () =>
				page
					.evaluate(({ s, o }) => location.origin === o && document.querySelector(s) !== null, {
						s: readySelector,
						o: origin,
					})
					.catch(() => false);
			while (!(await ready())) {
				if (Date.now() > end) throw new Error(`${path} did not show ${readySelector}`);
				await new Promise((r) => setTimeout(r, 20));
			}
			return wrapTab(nativeTab(page, downloads));
		},
		async tabIdOf(tab: Tab) {
			const helper = await session.openExtensionPage("test/bench/floor.html", "#note");
			let id: number | undefined;
			for (let tries = 0; id === undefined && tries < 50; tries++) {
				id = await helper.evaluate(tabIdFor, tab.url());
				if (id === undefined) await new Promise((r) => setTimeout(r, 100));
			}
			await helper.close();
			if (id === undefined) throw new Error(`No tab shows ${tab.url()}`);
			return id;
		},
		async close() {
			await browser.close();
			site.server.close();
			rmSync(downloads, { recursive: true, force: true });
		},
	};
	return session;
}
