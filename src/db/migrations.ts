import type { IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import type { LinkletterDB } from "./schema.ts";

type UpgradeTx = IDBPTransaction<LinkletterDB, StoreNames<LinkletterDB>[], "versionchange">;

/**
 * Ordered upgrade steps: migrations[v] takes the database from version v to
 * v + 1. A shipped step is never edited; a new version appends a step.
 */
export const migrations: ReadonlyArray<(db: IDBPDatabase<LinkletterDB>, tx: UpgradeTx) => void> = [
	// v0 → v1: captures, settings, and the popup's unsaved edits.
	(db) => {
		const captures = db.createObjectStore("captures", { keyPath: "id" });
		captures.createIndex("by-issue", "issueKey");
		captures.createIndex("by-urlKey", "urlKey");
		db.createObjectStore("settings");
		db.createObjectStore("unsaved", { keyPath: "url" });
	},
	// v1 → v2: sent issues, frozen as they went out.
	(db) => {
		db.createObjectStore("issues", { keyPath: "number" });
	},
];

export const DB_VERSION = migrations.length;
