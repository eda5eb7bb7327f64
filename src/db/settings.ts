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

/** What the settings the draft view reads are before the curator ever saved them. */
export const unsaved = {
	newsletter: (stored: Newsletter | undefined): Newsletter => stored ?? structuredClone(DEFAULT_NEWSLETTER),
	draft: (stored: IssueMeta | undefined, today: string): IssueMeta => stored ?? newIssueMeta(1, today),
	templates: (stored: Record<string, string> | undefined): Record<string, string> => stored ?? {},
	trackingParams: (stored: string[] | undefined): string[] => stored ?? [...DEFAULT_TRACKING_PARAMS],
};

/** The newsletter's name, title template and sections; the defaults until the curator changes them. */
export async function loadNewsletter(db: DB): Promise<Newsletter> {
	return unsaved.newsletter(await getSetting(db, "newsletter"));
}

export function saveNewsletter(db: DB, newsletter: Newsletter): Promise<void> {
	return setSetting(db, "newsletter", newsletter);
}

/** The draft issue's details; a new draft (#1, dated `today`) when there is none yet. */
export async function loadDraftMeta(db: DB, today: string): Promise<IssueMeta> {
	return unsaved.draft(await getSetting(db, "draft"), today);
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
	return unsaved.templates(await getSetting(db, "templates"));
}

export function saveTemplates(db: DB, templates: Record<string, string>): Promise<void> {
	return setSetting(db, "templates", templates);
}

/** Tracking parameters stripped from saved links; the default list until the curator edits it. */
export async function loadTrackingParams(db: DB): Promise<string[]> {
	return unsaved.trackingParams(await getSetting(db, "trackingParams"));
}

export function saveTrackingParams(db: DB, params: string[]): Promise<void> {
	return setSetting(db, "trackingParams", params);
}

/**
 * Whether to show the first-run welcome: never once dismissed; only while
 * nothing is captured or sent; and only to a profile that is new (its
 * newsletter never saved), or that was already shown the welcome and may
 * have named its newsletter there before closing it.
 */
export async function shouldWelcome(db: DB): Promise<boolean> {
	const tx = db.transaction(["captures", "issues", "settings"]);
	const settings = tx.objectStore("settings");
	const [welcomed, newsletter, captures, issues] = await Promise.all([
		settings.get("welcomed"),
		settings.getKey("newsletter"),
		// Whether any row exists, not how many: counting a 10,000-link archive walks it all.
		tx.objectStore("captures").openKeyCursor(),
		tx.objectStore("issues").openKeyCursor(),
		tx.done,
	]);
	if (welcomed === "dismissed" || captures !== null || issues !== null) return false;
	return welcomed === "shown" || newsletter === undefined;
}

/** Note that the welcome was shown, or dismissed for good. */
export function saveWelcomed(db: DB, state: SettingsValues["welcomed"]): Promise<void> {
	return setSetting(db, "welcomed", state);
}
