import { countDraft } from "./db/captures.ts";
import { type DB, openDatabase } from "./db/open.ts";
import { saveLink } from "./db/save-link.ts";
import { setBadgeCount } from "./platform/badge.ts";
import { onChangeMessage } from "./platform/changes.ts";
import { newId } from "./platform/id.ts";
import { createMenus, type MenuClick, onInstalled, onMenuClick } from "./platform/menus.ts";
import { openCapturePopup } from "./platform/popup-window.ts";

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

function onMenu(click: MenuClick): void {
	if (click.menuId === "save-link") {
		const link = { url: click.linkUrl ?? "", text: click.linkText ?? click.selectionText };
		if (!link.url) return;
		void withDb((db) => saveLink(db, link, { now: Date.now(), id: newId() }))
			.then(refreshBadge)
			.catch(() => {});
		return;
	}
	// "Save page" and "Save selection as quote" open the popup, which reads the selection itself.
	void openCapturePopup(click.tabId).catch(() => {});
}

/** Register the worker's listeners; runs each time the worker wakes. */
export function start(): void {
	onInstalled(() => void createMenus().catch(() => {}));
	onMenuClick(onMenu);
	onChangeMessage(() => void refreshBadge().catch(() => {}));
	void refreshBadge().catch(() => {});
}

start();
