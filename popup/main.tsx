import { render } from "preact";
import { usedTags } from "../options/tags-input.tsx";
import { findByUrlKey, listDraft } from "../src/db/captures.ts";
import { recentSentIssues, sentIssueDates } from "../src/db/issues.ts";
import { openDatabase } from "../src/db/open.ts";
import { saveCapture } from "../src/db/save-capture.ts";
import { loadGroups, loadLastSection, loadNewsletter, loadTrackingParams } from "../src/db/settings.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import { markTabSaved } from "../src/platform/badge.ts";
import { announceChange } from "../src/platform/changes.ts";
import { newId } from "../src/platform/id.ts";
import { runPageScript } from "../src/platform/scripting.ts";
import { activeTab } from "../src/platform/tabs.ts";
import { forgetUnsaved, keepUnsaved, readUnsaved } from "../src/platform/unsaved.ts";
import type { PopupDeps } from "./deps.ts";
import { Popup } from "./popup.tsx";

/** Sent issues whose tags the popup suggests, with the draft's. */
const RECENT_TAG_ISSUES = 8;

/** Wire the popup to the real browser and database, and show it. */
export function start(root: HTMLElement): void {
	const tabParam = new URLSearchParams(location.search).get("tabId");
	// Opened at once, in parallel with reading the tab and the page.
	const db = openDatabase();
	const deps: PopupDeps = {
		now: () => Date.now(),
		newId,
		close: () => window.close(),
		loadTab: () => activeTab(tabParam ? Number(tabParam) : undefined),
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
			announceChange();
		},
		async knownTags() {
			const d = await db;
			const [draft, recent] = await Promise.all([listDraft(d), recentSentIssues(d, RECENT_TAG_ISSUES)]);
			return usedTags([...draft, ...recent.flatMap((i) => i.captures)]);
		},
		readUnsaved: (key) => readUnsaved(key, Date.now()),
		keepUnsaved: (edit) => void keepUnsaved(edit),
		forgetUnsaved: (key) => forgetUnsaved(key),
		markSaved: markTabSaved,
	};
	render(<Popup deps={deps} />, root);
}

const root = document.getElementById("app");
if (root) start(root);
