import type { IDBPObjectStore, StoreNames } from "idb";
import { byPosition, type Capture } from "../core/capture.ts";
import { ConflictError } from "./errors.ts";
import type { DB } from "./open.ts";
import type { LinkletterDB, StoredCapture } from "./schema.ts";
import { allRequests, writeTransaction } from "./write.ts";

/** The by-issue index key of the draft's captures. */
export const DRAFT = 0;

export function toStored(capture: Capture): StoredCapture {
	return { ...capture, issueKey: capture.issue ?? DRAFT };
}

/** Strip the storage-only field so callers see a plain Capture. */
export function fromStored(stored: StoredCapture): Capture {
	const { issueKey: _issueKey, ...capture } = stored;
	return capture;
}

/** The captures of the draft issue, in order. */
export async function listDraft(db: DB): Promise<Capture[]> {
	const rows = await db.getAllFromIndex("captures", "by-issue", DRAFT);
	return rows.map(fromStored).sort(byPosition);
}

/** How many captures the draft issue holds. */
export function countDraft(db: DB): Promise<number> {
	return db.countFromIndex("captures", "by-issue", DRAFT);
}

/** Every capture (draft and sent) whose link matches this key. */
export async function findByUrlKey(db: DB, urlKey: string): Promise<Capture[]> {
	const rows = await db.getAllFromIndex("captures", "by-urlKey", urlKey);
	return rows.map(fromStored).sort((a, b) => a.createdAt - b.createdAt);
}

export async function getCapture(db: DB, id: string): Promise<Capture | undefined> {
	const row = await db.get("captures", id);
	return row && fromStored(row);
}

/** Add new captures in one transaction; resolves once they are committed. */
export function addCaptures(db: DB, captures: readonly Capture[]): Promise<void> {
	return writeTransaction(db, ["captures"], async (tx) => {
		const store = tx.objectStore("captures");
		await Promise.all(captures.map((capture) => store.add(toStored(capture))));
	});
}

/** A capture edit that must not overwrite a newer version. */
export type GuardedEdit = { next: Capture; expectedUpdatedAt: number };

type CaptureStore = IDBPObjectStore<LinkletterDB, StoreNames<LinkletterDB>[], "captures", "readwrite">;

/**
 * Within the caller's transaction (see writeTransaction), write each edit
 * only if its capture's updatedAt is still what the caller read. On the first
 * mismatch, throw ConflictError: the transaction is aborted, so nothing at
 * all is written.
 *
 * Every read and write is issued at once, each read before its write: the
 * store runs them in that order, so each read sees the row as it was before
 * this write, and the check runs (in the read's callback) while the
 * transaction cannot yet have committed, its writes still being answered.
 * `whenChecked` runs as soon as every check has passed (a transaction of
 * these edits alone commits there, without waiting for the page to hear
 * back from each write).
 */
export async function putUnchanged(
	store: CaptureStore,
	edits: readonly GuardedEdit[],
	whenChecked?: () => void,
): Promise<void> {
	let unchecked = edits.length;
	await allRequests((requests) => {
		for (const { next, expectedUpdatedAt } of edits) {
			requests.push(
				store.get(next.id).then((current) => {
					// Same version, and still in the same issue (a capture sent meanwhile never comes back to the draft).
					if (!current || current.updatedAt !== expectedUpdatedAt || current.issueKey !== (next.issue ?? 0)) {
						throw new ConflictError(current);
					}
					if (--unchecked === 0) whenChecked?.();
				}),
			);
			requests.push(store.put(toStored(next)));
		}
	});
}

/**
 * Replace captures in one transaction, but only if nobody changed them since
 * the caller read them. Throws ConflictError and writes nothing otherwise.
 * Resolves once they are committed.
 */
export function updateCaptures(db: DB, edits: readonly GuardedEdit[]): Promise<void> {
	return writeTransaction(db, ["captures"], (tx) =>
		// Told to commit once every version is checked: the browser then stores the writes as soon as it has
		// run them, while the page's main thread may still be busy painting the move that made them.
		putUnchanged(tx.objectStore("captures"), edits, () => tx.commit()),
	);
}

/** Replace one capture unless it changed since the caller read it (see updateCaptures). */
export function updateCapture(db: DB, next: Capture, expectedUpdatedAt: number): Promise<void> {
	return updateCaptures(db, [{ next, expectedUpdatedAt }]);
}

/** Delete a draft capture, unless it changed (or was sent) since the caller read it. */
export function deleteCapture(db: DB, id: string, expectedUpdatedAt: number): Promise<void> {
	return writeTransaction(db, ["captures"], async (tx) => {
		const store = tx.objectStore("captures");
		const current = await store.get(id);
		if (!current) return;
		if (current.updatedAt !== expectedUpdatedAt || current.issueKey !== 0) throw new ConflictError(current);
		await store.delete(id);
	});
}
