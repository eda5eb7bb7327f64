import type { Capture } from "../core/capture.ts";
import { toStored } from "./captures.ts";
import { ConflictError, explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";

/**
 * Commit a capture from the popup in one transaction: the capture itself
 * (added, or replacing `expectedUpdatedAt`'s version when editing), the last
 * used section, and the removal of the page's unsaved edit. Resolves only
 * once everything is on disk, so the popup may close afterwards.
 */
export async function saveCapture(
	db: DB,
	capture: Capture,
	options: { expectedUpdatedAt?: number; unsavedUrl?: string },
): Promise<void> {
	let conflict: ConflictError | undefined;
	try {
		const tx = db.transaction(["captures", "settings", "unsaved"], "readwrite");
		const captures = tx.objectStore("captures");
		if (options.expectedUpdatedAt === undefined) {
			void captures.add(toStored(capture));
		} else {
			const current = await captures.get(capture.id);
			if (!current || current.updatedAt !== options.expectedUpdatedAt) {
				conflict = new ConflictError(current);
				tx.abort();
				await tx.done;
			}
			void captures.put(toStored(capture));
		}
		void tx.objectStore("settings").put(capture.section, "lastSection");
		if (options.unsavedUrl !== undefined) void tx.objectStore("unsaved").delete(options.unsavedUrl);
		await tx.done;
	} catch (error) {
		if (conflict) throw conflict;
		explainWriteError(error);
	}
}
