import { browser } from "./browser.ts";

/** Path of the page-reading script in the build (see vite.page.config.ts). */
export const PAGE_SCRIPT = "page.js";

/**
 * Run the page-reading script in the tab's top frame and return what it
 * returned, or undefined when the browser does not let the extension into the
 * page (browser pages, the web store, PDF viewer, file:// without access).
 */
export async function runPageScript<T>(tabId: number): Promise<T | undefined> {
	try {
		const [first] = await browser.scripting.executeScript({
			target: { tabId },
			files: [PAGE_SCRIPT],
		});
		return (first?.result ?? undefined) as T | undefined;
	} catch {
		return undefined;
	}
}
