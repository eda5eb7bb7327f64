import type { Capture, Section } from "./capture.ts";
import type { Issue } from "./issue.ts";
import type { SentIssue } from "./newsletter.ts";
import { DEFAULT_TRACKING_PARAMS, stripTracking } from "./url.ts";

export type CheckKind =
	| "no-note"
	| "incomplete"
	| "empty-section"
	| "renders-nothing"
	| "duplicate"
	| "recently-featured"
	| "tracking";

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
 * group needs none, nor does one in a section whose notes are optional),
 * links saved but never completed, sections the issue leaves out (no
 * captures in them or their subsections, and not kept when empty), the
 * same link twice (a copy placed deliberately in another section, "add here
 * too", is no duplicate), links featured in the last 10 issues, and
 * leftover tracking parameters. Pure; an empty list means nothing to flag.
 */
export function checkIssue(
	captures: readonly Capture[],
	sections: readonly Section[],
	sent: readonly SentIssue[],
	trackingParams: readonly string[] = DEFAULT_TRACKING_PARAMS,
): CheckItem[] {
	const items: CheckItem[] = [];
	const byId = new Map(sections.map((s) => [s.id, s]));
	for (const c of captures) {
		if (c.incomplete) {
			items.push({
				kind: "incomplete",
				message: `“${c.title}” was saved as a link only: complete it.`,
				captureIds: [c.id],
			});
		} else if (!c.note.trim() && !noteOptional(byId.get(c.section), c)) {
			items.push({ kind: "no-note", message: `“${c.title}” has no note.`, captureIds: [c.id] });
		}
		// Tracking parameters live in the query or the fragment: a link with neither has none (and needs no parsing).
		const stripped = c.url.includes("?") || c.url.includes("#") ? stripTracking(c.url, trackingParams) : c.url;
		if (stripped !== c.url) {
			items.push({
				kind: "tracking",
				message: `“${c.title}” still has tracking parameters in its link.`,
				captureIds: [c.id],
				strippedUrl: stripped,
			});
		}
	}
	const filled = filledSections(captures, sections);
	for (const s of sections) {
		if (!filled.has(s.id) && !s.keepWhenEmpty) {
			items.push({ kind: "empty-section", message: `The section “${s.name}” is empty.`, captureIds: [] });
		}
	}
	const byKey = new Map<string, Capture[]>();
	for (const c of captures) byKey.set(c.urlKey, [...(byKey.get(c.urlKey) ?? []), c]);
	for (const same of byKey.values()) {
		if (countsAsDuplicate(same)) {
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

function noteOptional(section: Section | undefined, capture: Capture): boolean {
	return section?.notesOptional === true || (section?.layout === "list" && Boolean(capture.group));
}

/** Sections with a capture in them or in any of their subsections. */
function filledSections(captures: readonly Capture[], sections: readonly Section[]): Set<string> {
	const parent = new Map(sections.map((s) => [s.id, s.parent]));
	const filled = new Set<string>();
	for (const c of captures) {
		// Bounded walk up the parents: a cycle in bad data cannot hang the checklist.
		let at: string | undefined = c.section;
		for (let steps = 0; at !== undefined && steps <= sections.length && !filled.has(at); steps++) {
			filled.add(at);
			at = parent.get(at);
		}
	}
	return filled;
}

/**
 * Whether captures of one link are a duplicate: a copy placed deliberately
 * (alsoPlaced) in a section no other copy is in does not count; two copies
 * left in one section, or two saved without meaning to, do.
 */
function countsAsDuplicate(same: readonly Capture[]): boolean {
	const counted = same.filter((c) => !c.alsoPlaced || same.some((o) => o !== c && o.section === c.section));
	return counted.length > 1;
}

/**
 * Sections the export leaves out: a section with links none of which
 * appears in `output` (the rendered export, in any format) rendered nothing
 * — a curator's partial or template that skips a section would otherwise
 * drop it from the issue without a word. A link counts as shown when its
 * URL is in the output as written or HTML-escaped. Pure; in section order.
 */
export function checkExportShowsSections(output: string, issue: Issue): CheckItem[] {
	const shown = (url: string) => output.includes(url) || output.includes(url.replaceAll("&", "&amp;"));
	const items: CheckItem[] = [];
	for (const section of issue.sections) {
		const links = section.entries.filter((e) => e.url !== "#");
		if (links.length === 0 || links.some((e) => shown(e.url))) continue;
		items.push({
			kind: "renders-nothing",
			message: `The export leaves out “${section.name}” (${links.length === 1 ? "1 link" : `${links.length} links`}): check its template${section.partial ? ` “${section.partial}”` : ""}.`,
			captureIds: links.map((e) => e.id),
		});
	}
	return items;
}
