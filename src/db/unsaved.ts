import { explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";
import type { UnsavedEdit } from "./schema.ts";

/** Unsaved popup edits older than this are forgotten. */
export const UNSAVED_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** What the popup had typed for this page before it was closed, if still fresh. */
export async function getUnsaved(db: DB, url: string, now: number): Promise<UnsavedEdit | undefined> {
	const edit = await db.get("unsaved", url);
	return edit && now - edit.updatedAt < UNSAVED_TTL_MS ? edit : undefined;
}

/** Remember what the popup has typed so far, so closing it by accident loses nothing. */
export async function putUnsaved(db: DB, edit: UnsavedEdit): Promise<void> {
	try {
		await db.put("unsaved", edit);
	} catch (error) {
		explainWriteError(error);
	}
}

export async function deleteUnsaved(db: DB, url: string): Promise<void> {
	await db.delete("unsaved", url);
}
