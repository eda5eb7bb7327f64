import type { TabInfo } from "./tabs.ts";

type RawTab = { id?: number; url?: string; pendingUrl?: string; title?: string };
/** The few calls the popup's first load makes, as both browsers' own MV3 APIs type them. */
interface DirectApi {
	tabs: {
		get(id: number): Promise<RawTab | undefined>;
		query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<RawTab[]>;
	};
	runtime: {
		sendMessage(message: unknown): Promise<unknown>;
	};
	scripting: {
		executeScript(o: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]>;
	};
}

/**
 * The browser's own extension API, without webextension-polyfill: what the
 * popup calls before it is ready to type. Both browsers' MV3 APIs return
 * promises (Chrome since 88, our floor is 111), which is all the polyfill
 * would add to these calls, and the polyfill alone is more code than the
 * popup's first script (test/bench/popup.measure.ts counts it). Everything
 * else goes through browser.ts.
 */
export function directApi(): DirectApi | undefined {
	const g = globalThis as { browser?: DirectApi; chrome?: DirectApi };
	return g.browser ?? g.chrome;
}

/** The same answer as activeTab(), asked without the polyfill (see directApi). */
export async function firstTab(tabId?: number): Promise<TabInfo | undefined> {
	const tabs = directApi()?.tabs;
	if (!tabs) return undefined;
	const tab =
		tabId !== undefined ? await tabs.get(tabId) : (await tabs.query({ active: true, lastFocusedWindow: true }))[0];
	if (!tab) return undefined;
	return { id: tab.id, url: tab.url ?? tab.pendingUrl ?? "", title: tab.title ?? "" };
}
