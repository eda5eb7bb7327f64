import type { DBSchema } from "idb";
import type { Capture } from "../core/capture.ts";
import type { IssueMeta, Newsletter, SentIssue } from "../core/newsletter.ts";

/** A capture as stored: issueKey mirrors `issue` (0 = draft) because IndexedDB cannot index null. */
export type StoredCapture = Capture & { issueKey: number };

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
	/** The first-run welcome: "shown" once it appeared, "dismissed" once the curator closed it for good. */
	welcomed: "shown" | "dismissed";
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
	/** Dropped in v3: the popup's unsaved edits moved to synchronous localStorage. */
	unsaved: {
		key: string;
		value: { url: string; note: string; updatedAt: number };
	};
}

/** Schema version 2: sent issues, frozen. */
export interface LinkletterDBv2 extends LinkletterDBv1 {
	issues: {
		key: number;
		value: SentIssue;
	};
}

/** Schema version 3: no "unsaved" store. */
export interface LinkletterDBv3 extends DBSchema {
	captures: LinkletterDBv2["captures"];
	settings: LinkletterDBv2["settings"];
	issues: LinkletterDBv2["issues"];
}

/**
 * Schema version 4: the same stores; an issue's details hold `sponsors`
 * (a list) instead of the single `sponsor`, in the draft setting and in
 * every sent issue. Sections, captures and the newsletter gained optional
 * fields (nesting, tags, issue fields, partials, styles) that need no step.
 */
export type LinkletterDBv4 = LinkletterDBv3;

/** The schema the code reads and writes today. */
export type LinkletterDB = LinkletterDBv4;
