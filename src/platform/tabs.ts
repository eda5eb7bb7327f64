import { browser } from "./browser.ts";

/** What the tab itself tells about a page, without reading the page. */
export interface TabInfo {
	id: number | undefined;
	url: string;
	title: string;
}

/**
 * The tab the curator is looking at: `tabId` when given (tests and the bench
 * open the popup as a page), else the active tab of the last focused window.
 */
export async function activeTab(tabId?: number): Promise<TabInfo | undefined> {
	const tab =
		tabId !== undefined
			? await browser.tabs.get(tabId)
			: (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
	if (!tab) return undefined;
	return {
		id: tab.id,
		url: tab.url ?? tab.pendingUrl ?? "",
		title: tab.title ?? "",
	};
}
