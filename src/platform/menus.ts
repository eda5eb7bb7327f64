import { browser } from "./browser.ts";

export type MenuId = "save-page" | "save-link" | "save-selection";

/** What a context-menu click tells about where it happened. */
export interface MenuClick {
	menuId: MenuId;
	tabId: number | undefined;
	pageUrl: string | undefined;
	linkUrl: string | undefined;
	/** Firefox gives the link's text; Chrome gives only a selection, if any. */
	linkText: string | undefined;
	selectionText: string | undefined;
}

/** (Re)create Linkletter's context-menu entries. */
export async function createMenus(): Promise<void> {
	await browser.contextMenus.removeAll();
	browser.contextMenus.create({ id: "save-page", title: "Save page to Linkletter", contexts: ["page"] });
	browser.contextMenus.create({
		id: "save-link",
		title: "Save link to Linkletter",
		contexts: ["link"],
		// Only web links can be saved; the entry does not show on others.
		targetUrlPatterns: ["http://*/*", "https://*/*"],
	});
	browser.contextMenus.create({ id: "save-selection", title: "Save selection as quote", contexts: ["selection"] });
}

/**
 * Listen for clicks on Linkletter's context-menu entries. The listener's
 * promise is returned to the browser's event, so the work stays one chain
 * inside the event that woke the worker.
 */
export function onMenuClick(listener: (click: MenuClick) => void | Promise<void>): void {
	browser.contextMenus.onClicked.addListener((info, tab) => {
		return listener({
			menuId: String(info.menuItemId) as MenuId,
			tabId: tab?.id,
			pageUrl: info.pageUrl ?? tab?.url,
			linkUrl: info.linkUrl,
			linkText: (info as { linkText?: string }).linkText,
			selectionText: info.selectionText,
		});
	});
}

/** Run `listener` when the extension is installed or updated (menus are created then). */
export function onInstalled(listener: () => void): void {
	browser.runtime.onInstalled.addListener(() => listener());
}
