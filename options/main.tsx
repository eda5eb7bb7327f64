import { render } from "preact";
import { serializeBackup } from "../src/core/backup.ts";
import { RECENT_ISSUES } from "../src/core/checklist.ts";
import { keptVersions } from "../src/core/sync/versions.ts";
import { readEverything, restoreBackup } from "../src/db/backup.ts";
import { addCaptures, deleteCapture, getCapture, updateCaptures } from "../src/db/captures.ts";
import { loadDraft } from "../src/db/draft.ts";
import { importIssue } from "../src/db/import.ts";
import { listSentIssues, recentSentIssues, sendIssue } from "../src/db/issues.ts";
import { openDatabase } from "../src/db/open.ts";
import { listAllCaptures } from "../src/db/search.ts";
import { saveSections } from "../src/db/sections.ts";
import { saveDraftMeta, saveTemplates, saveTrackingParams, saveWelcomed, shouldWelcome } from "../src/db/settings.ts";
import { restoreVersion } from "../src/db/sync-restore.ts";
import { loadReplica, openSyncDatabase } from "../src/db/sync-state.ts";
import { announceChange, onChange } from "../src/platform/changes.ts";
import { copyToClipboard, downloadText } from "../src/platform/clipboard.ts";
import { captureShortcut, openShortcutSettings } from "../src/platform/commands.ts";
import { newId } from "../src/platform/id.ts";
import { requestPersistence, storagePersisted } from "../src/platform/persist.ts";
import { loadSyncStatus, onSyncSettingsChanged, setSyncEnabled, syncEnabled } from "../src/platform/sync-storage.ts";
import { App } from "./app.tsx";
import type { OptionsDeps } from "./deps.ts";
import { type FirstRead, localToday } from "./first-read.ts";

/**
 * Wire the options page to the real browser and database, and show it.
 * `first` is the database opened and the draft read by the page's first
 * script (boot.ts); without it, both start here.
 */
export function start(root: HTMLElement, first?: FirstRead): void {
	const db = first?.db ?? openDatabase();
	// Ask once per visit to keep the archive; Settings shows the answer and can ask again.
	void requestPersistence().catch(() => false);
	type Db = Awaited<typeof db>;
	const write = async (action: (d: Db) => Promise<void>) => {
		await action(await db);
		announceChange();
	};
	const deps: OptionsDeps = {
		now: () => Date.now(),
		newId,
		today: localToday,
		async load() {
			return first?.take() ?? loadDraft(await db, localToday());
		},
		recentIssues: async () => recentSentIssues(await db, RECENT_ISSUES),
		getCapture: async (id) => getCapture(await db, id),
		update: (edits) => write((d) => updateCaptures(d, edits)),
		remove: (capture) => write((d) => deleteCapture(d, capture.id, capture.updatedAt)),
		restore: (capture) => write((d) => addCaptures(d, [capture])),
		importIssue: (newsletter, meta, captures, onProgress) =>
			write((d) => importIssue(d, newsletter, meta, captures, onProgress)),
		saveMeta: (meta) => write((d) => saveDraftMeta(d, meta)),
		saveNewsletter: (newsletter, moved) => write((d) => saveSections(d, newsletter, moved)),
		saveTemplates: (templates) => write((d) => saveTemplates(d, templates)),
		saveTrackingParams: (params) => write((d) => saveTrackingParams(d, params)),
		send: (issue, next, carried) => write((d) => sendIssue(d, issue, next, carried)),
		listSent: async () => listSentIssues(await db),
		shortcut: captureShortcut,
		openShortcutSettings,
		backup: async () =>
			serializeBackup({ exportedAt: new Date().toISOString(), ...(await readEverything(await db, localToday())) }),
		async restoreBackup(backup, onProgress) {
			const report = await restoreBackup(await db, backup, onProgress);
			announceChange();
			return report;
		},
		listAllCaptures: async () => listAllCaptures(await db),
		async welcome() {
			const d = await db;
			const show = await shouldWelcome(d);
			if (show) await saveWelcomed(d, "shown");
			return show;
		},
		dismissWelcome: async () => saveWelcomed(await db, "dismissed"),
		storagePersisted,
		requestPersistence,
		copy: copyToClipboard,
		download: downloadText,
		onChange,
		sync: {
			syncEnabled,
			setSyncEnabled,
			syncStatus: loadSyncStatus,
			async syncVersions() {
				const replica = await openSyncDatabase();
				try {
					return keptVersions((await loadReplica(replica)).state);
				} finally {
					replica.close();
				}
			},
			restoreVersion: (version) => write((d) => restoreVersion(d, version, Date.now())),
			onSyncChange(listener) {
				const stopStatus = onSyncSettingsChanged(listener);
				const stopData = onChange(listener);
				return () => {
					stopStatus();
					stopData();
				};
			},
		},
	};
	render(<App deps={deps} />, root);
}
