import { byPosition, type Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter } from "../core/newsletter.ts";
import { DRAFT, fromStored } from "./captures.ts";
import type { DB } from "./open.ts";
import type { SettingsValues } from "./schema.ts";
import { unsaved } from "./settings.ts";

/** The draft issue and the settings that shape it. */
export interface StoredDraft {
	newsletter: Newsletter;
	meta: IssueMeta;
	/** In order (section, then position within it, as listDraft gives them). */
	captures: Capture[];
	templates: Record<string, string>;
	trackingParams: string[];
}

/**
 * Everything the options page shows first, in one read-only transaction
 * (five of their own queue one behind another): the same values as
 * loadNewsletter, loadDraftMeta, listDraft, loadTemplates and loadTrackingParams.
 */
export async function loadDraft(db: DB, today: string): Promise<StoredDraft> {
	const tx = db.transaction(["settings", "captures"]);
	const settings = tx.objectStore("settings");
	const get = <K extends keyof SettingsValues>(key: K) => settings.get(key) as Promise<SettingsValues[K] | undefined>;
	// Requests run in order: the large one last, so its answer is the page's last wait.
	const [newsletter, meta, templates, trackingParams, rows] = await Promise.all([
		get("newsletter"),
		get("draft"),
		get("templates"),
		get("trackingParams"),
		tx.objectStore("captures").index("by-issue").getAll(DRAFT),
	]);
	// Read-only: the values are final once each request succeeded; waiting for the commit as well
	// would cost the page one more turn of the database (a failed request has already thrown).
	tx.done.catch(() => {});
	return {
		newsletter: unsaved.newsletter(newsletter),
		meta: unsaved.draft(meta, today),
		captures: rows.map(fromStored).sort(byPosition),
		templates: unsaved.templates(templates),
		trackingParams: unsaved.trackingParams(trackingParams),
	};
}
