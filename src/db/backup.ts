import type { Backup } from "../core/backup.ts";
import {
	DEFAULT_NEWSLETTER,
	type IssueMeta,
	type Newsletter,
	newIssueMeta,
	normalizeIssueMeta,
} from "../core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../core/url.ts";
import { fromStored, toStored } from "./captures.ts";
import type { DB } from "./open.ts";
import { allRequests, writeTransaction } from "./write.ts";

/** Groups kept at most, as the popup keeps them. */
const MAX_GROUPS = 100;

/**
 * Read everything stored, for a backup file (the caller stamps the time and
 * serialises). A setting the curator never changed is written as the value
 * the app uses for it, so a restored profile behaves the same.
 */
export async function readEverything(
	db: DB,
	today: string,
): Promise<Omit<Backup, "format" | "version" | "exportedAt">> {
	const tx = db.transaction(["captures", "issues", "settings"]);
	const settings = tx.objectStore("settings");
	const [captures, issues, newsletter, draft, templates, trackingParams, groups, lastSection] = await Promise.all([
		tx.objectStore("captures").getAll(),
		tx.objectStore("issues").getAll(),
		settings.get("newsletter"),
		settings.get("draft"),
		settings.get("templates"),
		settings.get("trackingParams"),
		settings.get("groups"),
		settings.get("lastSection"),
		tx.done,
	]);
	return {
		newsletter: (newsletter as Newsletter | undefined) ?? DEFAULT_NEWSLETTER,
		// A draft saved with the old single sponsor (by an editor not yet updated) is written as today's shape.
		draft: normalizeIssueMeta((draft as IssueMeta | undefined) ?? newIssueMeta(1, today)),
		captures: captures.map(fromStored),
		issues: issues.map((issue) => ({ ...issue, meta: normalizeIssueMeta(issue.meta) })),
		templates: (templates as Record<string, string> | undefined) ?? {},
		trackingParams: (trackingParams as string[] | undefined) ?? [...DEFAULT_TRACKING_PARAMS],
		groups: (groups as string[] | undefined) ?? [],
		...(typeof lastSection === "string" ? { lastSection } : {}),
	};
}

/** What a restore did, for the message the curator sees. */
export interface RestoreReport {
	added: number;
	updated: number;
	issues: number;
	/** True when the backup's settings were taken (the database held nothing yet). */
	settings: boolean;
}

/** How far a long write has come: `done` of `total` items. */
export interface Progress {
	done: number;
	total: number;
}

/** Told after each batch of a long write; called inside the transaction, so it must only take note. */
export type OnProgress = (progress: Progress) => void;

/** Records read and written per step of a long write: small enough to report often, large enough to stay quick. */
export const BATCH_SIZE = 500;

/**
 * Merge a checked backup into the database in one transaction, losing
 * nothing on either side: a capture is added when new and replaced only by
 * a newer version; a sent issue is added when its number is free; sections
 * the backup has and the database lacks are appended; templates fill
 * formats the curator has not customised; groups the curator lacks are
 * added after theirs. Into an empty database (no captures, no sent issues)
 * the backup's settings, draft, groups and last-used section are taken whole.
 *
 * Captures and issues are read and written in batches of BATCH_SIZE, each
 * reported to `onProgress` (captures and issues count as one item each);
 * the batches share the one transaction, so a failure in any of them
 * still leaves the database exactly as it was.
 */
export async function restoreBackup(db: DB, backup: Backup, onProgress?: OnProgress): Promise<RestoreReport> {
	const report: RestoreReport = { added: 0, updated: 0, issues: 0, settings: false };
	const total = backup.captures.length + backup.issues.length;
	let done = 0;
	await writeTransaction(db, ["captures", "issues", "settings"], (tx) =>
		allRequests(async (writes) => {
			const captures = tx.objectStore("captures");
			const issues = tx.objectStore("issues");
			const settings = tx.objectStore("settings");
			// Counted before anything is written: "an empty database" means empty before this restore.
			const [captureCount, issueCount] = await Promise.all([captures.count(), issues.count()]);
			onProgress?.({ done, total });
			for (let start = 0; start < backup.captures.length; start += BATCH_SIZE) {
				const batch = backup.captures.slice(start, start + BATCH_SIZE);
				const current = await Promise.all(batch.map((capture) => captures.get(capture.id)));
				const puts: Promise<unknown>[] = [];
				for (const [i, capture] of batch.entries()) {
					const stored = current[i];
					if (!stored) report.added++;
					else if (stored.updatedAt < capture.updatedAt) report.updated++;
					else continue;
					// Into `writes` at once: a put that throws on the spot must not leave earlier ones unobserved.
					const put = captures.put(toStored(capture));
					writes.push(put);
					puts.push(put);
				}
				await Promise.all(puts);
				done += batch.length;
				onProgress?.({ done, total });
			}
			for (let start = 0; start < backup.issues.length; start += BATCH_SIZE) {
				const batch = backup.issues.slice(start, start + BATCH_SIZE);
				const current = await Promise.all(batch.map((issue) => issues.getKey(issue.number)));
				const puts: Promise<unknown>[] = [];
				for (const [i, issue] of batch.entries()) {
					if (current[i] !== undefined) continue;
					const put = issues.put(issue);
					writes.push(put);
					puts.push(put);
					report.issues++;
				}
				await Promise.all(puts);
				done += batch.length;
				onProgress?.({ done, total });
			}
			if (captureCount === 0 && issueCount === 0) {
				report.settings = true;
				writes.push(
					settings.put(backup.newsletter, "newsletter"),
					settings.put(backup.draft, "draft"),
					settings.put(backup.templates as Record<string, string>, "templates"),
					settings.put(backup.trackingParams, "trackingParams"),
					settings.put(backup.groups, "groups"),
				);
				if (backup.lastSection !== undefined) writes.push(settings.put(backup.lastSection, "lastSection"));
			} else {
				const [storedNewsletter, storedTemplates, storedGroups, storedLast] = await Promise.all([
					settings.get("newsletter"),
					settings.get("templates"),
					settings.get("groups"),
					settings.get("lastSection"),
				]);
				const newsletter = (storedNewsletter as Newsletter | undefined) ?? DEFAULT_NEWSLETTER;
				const known = new Set(newsletter.sections.map((s) => s.id));
				const missing = backup.newsletter.sections.filter((s) => !known.has(s.id));
				if (missing.length > 0) {
					writes.push(settings.put({ ...newsletter, sections: [...newsletter.sections, ...missing] }, "newsletter"));
				}
				const templates = (storedTemplates as Record<string, string> | undefined) ?? {};
				writes.push(settings.put({ ...(backup.templates as Record<string, string>), ...templates }, "templates"));
				const groups = (storedGroups as string[] | undefined) ?? [];
				const added = backup.groups.filter((g) => !groups.includes(g));
				if (added.length > 0) writes.push(settings.put([...groups, ...added].slice(0, MAX_GROUPS), "groups"));
				if (storedLast === undefined && backup.lastSection !== undefined) {
					writes.push(settings.put(backup.lastSection, "lastSection"));
				}
			}
		}),
	);
	return report;
}
