import { browser } from "./browser.ts";

const COUNT_COLOR = "#0e7490";
const SAVED_COLOR = "#15803d";

/** Show the draft's size on the toolbar button; zero shows nothing. */
export async function setBadgeCount(count: number): Promise<void> {
	await browser.action.setBadgeBackgroundColor({ color: COUNT_COLOR });
	await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : "" });
}

/**
 * Mark the toolbar button of one tab: this page is already in Linkletter.
 * The browser clears tab-specific marks when the tab navigates away.
 */
export async function markTabSaved(tabId: number): Promise<void> {
	await browser.action.setBadgeBackgroundColor({ tabId, color: SAVED_COLOR });
	await browser.action.setBadgeText({ tabId, text: "✓" });
	await browser.action.setTitle({ tabId, title: "Saved in Linkletter: click to edit" });
}
