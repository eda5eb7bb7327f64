import { findByUrlKey } from "../src/db/captures.ts";
import { sentIssueDates } from "../src/db/issues.ts";
import { openDatabase } from "../src/db/open.ts";
import { saveCapture } from "../src/db/save-capture.ts";
import { loadGroups, loadLastSection, loadNewsletter, loadTrackingParams } from "../src/db/settings.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import { announceChangeNow } from "../src/platform/announce-now.ts";
import { newId } from "../src/platform/id.ts";
import { runPageScript } from "../src/platform/scripting.ts";
import { forgetUnsaved, keepUnsaved, readUnsaved } from "../src/platform/unsaved.ts";
import type { PopupDeps } from "./deps.ts";
import type { FirstPaint } from "./first-paint.ts";
import { takeOver } from "./take-over.tsx";

/** Sent issues whose tags the popup suggests, with the draft's. */
const RECENT_TAG_ISSUES = 8;

/*
 * What only an opened tag list or a finished save needs (with the polyfill,
 * for the toolbar badge) is loaded then. Saving itself is part of this module,
 * which loads after the form is painted: a Save click waits for no module.
 */
const afterSave = () => import("./after-save.ts");

/** Wire the popup to the real browser and database, and take over the form the first script painted. */
export function start(root: HTMLElement, first: FirstPaint): void {
	// Opened at once, in parallel with reading the page.
	const db = openDatabase();
	const deps: PopupDeps = {
		now: () => Date.now(),
		newId,
		close: () => window.close(),
		loadTab: () => first.tab,
		readPage: (tabId) => runPageScript<PageSnapshot>(tabId),
		async load(urlKey) {
			const d = await db;
			const [newsletter, lastSection, found, groups, trackingParams] = await Promise.all([
				loadNewsletter(d),
				loadLastSection(d),
				deps.matches(urlKey),
				loadGroups(d),
				loadTrackingParams(d),
			]);
			return { newsletter, lastSection, groups, trackingParams, ...found };
		},
		async matches(urlKey) {
			const d = await db;
			const matches = await findByUrlKey(d, urlKey);
			return { matches, issueDates: await sentIssueDates(d, matches) };
		},
		async save(capture, options) {
			await saveCapture(await db, capture, options);
			const committed = performance.now();
			// Told the moment the write has committed, in the same task, not after a module loads or a
			// timer: the popup may close at once.
			announceChangeNow();
			// For test/bench/popup.measure.ts, from the Save click (popup.tsx marks it) to the commit, and to the announcement.
			performance.measure("linkletter:saved", { start: "linkletter:save", end: committed });
			performance.measure("linkletter:announced", "linkletter:save");
		},
		async knownTags() {
			const [{ knownTags }, d] = await Promise.all([afterSave(), db]);
			return knownTags(d, RECENT_TAG_ISSUES);
		},
		readUnsaved: (key) => readUnsaved(key, Date.now()),
		keepUnsaved: (edit) => void keepUnsaved(edit),
		forgetUnsaved: (key) => forgetUnsaved(key),
		async markSaved(tabId) {
			const { markTabSaved } = await afterSave();
			await markTabSaved(tabId);
		},
	};
	takeOver(root, first, deps);
}
