import { type IDBPDatabase, openDB } from "idb";
import { DB_VERSION, migrations } from "./migrations.ts";
import type { LinkletterDB, LinkletterDBv2 } from "./schema.ts";

export const DB_NAME = "linkletter";

export type DB = IDBPDatabase<LinkletterDB>;

/**
 * Open the database, running every migration step the stored version lacks.
 * A connection closes itself when a newer version (another window after an
 * update) needs to upgrade, so it never blocks it.
 */
export async function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<DB> {
	// Upgrades see every store any version had; the code after sees today's schema.
	const db = await openDB<LinkletterDBv2>(name, version, {
		upgrade(database, oldVersion, newVersion, tx) {
			for (let v = oldVersion; v < (newVersion ?? version); v++) {
				const step = migrations[v];
				if (!step) throw new Error(`No migration from database version ${v}`);
				step(database, tx);
			}
		},
		blocking() {
			db.close();
		},
	});
	return db as unknown as DB;
}
