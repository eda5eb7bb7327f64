import { it } from "vitest";
import { startChromium } from "../e2e/browsers/chromium.ts";
import { firefoxPath, startFirefox } from "../e2e/browsers/firefox.ts";
import type { Session } from "../e2e/browsers/session.ts";
import { mediumArticle } from "./medium-article.ts";
import { median, ms, record } from "./report.ts";

const RUNS = 20;

/** In the page: when the bench's probe (floor.probe.ts) saw the first painted frame ready to type, from navigation start. */
async function readyMark(): Promise<number> {
	// The probe's mark (its global may be out of a driver's reach in Firefox); a frame or two at most.
	const name = "linkletter:ready-painted";
	for (let i = 0; i < 600; i++) {
		const mark = performance.getEntriesByName(name)[0];
		if (mark) return mark.startTime;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error("No ready-to-type probe: is this the test build?");
}

/**
 * The same article, the same method in both browsers: the driver opens the
 * popup (told the article's tab) and the blank floor page as tabs, and each
 * reports the time from its own navigation start to the first painted frame
 * "ready to type" (URL and title shown, focus in Note), seen by the same
 * probe the test build puts first into both pages. Opening the real toolbar popup is not
 * something either driver can do, so both are measured as tabs.
 */
async function measure(session: Session): Promise<{ popup: number; floor: number }> {
	const article = await session.openPage(`${session.siteOrigin}/medium.html`);
	const tabId = await session.tabIdOf(article);
	const popup: number[] = [];
	const floor: number[] = [];
	for (let i = 0; i < RUNS + 2; i++) {
		const f = await session.openExtensionPage("test/bench/floor.html", "#note");
		const floorReady = await f.evaluate(readyMark, null);
		await f.close();
		const p = await session.openExtensionPage(`popup/index.html?tabId=${tabId}`, "#note");
		const popupReady = await p.evaluate(readyMark, null);
		await p.close();
		// Two warm-up rounds, as a curator's second click would find the caches.
		if (i < 2) continue;
		floor.push(floorReady);
		popup.push(popupReady);
	}
	return { popup: median(popup), floor: median(floor) };
}

it("popup ready to type in Chromium and in Firefox, same page, same method", async () => {
	const routes = { "/medium.html": mediumArticle() };
	const rows = [];
	const starts: [string, () => Promise<Session>][] = [["Chromium", () => startChromium(routes)]];
	if (firefoxPath()) starts.push(["Firefox", () => startFirefox(routes)]);
	for (const [name, start] of starts) {
		const session = await start();
		try {
			const { popup, floor } = await measure(session);
			rows.push(
				{ measure: `${name}: popup ready to type, as a tab (median of ${RUNS})`, value: ms(popup), target: "—" },
				{ measure: `${name}: floor page, as a tab (median of ${RUNS})`, value: ms(floor), target: "—" },
				{ measure: `${name}: popup / floor, as a tab`, value: `${(popup / floor).toFixed(2)}×`, target: "—" },
			);
		} finally {
			await session.close();
		}
	}
	if (!firefoxPath())
		rows.push({ measure: "Firefox: popup ready to type", value: "Firefox not installed", target: "—" });
	record(rows);
});
