import type { KeptVersion } from "../core/sync/versions.ts";
import { ConflictError } from "./errors.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

/**
 * Put an earlier version back: the draft capture's field (note, title…) or
 * the draft issue's or a template's text becomes the kept text again. The
 * next sync round replicates it like any edit. A capture sent or deleted
 * meanwhile throws ConflictError; nothing is written.
 */
export function restoreVersion(db: DB, version: KeptVersion, now: number): Promise<void> {
	return writeTransaction(db, ["captures", "settings"], async (tx) => {
		if (version.captureId) {
			const store = tx.objectStore("captures");
			const row = await store.get(version.captureId);
			if (row?.issueKey !== 0) throw new ConflictError(row);
			await store.put({ ...row, [version.field]: version.text, updatedAt: Math.max(now, row.updatedAt + 1) });
			return;
		}
		const name = version.record === "s:draft" ? "draft" : version.record === "s:templates" ? "templates" : undefined;
		if (!name) throw new Error(`${version.label} cannot be restored here.`);
		const settings = tx.objectStore("settings");
		const current = ((await settings.get(name)) ?? {}) as Record<string, unknown>;
		await settings.put({ ...current, [version.field]: version.text } as never, name);
	});
}
