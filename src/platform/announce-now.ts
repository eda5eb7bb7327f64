import { broadcastChange } from "./change-message.ts";
import { directApi } from "./direct.ts";

/**
 * announceChange (changes.ts) without the polyfill, for the popup: sent the
 * moment a save has committed, before the popup can close, so open options
 * pages and the sync replicator in the worker hear of it. A module of its
 * own, not direct.ts, so the popup's first script does not carry it.
 */
export function announceChangeNow(): void {
	const message = broadcastChange();
	// The worker may be asleep; a runtime message wakes it. Nobody listening is fine.
	directApi()
		?.runtime.sendMessage(message)
		.catch(() => {});
}
