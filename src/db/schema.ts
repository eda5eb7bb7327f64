import type { DBSchema } from "idb";
import type { Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter } from "../core/newsletter.ts";

/** A capture as stored: issueKey mirrors `issue` (0 = draft) because IndexedDB cannot index null. */
export type StoredCapture = Capture & { issueKey: number };

/** What the popup had typed but not saved, keyed by the page URL. */
export interface UnsavedEdit {
	url: string;
	title?: string;
	note: string;
	quote?: string;
	section?: string;
	group?: string;
	updatedAt: number;
}

/** Single-row settings, keyed by name. */
export interface SettingsValues {
	newsletter: Newsletter;
	draft: IssueMeta;
	lastSection: string;
}

/** Schema version 1. */
export interface LinkletterDBv1 extends DBSchema {
	captures: {
		key: string;
		value: StoredCapture;
		indexes: { "by-issue": number; "by-urlKey": string };
	};
	settings: {
		key: keyof SettingsValues;
		value: SettingsValues[keyof SettingsValues];
	};
	unsaved: {
		key: string;
		value: UnsavedEdit;
	};
}

/** The schema the code reads and writes today. */
export type LinkletterDB = LinkletterDBv1;
