import type { IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import { type IssueMeta, normalizeIssueMeta } from "../core/newsletter.ts";
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
	// v3 → v4: an issue's single `sponsor` becomes `sponsors: [sponsor]`, in the draft and in every sent issue.
	(_db, tx) => {
		const fail = () => {
			try {
				tx.abort();
			} catch {
				// Already finished: the open fails anyway.
			}
		};
		const settings = tx.objectStore("settings");
		settings
			.get("draft")
			.then((draft) => {
				const meta = draft as IssueMeta | undefined;
				if (meta && Object.hasOwn(meta, "sponsor")) return settings.put(normalizeIssueMeta(meta), "draft");
				return undefined;
			})
			.catch(fail);
		const issues = tx.objectStore("issues");
		const rewrite = (cursor: Awaited<ReturnType<typeof issues.openCursor>>): Promise<void> | undefined => {
			if (!cursor) return undefined;
			const issue = cursor.value;
			const update = Object.hasOwn(issue.meta, "sponsor")
				? cursor.update({ ...issue, meta: normalizeIssueMeta(issue.meta) })
				: Promise.resolve();
			return update.then(() => cursor.continue()).then(rewrite);
		};
		issues.openCursor().then(rewrite).catch(fail);
	},
];

export const DB_VERSION = migrations.length;
