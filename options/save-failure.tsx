import { useState } from "preact/hooks";
import { ConflictError } from "../src/db/errors.ts";

/** A write that failed: why, and how to run the very same write again. */
export interface Failure {
	reason: string;
	/** Absent when trying again cannot help (a conflict: the curator must choose). */
	retry?: () => void;
}

/** The reason a write failed, in the curator's words. */
export function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** How a write run through useSave ended. */
export type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * Run writes and remember the last one that failed, with a retry of that
 * same write. `run` never throws, so what the curator typed stays in the
 * form either way; it resolves to how the write ended.
 */
export function useSave(): { failure: Failure | undefined; run: (write: () => Promise<void>) => Promise<Outcome> } {
	const [failure, setFailure] = useState<Failure>();
	const run = async (write: () => Promise<void>): Promise<Outcome> => {
		try {
			await write();
			setFailure(undefined);
			return { ok: true };
		} catch (error) {
			setFailure({
				reason: reasonOf(error),
				...(error instanceof ConflictError ? {} : { retry: () => void run(write) }),
			});
			return { ok: false, error };
		}
	};
	return { failure, run };
}

/** “Couldn't save — <reason>” and a Retry button; nothing when there is no failure. */
export function SaveFailure(props: { failure: Failure | undefined }) {
	const { failure } = props;
	return (
		<div role="alert">
			{failure && (
				<p class="error">
					Couldn’t save — {failure.reason}{" "}
					{failure.retry && (
						<button type="button" onClick={failure.retry}>
							Retry
						</button>
					)}
				</p>
			)}
		</div>
	);
}
