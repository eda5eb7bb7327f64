import { browser } from "./browser.ts";

const COUNT_COLOR = "#0e7490";
const SAVED_COLOR = "#15803d";
const FAILED_COLOR = "#b91c1c";
/** The toolbar button's title when nothing needs saying (manifest.json's default_title). */
const DEFAULT_TITLE = "Save to Linkletter";
const FAILED_PREFIX = "Linkletter could not save";

/** Whether the toolbar button is showing a failed save the curator has not dealt with yet. */
async function showingFailure(): Promise<boolean> {
	return (await browser.action.getTitle({})).startsWith(FAILED_PREFIX);
}

/** Show the draft's size on the toolbar button; zero shows nothing. A failure being shown is left in place. */
export async function setBadgeCount(count: number): Promise<void> {
	if (await showingFailure()) return;
	await browser.action.setBadgeBackgroundColor({ color: COUNT_COLOR });
	await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : "" });
}

/**
 * A save made without a window to report in (the context menu's "Save link")
 * failed: the toolbar button shows "!" and its title says what failed and why,
 * until a later save succeeds (clearSaveFailure).
 */
export async function showSaveFailure(what: string, reason: string): Promise<void> {
	await browser.action.setBadgeBackgroundColor({ color: FAILED_COLOR });
	await browser.action.setBadgeText({ text: "!" });
	await browser.action.setTitle({ title: `${FAILED_PREFIX} ${what}: ${reason}` });
}

/** Storage works again: the toolbar button stops showing the failed save. */
export async function clearSaveFailure(): Promise<void> {
	if (!(await showingFailure())) return;
	await browser.action.setTitle({ title: DEFAULT_TITLE });
	await browser.action.setBadgeText({ text: "" });
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
