import type { Capture } from "../core/capture.ts";
import { putUnchanged, toStored } from "./captures.ts";
import { type ConflictError, explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";

const MAX_GROUPS = 100;

/**
 * Commit a capture from the popup in one transaction: the capture itself
 * (added, or replacing `expectedUpdatedAt`'s version when editing), the last
 * used section (and group). Resolves only
 * once everything is on disk, so the popup may close afterwards.
 */
export async function saveCapture(db: DB, capture: Capture, options: { expectedUpdatedAt?: number }): Promise<void> {
	let conflict: ConflictError | undefined;
	try {
		const tx = db.transaction(["captures", "settings"], "readwrite");
		const captures = tx.objectStore("captures");
		if (options.expectedUpdatedAt === undefined) {
			void captures.add(toStored(capture));
		} else {
			conflict = await putUnchanged(tx, captures, [{ next: capture, expectedUpdatedAt: options.expectedUpdatedAt }]);
			if (conflict) await tx.done;
		}
		const settings = tx.objectStore("settings");
		void settings.put(capture.section, "lastSection");
		if (capture.group) {
			const groups = ((await settings.get("groups")) as string[] | undefined) ?? [];
			const recent = [capture.group, ...groups.filter((g) => g !== capture.group)].slice(0, MAX_GROUPS);
			void settings.put(recent, "groups");
		}
		await tx.done;
	} catch (error) {
		if (conflict) throw conflict;
		explainWriteError(error);
	}
}
