import { directApi } from "./direct.ts";

/**
 * Path of the page-reading script in the build (see vite.page.config.ts).
 * Absolute: Firefox resolves `files` against the calling page (popup/), Chrome
 * against the extension root; a leading slash means the root in both.
 */
export const PAGE_SCRIPT = "/page.js";

/**
 * How long the popup waits for a page to answer. A page whose main thread
 * is stuck (a runaway script) would otherwise keep the popup waiting forever;
 * past this the page counts as unreadable and the tab's own URL and title
 * are used.
 */
export const PAGE_SCRIPT_TIMEOUT_MS = 1500;

/**
 * Run the page-reading script in the tab's top frame and return what it
 * returned, or undefined when the browser does not let the extension into the
 * page (browser pages, the web store, PDF viewer, file:// without access) or
 * the page does not answer in time.
 */
export async function runPageScript<T>(tabId: number, timeoutMs = PAGE_SCRIPT_TIMEOUT_MS): Promise<T | undefined> {
	// Asked without the polyfill: only the popup reads pages, and it does so while it is loading (see directApi).
	const scripting = directApi()?.scripting;
	if (!scripting) return undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<undefined>((resolve) => {
		timer = setTimeout(() => resolve(undefined), timeoutMs);
	});
	const run = scripting
		.executeScript({ target: { tabId }, files: [PAGE_SCRIPT] })
		.then(([first]) => (first?.result ?? undefined) as T | undefined)
		.catch(() => undefined);
	try {
		return await Promise.race([run, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
