import { currentValues, isCaptureKey, isDeleted, isSentKey } from "./record.ts";
import {
	archivedIn,
	captureEntity,
	DRAFT_KEY,
	NEWSLETTER_KEY,
	type SyncState,
	sentIssues,
	TEMPLATES_KEY,
} from "./state.ts";

/** An earlier text that lost a concurrent edit on another device, as the curator sees it. */
export interface KeptVersion {
	/** What it belongs to: a capture ("c:<id>"), a setting ("s:draft"…) or a sent issue's capture. */
	record: string;
	/** The capture it belonged to, when it is a capture's text. */
	captureId?: string;
	field: string;
	text: string;
	/** When the losing edit was made, and on which device. */
	at: number;
	device: string;
	/** Says what the text was: "Note of “Title”", "Intro of the draft". */
	label: string;
	/** Whether it can be put back: a draft capture's or a draft setting's text. */
	restorable: boolean;
}

/** Capture text a restore may put back (not the URL: its dedup key would go stale). */
const RESTORABLE_CAPTURE_FIELDS = new Set(["note", "title", "quote", "group", "description"]);

const SETTING_LABELS: Record<string, string> = {
	[DRAFT_KEY]: "the draft issue",
	[NEWSLETTER_KEY]: "the newsletter settings",
	[TEMPLATES_KEY]: "the templates",
};

/**
 * The earlier versions the curator can still recover: text that lost a
 * concurrent edit and is not the current text. Newest first.
 */
export function keptVersions(state: SyncState): KeptVersion[] {
	const out: KeptVersion[] = [];
	const issues = sentIssues(state);
	const archived = archivedIn(state);
	for (const [key, record] of Object.entries(state)) {
		if (isCaptureKey(key) && isDeleted(record)) continue;
		const current = currentValues(record);
		const number = isCaptureKey(key) ? archived.get(key.slice(2)) : undefined;
		if (number !== undefined) {
			// An archived capture shows as frozen; text written to it elsewhere after the send is kept here.
			const frozen = issues.get(number)?.captures.find((c) => c.id === key.slice(2));
			const values = frozen ? captureEntity(frozen) : {};
			const texts = [...Object.entries(record.f).map(([f, r]) => ({ f, v: r.v, t: r.t, d: r.d })), ...(record.x ?? [])];
			for (const v of texts) {
				if (typeof v.v !== "string" || v.v === values[v.f]) continue;
				out.push({
					record: key,
					captureId: key.slice(2),
					field: v.f,
					text: v.v,
					at: v.t,
					device: v.d,
					label: `${v.f} of “${frozen?.title ?? key}” (issue #${number} was sent)`,
					restorable: false,
				});
			}
			continue;
		}
		if (!record.x) continue;
		for (const v of record.x) {
			if (isSentKey(key)) {
				const issue = issues.get(Number(key.slice(2)));
				const capture = issue?.captures.find((c) => c.id === v.c);
				if (capture && (capture as unknown as Record<string, unknown>)[v.f] === v.v) continue;
				out.push({
					record: key,
					...(v.c ? { captureId: v.c } : {}),
					field: v.f,
					text: v.v,
					at: v.t,
					device: v.d,
					label: `${v.f} of “${capture?.title ?? "a capture"}” (issue #${key.slice(2)} was sent)`,
					restorable: false,
				});
				continue;
			}
			if (current[v.f] === v.v) continue;
			const title = typeof current.title === "string" ? current.title : key;
			out.push({
				record: key,
				...(isCaptureKey(key) ? { captureId: key.slice(2) } : {}),
				field: v.f,
				text: v.v,
				at: v.t,
				device: v.d,
				label: isCaptureKey(key) ? `${v.f} of “${title}”` : `${v.f} of ${SETTING_LABELS[key] ?? key}`,
				restorable: isCaptureKey(key) ? RESTORABLE_CAPTURE_FIELDS.has(v.f) : key === DRAFT_KEY || key === TEMPLATES_KEY,
			});
		}
	}
	return out.sort((a, b) => b.at - a.at || (a.record < b.record ? -1 : 1));
}
