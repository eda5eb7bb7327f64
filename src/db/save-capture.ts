import type { Capture } from "../core/capture.ts";
import { putUnchanged, toStored } from "./captures.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

const MAX_GROUPS = 100;

/**
 * Commit a capture from the popup in one transaction: the capture itself
 * (added, or replacing `expectedUpdatedAt`'s version when editing — else
 * ConflictError), the last used section (and group). Resolves only once
 * everything is on disk, so the popup may close afterwards.
 */
export function saveCapture(db: DB, capture: Capture, options: { expectedUpdatedAt?: number }): Promise<void> {
	return writeTransaction(db, ["captures", "settings"], async (tx) => {
		const captures = tx.objectStore("captures");
		if (options.expectedUpdatedAt === undefined) await captures.add(toStored(capture));
		else await putUnchanged(captures, [{ next: capture, expectedUpdatedAt: options.expectedUpdatedAt }]);
		const settings = tx.objectStore("settings");
		await settings.put(capture.section, "lastSection");
		if (capture.group) {
			const groups = ((await settings.get("groups")) as string[] | undefined) ?? [];
			const recent = [capture.group, ...groups.filter((g) => g !== capture.group)].slice(0, MAX_GROUPS);
			await settings.put(recent, "groups");
		}
	});
}
