import type { IDBPTransaction, StoreNames } from "idb";
import { explainWriteError } from "./errors.ts";
import type { DB } from "./open.ts";
import type { LinkletterDB } from "./schema.ts";

type Names = StoreNames<LinkletterDB>;

/** A read-write transaction over `N`, as the work given to `writeTransaction` sees it. */
export type WriteTx<N extends Names[]> = IDBPTransaction<LinkletterDB, N, "readwrite">;

/**
 * Run `work` in one read-write transaction and resolve once it is committed.
 * `work` must await every request it makes (idb: "If it's a write operation,
 * must reject if tx.done rejects") and nothing but IndexedDB. If `work`
 * throws — a refused write such as ConflictError, or a request that failed —
 * the transaction is aborted, nothing is written and that error is thrown;
 * the browser's quota error becomes StorageFullError.
 */
export async function writeTransaction<N extends Names[], T>(
	db: DB,
	stores: N,
	work: (tx: WriteTx<N>) => Promise<T>,
): Promise<T> {
	let tx: WriteTx<N>;
	try {
		tx = db.transaction(stores, "readwrite");
	} catch (error) {
		return explainWriteError(error);
	}
	// Observed at once, so an abort while `work` runs is never an unhandled rejection.
	const done = tx.done.then(
		() => undefined,
		(error: unknown) => error ?? new Error("The write was aborted."),
	);
	let result: T;
	try {
		result = await work(tx);
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already finished or aborted by the failed request itself.
		}
		await done;
		// A transaction the browser aborted (quota, a failed request) says the real cause; one we aborted has none.
		return explainWriteError(tx.error ?? error);
	}
	const failed = await done;
	if (failed) explainWriteError(failed);
	return result;
}

/**
 * Await every request in `requests`, issued by `issue` (which may also read).
 * If issuing throws on the spot (a DataError from put) or one request fails,
 * the requests already issued are observed, so their AbortErrors, when
 * `writeTransaction` aborts, are not unhandled rejections; then it rethrows.
 */
export async function allRequests(issue: (requests: Promise<unknown>[]) => Promise<void> | void): Promise<void> {
	const requests: Promise<unknown>[] = [];
	try {
		await issue(requests);
		await Promise.all(requests);
	} catch (error) {
		for (const request of requests) request.catch(() => {});
		throw error;
	}
}
