import { browser } from "./browser.ts";

/** Show a count on the toolbar button; zero shows nothing. */
export async function setBadgeCount(count: number): Promise<void> {
	await browser.action.setBadgeBackgroundColor({ color: "#0e7490" });
	await browser.action.setBadgeText({
		text: count > 0 ? String(Math.min(count, 999)) : "",
	});
}
