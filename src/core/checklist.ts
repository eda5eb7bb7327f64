import type { Capture, Section } from "./capture.ts";
import type { SentIssue } from "./newsletter.ts";
import { DEFAULT_TRACKING_PARAMS, stripTracking } from "./url.ts";

export type CheckKind = "no-note" | "incomplete" | "empty-section" | "duplicate" | "recently-featured" | "tracking";

/** One thing the curator may want to fix before sending. */
export interface CheckItem {
	kind: CheckKind;
	message: string;
	/** The captures concerned, when there are any. */
	captureIds: string[];
	/** For "tracking": the capture's link with the trackers removed, which one click can save. */
	strippedUrl?: string;
}

/** How many past issues a link is checked against. */
export const RECENT_ISSUES = 10;

/**
 * The pre-send checklist: captures with no note (a list capture named by its
 * group needs none), links saved but never completed, empty sections, the
 * same link twice, links featured in the last 10 issues, and leftover
 * tracking parameters. Pure; an empty list means nothing to flag.
 */
export function checkIssue(
	captures: readonly Capture[],
	sections: readonly Section[],
	sent: readonly SentIssue[],
	trackingParams: readonly string[] = DEFAULT_TRACKING_PARAMS,
): CheckItem[] {
	const items: CheckItem[] = [];
	const layout = new Map(sections.map((s) => [s.id, s.layout]));
	for (const c of captures) {
		if (c.incomplete) {
			items.push({
				kind: "incomplete",
				message: `“${c.title}” was saved as a link only: complete it.`,
				captureIds: [c.id],
			});
		} else if (!c.note.trim() && !(layout.get(c.section) === "list" && c.group)) {
			items.push({ kind: "no-note", message: `“${c.title}” has no note.`, captureIds: [c.id] });
		}
		const stripped = stripTracking(c.url, trackingParams);
		if (stripped !== c.url) {
			items.push({
				kind: "tracking",
				message: `“${c.title}” still has tracking parameters in its link.`,
				captureIds: [c.id],
				strippedUrl: stripped,
			});
		}
	}
	for (const s of sections) {
		if (!captures.some((c) => c.section === s.id)) {
			items.push({ kind: "empty-section", message: `The section “${s.name}” is empty.`, captureIds: [] });
		}
	}
	const byKey = new Map<string, Capture[]>();
	for (const c of captures) byKey.set(c.urlKey, [...(byKey.get(c.urlKey) ?? []), c]);
	for (const same of byKey.values()) {
		if (same.length > 1) {
			const first = same[0] as Capture;
			items.push({
				kind: "duplicate",
				message: `The same link is in this issue ${same.length} times: “${first.title}”.`,
				captureIds: same.map((c) => c.id),
			});
		}
	}
	const recent = [...sent].sort((a, b) => b.number - a.number).slice(0, RECENT_ISSUES);
	const featured = new Map<string, number>();
	for (const issue of recent) {
		for (const c of issue.captures) if (!featured.has(c.urlKey)) featured.set(c.urlKey, issue.number);
	}
	for (const c of captures) {
		const number = featured.get(c.urlKey);
		if (number !== undefined) {
			items.push({
				kind: "recently-featured",
				message: `“${c.title}” was featured in #${number}.`,
				captureIds: [c.id],
			});
		}
	}
	return items;
}
