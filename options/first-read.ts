import { loadDraft } from "../src/db/draft.ts";
import { type DB, openDatabase } from "../src/db/open.ts";
import { onChange } from "../src/platform/change-message.ts";
import type { DraftData } from "./deps.ts";

/** Today's date as YYYY-MM-DD, in the curator's time zone. */
export function localToday(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The database and the draft as read before the app's own code has loaded. */
export interface FirstRead {
	db: Promise<DB>;
	/** Settles with the read (either way). */
	settled: Promise<unknown>;
	/**
	 * The draft read at start-up, once: the page's first load takes it. Later
	 * calls, and a first call after another page announced a change since the
	 * read began (the read may predate that write), give undefined: read again.
	 */
	take(): Promise<DraftData> | undefined;
}

/**
 * Open the database and start reading the draft now, from the page's first
 * small script: the read then overlaps the fetch and compile of the app's
 * code instead of waiting for it.
 */
export function startFirstRead(open: () => Promise<DB> = () => openDatabase()): FirstRead {
	const db = open();
	const draft = db.then((d) => loadDraft(d, localToday()));
	// Whoever takes the read reports its failure; one nobody took must not surface as unhandled.
	draft.catch(() => {});
	let stale = false;
	let taken = false;
	const stopListening = onChange(() => {
		stale = true;
	});
	return {
		db,
		settled: draft,
		take() {
			if (taken) return undefined;
			taken = true;
			stopListening();
			return stale ? undefined : draft;
		},
	};
}
