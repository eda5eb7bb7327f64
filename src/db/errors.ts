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

/** The browser refused a write for another reason (its own error is `cause`); nothing was written. */
export class WriteFailedError extends Error {
	override name = "WriteFailedError";
	constructor(cause: { name: string; message: string }) {
		super(`The browser refused the write (${cause.name}${cause.message ? `: ${cause.message}` : ""}).`, { cause });
	}
}

function isQuotaError(error: unknown): boolean {
	const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
	return name === "QuotaExceededError" || (name === "AbortError" && /quota/i.test(String(message)));
}

/**
 * Translate the browser's errors into ones the UI can show: the quota error
 * becomes StorageFullError, another DOMException (ConstraintError,
 * InvalidStateError…) a WriteFailedError naming it; our own errors
 * (ConflictError…) pass through unchanged.
 */
export function explainWriteError(error: unknown): never {
	if (isQuotaError(error)) throw new StorageFullError();
	if (typeof DOMException !== "undefined" && error instanceof DOMException) throw new WriteFailedError(error);
	throw error;
}
