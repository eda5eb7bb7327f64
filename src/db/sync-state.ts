import { type IDBPDatabase, openDB } from "idb";
import type { Base, SyncState } from "../core/sync/state.ts";

/**
 * This device's replica of the synced records (the merged state) and what
 * its IndexedDB held when it last matched them (the base, so a local edit is
 * told from a remote one). A database of its own: the main database and its
 * migrations are untouched, and dropping it only costs a fresh merge.
 */
export const SYNC_DB_NAME = "linkletter-sync";

interface SyncRow {
	state: SyncState;
	base: Base;
}

export type SyncDB = IDBPDatabase<{ replica: { key: string; value: SyncRow } }>;

export function openSyncDatabase(name = SYNC_DB_NAME): Promise<SyncDB> {
	return openDB(name, 1, {
		upgrade(db) {
			db.createObjectStore("replica");
		},
		blocking() {
			void 0;
		},
	});
}

const ROW = "replica";

export async function loadReplica(db: SyncDB): Promise<SyncRow> {
	return (await db.get("replica", ROW)) ?? { state: {}, base: {} };
}

export async function saveReplica(db: SyncDB, row: SyncRow): Promise<void> {
	const tx = db.transaction("replica", "readwrite");
	await Promise.all([tx.store.put(row, ROW), tx.done]);
}
