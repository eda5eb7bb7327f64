import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, newIssueMeta } from "../core/newsletter.ts";
import { explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";
import type { SettingsValues } from "./schema.ts";

async function getSetting<K extends keyof SettingsValues>(db: DB, key: K): Promise<SettingsValues[K] | undefined> {
	return (await db.get("settings", key)) as SettingsValues[K] | undefined;
}

async function setSetting<K extends keyof SettingsValues>(db: DB, key: K, value: SettingsValues[K]): Promise<void> {
	try {
		await db.put("settings", value, key);
	} catch (error) {
		explainWriteError(error);
	}
}

/** The newsletter's name, title template and sections; the defaults until the curator changes them. */
export async function loadNewsletter(db: DB): Promise<Newsletter> {
	return (await getSetting(db, "newsletter")) ?? structuredClone(DEFAULT_NEWSLETTER);
}

export function saveNewsletter(db: DB, newsletter: Newsletter): Promise<void> {
	return setSetting(db, "newsletter", newsletter);
}

/** The draft issue's details; a new draft (#1, dated `today`) when there is none yet. */
export async function loadDraftMeta(db: DB, today: string): Promise<IssueMeta> {
	return (await getSetting(db, "draft")) ?? newIssueMeta(1, today);
}

export function saveDraftMeta(db: DB, meta: IssueMeta): Promise<void> {
	return setSetting(db, "draft", meta);
}

/** The section the curator saved into last: the popup's default. */
export function loadLastSection(db: DB): Promise<string | undefined> {
	return getSetting(db, "lastSection");
}

export function saveLastSection(db: DB, sectionId: string): Promise<void> {
	return setSetting(db, "lastSection", sectionId);
}
