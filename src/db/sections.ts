import type { Newsletter } from "../core/newsletter.ts";
import { type GuardedEdit, putUnchanged } from "./captures.ts";
import { type ConflictError, explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";

/**
 * Save the newsletter's sections together with the captures a section
 * change moved (deleting a section moves its captures), in one transaction.
 * `moved` carries each capture's updatedAt as the caller read it.
 */
export async function saveSections(db: DB, newsletter: Newsletter, moved: readonly GuardedEdit[] = []): Promise<void> {
	let conflict: ConflictError | undefined;
	try {
		const tx = db.transaction(["captures", "settings"], "readwrite");
		conflict = await putUnchanged(tx, tx.objectStore("captures"), moved);
		if (!conflict) void tx.objectStore("settings").put(newsletter, "newsletter");
		await tx.done;
	} catch (error) {
		if (conflict) throw conflict;
		explainWriteError(error);
	}
}
