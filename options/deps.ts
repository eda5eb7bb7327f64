import type { Capture } from "../src/core/capture.ts";
import type { IssueMeta, Newsletter } from "../src/core/newsletter.ts";

/** The draft issue as stored. */
export interface DraftData {
	newsletter: Newsletter;
	meta: IssueMeta;
	captures: Capture[];
}

/** What the clipboard receives: plain text always, HTML when the format has a rich form. */
export interface ClipboardPayload {
	text: string;
	html?: string;
}

/** Everything the options page needs from the outside world; tests pass fakes. */
export interface OptionsDeps {
	now(): number;
	newId(): string;
	/** Today's date as YYYY-MM-DD, in the curator's time zone. */
	today(): string;
	load(): Promise<DraftData>;
	/** Replace a capture unless it changed since `expectedUpdatedAt` (throws ConflictError). */
	update(capture: Capture, expectedUpdatedAt: number): Promise<void>;
	remove(capture: Capture): Promise<void>;
	/** Put back a capture that was just deleted (Undo). */
	restore(capture: Capture): Promise<void>;
	importIssue(newsletter: Newsletter, meta: IssueMeta, captures: Capture[]): Promise<void>;
	copy(payload: ClipboardPayload): Promise<void>;
	download(filename: string, text: string, type: string): void;
	/** Subscribe to changes made in other windows; returns an unsubscribe. */
	onChange(listener: () => void): () => void;
}
