import { countDraft } from "./db/captures.ts";
import { type DB, openDatabase } from "./db/open.ts";
import { saveLink } from "./db/save-link.ts";
import { clearSaveFailure, setBadgeCount, showSaveFailure } from "./platform/badge.ts";
import { onChangeMessage } from "./platform/changes.ts";
import { newId } from "./platform/id.ts";
import { createMenus, type MenuClick, onInstalled, onMenuClick } from "./platform/menus.ts";
import { openCapturePopup } from "./platform/popup-window.ts";
import { startSync } from "./sync-background.ts";

async function withDb<T>(work: (db: DB) => Promise<T>): Promise<T> {
	const db = await openDatabase();
	try {
		return await work(db);
	} finally {
		db.close();
	}
}

/** The toolbar badge counts the captures waiting in the draft issue. */
function refreshBadge(): Promise<void> {
	return withDb(async (db) => setBadgeCount(await countDraft(db)));
}

/**
 * "Save link": the write happens in the click's own event, and the returned
 * promise settles only once the capture is committed (the worker may be
 * stopped right after). A failure is never swallowed: the toolbar button
 * shows "!" and its title says which link and why (a badge, not a
 * notification: no extra permission), until a later "Save link" succeeds.
 */
export async function saveLinkFromMenu(click: MenuClick): Promise<void> {
	const url = click.linkUrl ?? "";
	if (!url) return;
	const link = { url, text: click.linkText ?? click.selectionText };
	try {
		await withDb((db) => saveLink(db, link, { now: Date.now(), id: newId() }));
	} catch (error) {
		await showSaveFailure(`the link ${url}`, error instanceof Error ? error.message : String(error));
		return;
	}
	await clearSaveFailure();
	await refreshBadge();
}

function onMenu(click: MenuClick): Promise<void> {
	if (click.menuId === "save-link") return saveLinkFromMenu(click).catch(() => {});
	// "Save page" and "Save selection as quote" open the popup, which reads the selection itself.
	return openCapturePopup(click.tabId).catch(() => {});
}

/** Register the worker's listeners; runs each time the worker wakes. */
export function start(): void {
	onInstalled(() => void createMenus().catch(() => {}));
	onMenuClick(onMenu);
	// A failed "Save link" stays on the button until that link is saved (saving it again clears it).
	onChangeMessage(() => void refreshBadge().catch(() => {}));
	void refreshBadge().catch(() => {});
	// Replicates the draft through storage.sync once the curator opts in (Settings).
	startSync();
}

start();
