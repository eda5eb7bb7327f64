import type { Newsletter } from "../core/newsletter.ts";
import { type GuardedEdit, putUnchanged } from "./captures.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

/**
 * Save the newsletter's sections together with the captures a section
 * change moved (deleting a section moves its captures), in one transaction.
 * `moved` carries each capture's updatedAt as the caller read it; a capture
 * changed meanwhile throws ConflictError and nothing is written.
 */
export function saveSections(db: DB, newsletter: Newsletter, moved: readonly GuardedEdit[] = []): Promise<void> {
	return writeTransaction(db, ["captures", "settings"], async (tx) => {
		await putUnchanged(tx.objectStore("captures"), moved);
		await tx.objectStore("settings").put(newsletter, "newsletter");
	});
}
