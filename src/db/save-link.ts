import { normalizeCapture } from "../core/capture.ts";
import { stripTracking, urlKey } from "../core/url.ts";
import { addCaptures, findByUrlKey } from "./captures.ts";
import type { DB } from "./open.ts";
import { loadLastSection, loadNewsletter, loadTrackingParams } from "./settings.ts";

/**
 * "Save link to Linkletter": keep a link from a page without opening it, in
 * the section used last, marked incomplete so the curator completes it later.
 * A link already in the draft is left as it is. Resolves to whether it saved.
 */
export async function saveLink(
	db: DB,
	link: { url: string; text?: string | undefined },
	ctx: { now: number; id: string },
): Promise<boolean> {
	const url = stripTracking(link.url, await loadTrackingParams(db));
	const matches = await findByUrlKey(db, urlKey(url));
	if (matches.some((m) => m.issue === null)) return false;
	const [newsletter, last] = await Promise.all([loadNewsletter(db), loadLastSection(db)]);
	const section = newsletter.sections.find((s) => s.id === last)?.id ?? newsletter.sections[0]?.id ?? "articles";
	const title = link.text?.trim() || url;
	await addCaptures(db, [normalizeCapture({ url, title, section, incomplete: true }, ctx)]);
	return true;
}
