import type { Capture } from "../src/core/capture.ts";
import type { Newsletter } from "../src/core/newsletter.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import type { TabInfo } from "../src/platform/tabs.ts";
import type { UnsavedEdit } from "../src/platform/unsaved.ts";

/** What the popup knows from storage about the page it was opened on. */
export interface PopupData {
	newsletter: Newsletter;
	lastSection: string | undefined;
	/** Earlier captures of the same link, oldest first. */
	matches: Capture[];
	/** Groups already used in list sections, for the Group field's suggestions. */
	groups: string[];
	/** The curator's tracking-parameter list. */
	trackingParams: string[];
	/** Dates of sent issues by number, for "Featured in #N on <date>". */
	issueDates: ReadonlyMap<number, string>;
}

/** Everything the popup needs from the outside world; tests pass fakes. */
export interface PopupDeps {
	now(): number;
	newId(): string;
	close(): void;
	loadTab(): Promise<TabInfo | undefined>;
	/** The page's own details and selection; undefined when the page cannot be read. */
	readPage(tabId: number): Promise<PageSnapshot | undefined>;
	/** Settings, and earlier captures of the link with this key. */
	load(urlKey: string): Promise<PopupData>;
	/** Earlier captures of the link with another key (the canonical URL's), with their issues' dates. */
	matches(urlKey: string): Promise<Pick<PopupData, "matches" | "issueDates">>;
	/** Add or edit a capture; `alsoIn` adds a link already in the draft to that section too (a second placement). */
	save(capture: Capture, options: { expectedUpdatedAt?: number | undefined; alsoIn?: string }): Promise<void>;
	/** Tags used in the draft and recent issues, most used first: asked after everything else, for suggestions only. */
	knownTags?(): Promise<string[]>;
	/** Synchronous on purpose: the popup may be closed right after a keystroke. */
	readUnsaved(key: string): UnsavedEdit | undefined;
	keepUnsaved(edit: UnsavedEdit): void;
	forgetUnsaved(key: string): void;
	/** Mark the tab's toolbar button: this page is saved. */
	markSaved(tabId: number): Promise<void>;
}
