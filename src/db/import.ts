import type { Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter } from "../core/newsletter.ts";
import { toStored } from "./captures.ts";
import { explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";

/**
 * Take in an issue file in one transaction: the newsletter's settings and
 * the draft's details are replaced, its captures are added to the draft.
 * Either all of it lands or none of it.
 */
export async function importIssue(
	db: DB,
	newsletter: Newsletter,
	meta: IssueMeta,
	captures: readonly Capture[],
): Promise<void> {
	try {
		const tx = db.transaction(["captures", "settings"], "readwrite");
		const settings = tx.objectStore("settings");
		void settings.put(newsletter, "newsletter");
		void settings.put(meta, "draft");
		const store = tx.objectStore("captures");
		for (const capture of captures) void store.put(toStored(capture));
		await tx.done;
	} catch (error) {
		explainWriteError(error);
	}
}
