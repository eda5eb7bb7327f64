import type { Capture, CaptureInput } from "../src/core/capture.ts";

/** The fields a capture editor lets the curator change. */
export type EditorFields = Pick<Capture, "title" | "url" | "note" | "section"> & {
	quote: string;
	group: string;
	/** Tags as typed, separated by commas. */
	tags: string;
	/** Custom fields as typed, one "name: value" a line. */
	custom: string;
	sponsored: boolean;
	/** Credit: who pointed the curator to the link, and where (both optional). */
	viaName: string;
	viaUrl: string;
	/** The byline and page details, as read from the page and corrected by the curator. */
	author: string;
	siteName: string;
	publishedAt: string;
	description: string;
	image: string;
};

/** Tags typed with commas between them. */
export function splitTags(text: string): string[] {
	return text
		.split(",")
		.map((t) => t.trim())
		.filter(Boolean);
}

/** "name: value" lines as a record; a line without a colon has no value and is dropped. */
export function parseCustomFields(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of text.split("\n")) {
		const at = line.indexOf(":");
		if (at < 1) continue;
		const name = line.slice(0, at).trim();
		const value = line.slice(at + 1).trim();
		if (name && value && !Object.hasOwn(out, name)) out[name] = value;
	}
	return out;
}

/** The editor's fields as a capture edit. */
export function editorInput(fields: EditorFields): Partial<CaptureInput> {
	const { tags, custom, sponsored, viaName, viaUrl, ...rest } = fields;
	// An emptied field clears what the page said (normalizeCapture drops empty text).
	const via = viaName.trim() ? { name: viaName, url: viaUrl } : undefined;
	return { ...rest, via, tags: splitTags(tags), fields: parseCustomFields(custom), sponsored };
}

/** An editor the curator opened: the capture as it was then, and what they have typed since. */
export interface OpenEditor {
	capture: Capture;
	fields: EditorFields;
}

/**
 * The capture editors open on this page, by capture id. Kept above the
 * draft list (and outside Preact state, so typing re-renders only the
 * editor): a card that remounts — its capture moved to another section, or
 * gone from the draft because another window deleted or sent it — gets its
 * typed text back instead of losing it.
 */
export type OpenEditors = Map<string, OpenEditor>;

export function fieldsOf(capture: Capture): EditorFields {
	return {
		title: capture.title,
		url: capture.url,
		note: capture.note,
		section: capture.section,
		quote: capture.quote ?? "",
		group: capture.group ?? "",
		tags: (capture.tags ?? []).join(", "),
		custom: Object.entries(capture.fields ?? {})
			.map(([name, value]) => `${name}: ${value}`)
			.join("\n"),
		sponsored: capture.sponsored === true,
		viaName: capture.via?.name ?? "",
		viaUrl: capture.via?.url ?? "",
		author: capture.author ?? "",
		siteName: capture.siteName ?? "",
		publishedAt: capture.publishedAt ?? "",
		description: capture.description ?? "",
		image: capture.image ?? "",
	};
}

/** Whether any open editor holds text the curator typed and has not saved. */
export function hasUnsavedEdits(editors: OpenEditors): boolean {
	for (const { capture, fields } of editors.values()) {
		const saved = fieldsOf(capture);
		if ((Object.keys(saved) as (keyof EditorFields)[]).some((key) => fields[key] !== saved[key])) return true;
	}
	return false;
}

/** What the curator is told when the capture they are editing left the draft elsewhere. */
export function goneMessage(title: string, current: Capture | undefined): string {
	const what =
		current && current.issue !== null
			? `“${title}” went out in issue #${current.issue} while you were editing it.`
			: `“${title}” was deleted in another window while you were editing it.`;
	return `${what} Your edit is kept here: save it as a new capture in the draft, or discard it.`;
}
