import { browser } from "./browser.ts";

/**
 * Open the capture popup for a tab: the toolbar popup when the browser lets
 * an extension open it (a context-menu click is a user gesture), otherwise a
 * small window told which tab it is for.
 */
export async function openCapturePopup(tabId: number | undefined): Promise<void> {
	try {
		await browser.action.openPopup();
		return;
	} catch {
		// Older browsers, or no focused window: fall back to a popup window.
	}
	const query = tabId === undefined ? "" : `?tabId=${tabId}`;
	await browser.windows.create({
		url: browser.runtime.getURL(`/popup/index.html${query}`),
		type: "popup",
		width: 420,
		height: 560,
	});
}
