import type { Capture } from "../core/capture.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter } from "../core/newsletter.ts";
import { BATCH_SIZE, type OnProgress } from "./backup.ts";
import { toStored } from "./captures.ts";
import type { DB } from "./open.ts";
import { allRequests, writeTransaction } from "./write.ts";

/**
 * Take in an issue file in one transaction: the newsletter's name and title
 * and the draft's details are replaced, the file's sections come first with
 * the curator's other sections kept after them (so no capture loses its
 * section; a profile that never saved its sections keeps the default ones),
 * and its captures are added to the draft. All of it lands or none: the
 * captures are written in batches of BATCH_SIZE within the one transaction,
 * each batch reported to `onProgress`.
 */
export async function importIssue(
	db: DB,
	newsletter: Newsletter,
	meta: IssueMeta,
	captures: readonly Capture[],
	onProgress?: OnProgress,
): Promise<void> {
	await writeTransaction(db, ["captures", "settings"], (tx) =>
		allRequests(async (writes) => {
			const settings = tx.objectStore("settings");
			const current = ((await settings.get("newsletter")) as Newsletter | undefined) ?? DEFAULT_NEWSLETTER;
			const fromFile = new Set(newsletter.sections.map((section) => section.id));
			const kept = current.sections.filter((section) => !fromFile.has(section.id));
			const store = tx.objectStore("captures");
			writes.push(settings.put({ ...newsletter, sections: [...newsletter.sections, ...kept] }, "newsletter"));
			writes.push(settings.put(meta, "draft"));
			onProgress?.({ done: 0, total: captures.length });
			for (let start = 0; start < captures.length; start += BATCH_SIZE) {
				const batch: Promise<unknown>[] = [];
				for (const capture of captures.slice(start, start + BATCH_SIZE)) {
					// Into `writes` at once: a put that throws on the spot must not leave earlier ones unobserved.
					const put = store.put(toStored(capture));
					writes.push(put);
					batch.push(put);
				}
				await Promise.all(batch);
				onProgress?.({ done: Math.min(captures.length, start + BATCH_SIZE), total: captures.length });
			}
		}),
	);
}
