/** What the popup had typed for a page but not saved. */
export interface UnsavedEdit {
	/** The page's URL key. */
	url: string;
	title?: string;
	note?: string;
	quote?: string;
	section?: string;
	group?: string;
	via?: string;
	updatedAt: number;
}

const PREFIX = "linkletter:unsaved:";
/** Unsaved popup edits older than this are forgotten. */
export const UNSAVED_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/*
 * Kept in localStorage, not IndexedDB, on purpose: the write is synchronous,
 * so the last keystroke before the popup is closed is never lost to a
 * pending asynchronous transaction.
 */

/** What was typed for this page before the popup closed, if still fresh. Forgets stale edits of any page. */
export function readUnsaved(key: string, now: number, storage: Storage = localStorage): UnsavedEdit | undefined {
	let found: UnsavedEdit | undefined;
	for (let i = storage.length - 1; i >= 0; i--) {
		const name = storage.key(i);
		if (!name?.startsWith(PREFIX)) continue;
		let edit: UnsavedEdit | undefined;
		try {
			edit = JSON.parse(storage.getItem(name) ?? "") as UnsavedEdit;
		} catch {
			edit = undefined;
		}
		if (!edit || typeof edit.updatedAt !== "number" || now - edit.updatedAt >= UNSAVED_TTL_MS) storage.removeItem(name);
		else if (name === PREFIX + key) found = edit;
	}
	return found;
}

/** Remember what the popup has typed so far. Never throws: a full disk must not break typing. */
export function keepUnsaved(edit: UnsavedEdit, storage: Storage = localStorage): boolean {
	try {
		storage.setItem(PREFIX + edit.url, JSON.stringify(edit));
		return true;
	} catch {
		return false;
	}
}

/** Forget the page's unsaved edit (it was saved). */
export function forgetUnsaved(key: string, storage: Storage = localStorage): void {
	storage.removeItem(PREFIX + key);
}
