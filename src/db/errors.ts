import type { StoredCapture } from "./schema.ts";

/** The record changed in another window since it was loaded; nothing was written. */
export class ConflictError extends Error {
	override name = "ConflictError";
	constructor(readonly current: StoredCapture | undefined) {
		super(
			!current
				? "This capture was deleted in another window. Your edit was not saved."
				: current.issueKey !== 0
					? `This capture went out in issue #${current.issueKey} in the meantime. Your edit was not saved.`
					: "This capture was changed in another window. Your edit was not saved; reload it to see the other change.",
		);
	}
}

/** The browser refused the write for lack of space; nothing was written. */
export class StorageFullError extends Error {
	override name = "StorageFullError";
	constructor() {
		super(
			"There is no room left to save (the disk or the browser's storage is full). Nothing was lost: free some space and try again.",
		);
	}
}

/** Translate the browser's quota error into one the UI can show; rethrow anything else. */
export function explainWriteError(error: unknown): never {
	const name = (error as { name?: string } | null)?.name;
	if (name === "QuotaExceededError" || (name === "AbortError" && /quota/i.test(String((error as Error).message)))) {
		throw new StorageFullError();
	}
	throw error;
}
