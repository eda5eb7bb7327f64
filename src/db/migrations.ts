import type { IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import type { LinkletterDBv2 } from "./schema.ts";

// Steps are typed against the widest schema they touch; v3 only removes a store.
type Schema = LinkletterDBv2;
type UpgradeTx = IDBPTransaction<Schema, StoreNames<Schema>[], "versionchange">;

/**
 * Ordered upgrade steps: migrations[v] takes the database from version v to
 * v + 1. A shipped step is never edited; a new version appends a step.
 */
export const migrations: ReadonlyArray<(db: IDBPDatabase<Schema>, tx: UpgradeTx) => void> = [
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
	// v2 → v3: unsaved popup edits now live in localStorage (synchronous, so none is lost on close).
	(db) => {
		db.deleteObjectStore("unsaved");
	},
];

export const DB_VERSION = migrations.length;
