import { normalizeCapture } from "../core/capture.ts";
import { DEFAULT_NEWSLETTER, type Newsletter } from "../core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS, stripTracking, urlKey } from "../core/url.ts";
import { toStored } from "./captures.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

/**
 * "Save link to Linkletter": keep a link from a page without opening it, in
 * the section used last, marked incomplete so the curator completes it later.
 * A link already in the draft is left as it is. One transaction reads the
 * settings, checks the draft and adds the capture, so two quick clicks never
 * make two captures; it resolves (to whether it saved) only once the capture
 * is on disk, and rejects — StorageFullError, WriteFailedError — when not.
 */
export function saveLink(
	db: DB,
	link: { url: string; text?: string | undefined },
	ctx: { now: number; id: string },
): Promise<boolean> {
	return writeTransaction(db, ["captures", "settings"], async (tx) => {
		const settings = tx.objectStore("settings");
		const [params, newsletter, last] = await Promise.all([
			settings.get("trackingParams") as Promise<string[] | undefined>,
			settings.get("newsletter") as Promise<Newsletter | undefined>,
			settings.get("lastSection") as Promise<string | undefined>,
		]);
		const url = stripTracking(link.url, params ?? [...DEFAULT_TRACKING_PARAMS]);
		const captures = tx.objectStore("captures");
		const matches = await captures.index("by-urlKey").getAll(urlKey(url));
		if (matches.some((m) => m.issueKey === 0)) return false;
		const sections = (newsletter ?? DEFAULT_NEWSLETTER).sections;
		const section = sections.find((s) => s.id === last)?.id ?? sections[0]?.id ?? "articles";
		const title = link.text?.trim() || url;
		await captures.add(toStored(normalizeCapture({ url, title, section, incomplete: true }, ctx)));
		return true;
	});
}
