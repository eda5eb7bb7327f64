import type { DBSchema } from "idb";
import type { Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter, SentIssue } from "../core/newsletter.ts";

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
	via?: string;
	updatedAt: number;
}

/** Single-row settings, keyed by name. */
export interface SettingsValues {
	newsletter: Newsletter;
	draft: IssueMeta;
	lastSection: string;
	/** Groups used lately in list sections, most recent first. */
	groups: string[];
	/** The curator's templates by format; a missing format uses the default. */
	templates: Record<string, string>;
	/** Tracking parameters stripped from saved links (patterns; "utm_*" matches a prefix). */
	trackingParams: string[];
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

/** Schema version 2: sent issues, frozen. */
export interface LinkletterDBv2 extends LinkletterDBv1 {
	issues: {
		key: number;
		value: SentIssue;
	};
}

/** The schema the code reads and writes today. */
export type LinkletterDB = LinkletterDBv2;
