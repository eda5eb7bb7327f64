import { countDraft } from "./db/captures.ts";
import { openDatabase } from "./db/open.ts";
import { setBadgeCount } from "./platform/badge.ts";
import { onChangeMessage } from "./platform/changes.ts";

/** The toolbar badge counts the captures waiting in the draft issue. */
async function refreshBadge(): Promise<void> {
	const db = await openDatabase();
	try {
		await setBadgeCount(await countDraft(db));
	} finally {
		db.close();
	}
}

/** Register the worker's listeners; runs each time the worker wakes. */
export function start(): void {
	onChangeMessage(() => void refreshBadge().catch(() => {}));
	void refreshBadge().catch(() => {});
}

start();
