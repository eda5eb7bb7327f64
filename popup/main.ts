import { findByUrlKey } from "../src/db/captures.ts";
import { sentIssueDates } from "../src/db/issues.ts";
import { openDatabase } from "../src/db/open.ts";
import { loadGroups, loadLastSection, loadNewsletter, loadTrackingParams } from "../src/db/settings.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import { announceChangeNow } from "../src/platform/direct.ts";
import { newId } from "../src/platform/id.ts";
import { runPageScript } from "../src/platform/scripting.ts";
import { forgetUnsaved, keepUnsaved, readUnsaved } from "../src/platform/unsaved.ts";
import type { PopupDeps } from "./deps.ts";
import type { FirstPaint } from "./first-paint.ts";
import { takeOver } from "./take-over.tsx";

/** Sent issues whose tags the popup suggests, with the draft's. */
const RECENT_TAG_ISSUES = 8;

/*
 * What only a save or an opened tag list needs is loaded then, not with the
 * form, so the popup's first load stays small (test/bench/popup.measure.ts
 * counts it).
 */
const saveCode = () => import("../src/db/save-capture.ts");
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
			const [{ saveCapture }, d] = await Promise.all([saveCode(), db]);
			await saveCapture(d, capture, options);
			// Told the moment the write has committed, not after a module loads: the popup may close at once.
			announceChangeNow();
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
	// Ready before the curator reaches Save: fetched once the form is idle, or at the first keystroke.
	root.addEventListener("input", () => void saveCode(), { once: true });
	setTimeout(() => void saveCode(), 100);
}
