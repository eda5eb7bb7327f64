import type { Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter } from "../core/newsletter.ts";
import { canonical } from "../core/sync/record.ts";
import { type Base, captureKey, type LocalData, type Projection, SENT_RECORDS_KEPT } from "../core/sync/state.ts";
import { fromStored, listDraft, toStored } from "./captures.ts";
import { recentSentIssues } from "./issues.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

/** What the replicator read, with each capture's version as read, so writing back never overwrites a newer edit. */
export interface LocalRead {
	local: LocalData;
	/** updatedAt of every capture read (draft, archived in recent issues, known to the base); undefined: absent. */
	versions: Map<string, number | undefined>;
	settings: { newsletter?: Newsletter; draft?: IssueMeta; templates?: Record<string, string> };
}

/**
 * Read what this device holds for replication: the draft, the archived
 * captures the base still knows, the settings as stored (absent when never
 * saved, so a fresh browser does not push defaults over another's settings),
 * and the recent sent issues.
 */
export async function readLocal(db: DB, base: Base): Promise<LocalRead> {
	const draft = await listDraft(db);
	const sent = await recentSentIssues(db, SENT_RECORDS_KEPT);
	const versions = new Map<string, number | undefined>();
	const captures: Capture[] = [...draft];
	for (const c of draft) versions.set(c.id, c.updatedAt);
	const tx = db.transaction(["captures", "settings"]);
	const store = tx.objectStore("captures");
	const wanted = new Set<string>();
	for (const key of Object.keys(base)) if (key.startsWith("c:")) wanted.add(key.slice(2));
	for (const issue of sent) for (const c of issue.captures) wanted.add(c.id);
	const [rows, newsletter, draftMeta, templates] = await Promise.all([
		Promise.all([...wanted].filter((id) => !versions.has(id)).map(async (id) => [id, await store.get(id)] as const)),
		tx.objectStore("settings").get("newsletter"),
		tx.objectStore("settings").get("draft"),
		tx.objectStore("settings").get("templates"),
		tx.done,
	]);
	for (const [id, row] of rows) {
		versions.set(id, row?.updatedAt);
		if (row && base[captureKey(id)]) captures.push(fromStored(row));
	}
	const settings = {
		...(newsletter ? { newsletter: newsletter as Newsletter } : {}),
		...(draftMeta ? { draft: draftMeta as IssueMeta } : {}),
		...(templates ? { templates: templates as Record<string, string> } : {}),
	};
	return { local: { captures, sent, ...settings }, versions, settings };
}

/**
 * Write the merged state into IndexedDB in one transaction: captures added,
 * changed, deleted or archived as the state says, sent issues frozen exactly
 * as the winning send, settings replaced. Anything the curator changed since
 * `read` is left alone (its key is returned in `skipped`) and is picked up as
 * a local edit on the next round.
 */
export function applyProjection(
	db: DB,
	projection: Projection,
	read: LocalRead,
): Promise<{ changed: boolean; skipped: Set<string> }> {
	return writeTransaction(db, ["captures", "issues", "settings"], async (tx) => {
		const skipped = new Set<string>();
		let changed = false;
		const captures = tx.objectStore("captures");
		const unchanged = (id: string, row: { updatedAt: number } | undefined) =>
			read.versions.has(id) ? read.versions.get(id) === row?.updatedAt : row === undefined;
		for (const capture of projection.captures) {
			const row = await captures.get(capture.id);
			if (row && canonical(fromStored(row)) === canonical(capture)) continue;
			if (!unchanged(capture.id, row)) {
				skipped.add(captureKey(capture.id));
				continue;
			}
			await captures.put(toStored(capture));
			changed = true;
		}
		for (const id of projection.deleted) {
			const row = await captures.get(id);
			if (row?.issueKey !== 0) continue;
			if (!unchanged(id, row)) {
				skipped.add(captureKey(id));
				continue;
			}
			await captures.delete(id);
			changed = true;
		}
		const issues = tx.objectStore("issues");
		for (const issue of projection.sent) {
			const row = await issues.get(issue.number);
			if (row && canonical(row) === canonical(issue)) continue;
			await issues.put(issue);
			changed = true;
		}
		const settings = tx.objectStore("settings");
		const setting = async (name: "newsletter" | "draft" | "templates", value: unknown, key: string) => {
			if (value === undefined) return;
			const row = await settings.get(name);
			if (canonical(row) === canonical(value)) return;
			if (canonical(row) !== canonical(read.settings[name])) {
				skipped.add(key);
				return;
			}
			await settings.put(value as Newsletter, name);
			changed = true;
		};
		await setting("newsletter", projection.newsletter, "s:newsletter");
		await setting("draft", projection.draft, "s:draft");
		await setting("templates", projection.templates, "s:templates");
		return { changed, skipped };
	});
}
