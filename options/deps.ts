import type { Backup } from "../src/core/backup.ts";
import type { Capture } from "../src/core/capture.ts";
import type { IssueMeta, Newsletter, SentIssue } from "../src/core/newsletter.ts";
import type { OnProgress, RestoreReport } from "../src/db/backup.ts";
import type { GuardedEdit } from "../src/db/captures.ts";
import type { SyncPanelDeps } from "./sync-panel.tsx";

/** The draft issue and the settings that shape it, as stored. */
export interface DraftData {
	newsletter: Newsletter;
	meta: IssueMeta;
	/** Every capture in the draft, held ones included. */
	captures: Capture[];
	/** The curator's templates by format. */
	templates: Record<string, string>;
	trackingParams: string[];
}

/** What the clipboard receives: plain text always, HTML when the format has a rich form. */
export interface ClipboardPayload {
	text: string;
	html?: string;
}

/** Everything the options page needs from the outside world; tests pass fakes. */
export interface OptionsDeps {
	now(): number;
	newId(): string;
	/** Today's date as YYYY-MM-DD, in the curator's time zone. */
	today(): string;
	load(): Promise<DraftData>;
	/**
	 * The most recent sent issues (newest first), for the checklist and the
	 * editor's suggestions: read after the draft has painted, never before it.
	 */
	recentIssues(): Promise<SentIssue[]>;
	/** One capture as stored now, draft or sent; undefined when it was deleted. */
	getCapture(id: string): Promise<Capture | undefined>;
	/** Replace captures unless any changed since it was read (throws ConflictError). */
	update(edits: GuardedEdit[]): Promise<void>;
	remove(capture: Capture): Promise<void>;
	/** Put back a capture that was just deleted (Undo). */
	restore(capture: Capture): Promise<void>;
	importIssue(newsletter: Newsletter, meta: IssueMeta, captures: Capture[], onProgress?: OnProgress): Promise<void>;
	saveMeta(meta: IssueMeta): Promise<void>;
	/** Save the newsletter settings, with the captures a section change moved. */
	saveNewsletter(newsletter: Newsletter, moved?: GuardedEdit[]): Promise<void>;
	saveTemplates(templates: Record<string, string>): Promise<void>;
	saveTrackingParams(params: string[]): Promise<void>;
	/** Freeze and archive the issue; the draft becomes `next`; `carried` are held captures, un-held. */
	send(issue: SentIssue, next: IssueMeta, carried: GuardedEdit[]): Promise<void>;
	listSent(): Promise<SentIssue[]>;
	/** The capture shortcut as the browser has it ("" when unset). */
	shortcut(): Promise<string>;
	openShortcutSettings(): Promise<void>;
	/** Everything stored, as the text of a backup file. */
	backup(): Promise<string>;
	/** Merge a checked backup into the database. */
	restoreBackup(backup: Backup, onProgress?: OnProgress): Promise<RestoreReport>;
	/** Every capture, the draft's and every sent issue's, for search. */
	listAllCaptures(): Promise<Capture[]>;
	/** Whether to show the first-run welcome (a new profile that has not dismissed it); notes that it was shown. */
	welcome(): Promise<boolean>;
	/** Never show the welcome again. */
	dismissWelcome(): Promise<void>;
	/** Whether the browser keeps the archive even when storage runs low (navigator.storage.persisted()). */
	storagePersisted(): Promise<boolean>;
	/** Ask the browser to keep the archive; resolves to whether it now does. */
	requestPersistence(): Promise<boolean>;
	copy(payload: ClipboardPayload): Promise<void>;
	download(filename: string, text: string, type: string): void;
	/** Subscribe to changes made in other windows; returns an unsubscribe. */
	onChange(listener: () => void): () => void;
	/** Sync through the browser's own sync (Settings); absent where the page cannot sync. */
	sync?: SyncPanelDeps;
}
