import type { Backup } from "../core/backup.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, newIssueMeta } from "../core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../core/url.ts";
import { fromStored, toStored } from "./captures.ts";
import { explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";

/** Read everything stored, for a backup file (the caller stamps the time and serialises). */
export async function readEverything(
	db: DB,
	today: string,
): Promise<Omit<Backup, "format" | "version" | "exportedAt">> {
	const tx = db.transaction(["captures", "issues", "settings"]);
	const settings = tx.objectStore("settings");
	const [captures, issues, newsletter, draft, templates, trackingParams] = await Promise.all([
		tx.objectStore("captures").getAll(),
		tx.objectStore("issues").getAll(),
		settings.get("newsletter"),
		settings.get("draft"),
		settings.get("templates"),
		settings.get("trackingParams"),
	]);
	return {
		newsletter: (newsletter as Newsletter | undefined) ?? DEFAULT_NEWSLETTER,
		draft: (draft as IssueMeta | undefined) ?? newIssueMeta(1, today),
		captures: captures.map(fromStored),
		issues,
		templates: (templates as Record<string, string> | undefined) ?? {},
		trackingParams: (trackingParams as string[] | undefined) ?? [...DEFAULT_TRACKING_PARAMS],
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

/**
 * Merge a backup into the database in one transaction, losing nothing on
 * either side: a capture is added when new and replaced only by a newer
 * version; a sent issue is added when its number is free; sections the
 * backup has and the database lacks are appended; templates fill formats
 * the curator has not customised. Into an empty database the backup's
 * settings and draft are taken whole.
 */
export async function restoreBackup(db: DB, backup: Backup): Promise<RestoreReport> {
	const report: RestoreReport = { added: 0, updated: 0, issues: 0, settings: false };
	try {
		const tx = db.transaction(["captures", "issues", "settings"], "readwrite");
		const captures = tx.objectStore("captures");
		const issues = tx.objectStore("issues");
		const settings = tx.objectStore("settings");
		const empty = (await captures.count()) === 0 && (await issues.count()) === 0;
		for (const capture of backup.captures) {
			const current = await captures.get(capture.id);
			if (!current) report.added++;
			else if (current.updatedAt < capture.updatedAt) report.updated++;
			else continue;
			void captures.put(toStored(capture));
		}
		for (const issue of backup.issues) {
			if (await issues.get(issue.number)) continue;
			void issues.put(issue);
			report.issues++;
		}
		if (empty) {
			report.settings = true;
			void settings.put(backup.newsletter, "newsletter");
			void settings.put(backup.draft, "draft");
			void settings.put(backup.templates, "templates");
			void settings.put(backup.trackingParams, "trackingParams");
		} else {
			const newsletter = ((await settings.get("newsletter")) as Newsletter | undefined) ?? DEFAULT_NEWSLETTER;
			const known = new Set(newsletter.sections.map((s) => s.id));
			const missing = backup.newsletter.sections.filter((s) => !known.has(s.id));
			if (missing.length > 0) {
				void settings.put({ ...newsletter, sections: [...newsletter.sections, ...missing] }, "newsletter");
			}
			const templates = ((await settings.get("templates")) as Record<string, string> | undefined) ?? {};
			void settings.put({ ...backup.templates, ...templates }, "templates");
		}
		await tx.done;
	} catch (error) {
		explainWriteError(error);
	}
	return report;
}
