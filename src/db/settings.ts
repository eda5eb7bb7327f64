import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, newIssueMeta } from "../core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../core/url.ts";
import type { DB } from "./open.ts";
import type { SettingsValues } from "./schema.ts";
import { writeTransaction } from "./write.ts";

async function getSetting<K extends keyof SettingsValues>(db: DB, key: K): Promise<SettingsValues[K] | undefined> {
	return (await db.get("settings", key)) as SettingsValues[K] | undefined;
}

async function setSetting<K extends keyof SettingsValues>(db: DB, key: K, value: SettingsValues[K]): Promise<void> {
	await writeTransaction(db, ["settings"], (tx) => tx.objectStore("settings").put(value, key));
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

/** Groups used lately in list sections (e.g. outage vendors), most recent first. */
export async function loadGroups(db: DB): Promise<string[]> {
	return (await getSetting(db, "groups")) ?? [];
}

/** The curator's own templates by format; a format missing here uses the default template. */
export async function loadTemplates(db: DB): Promise<Record<string, string>> {
	return (await getSetting(db, "templates")) ?? {};
}

export function saveTemplates(db: DB, templates: Record<string, string>): Promise<void> {
	return setSetting(db, "templates", templates);
}

/** Tracking parameters stripped from saved links; the default list until the curator edits it. */
export async function loadTrackingParams(db: DB): Promise<string[]> {
	return (await getSetting(db, "trackingParams")) ?? [...DEFAULT_TRACKING_PARAMS];
}

export function saveTrackingParams(db: DB, params: string[]): Promise<void> {
	return setSetting(db, "trackingParams", params);
}
