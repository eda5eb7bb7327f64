import { browser } from "./browser.ts";
import { broadcastChange, CHANGED_MESSAGE } from "./change-message.ts";

// onChange needs no polyfill: the options page's first script takes it from change-message.ts directly.
export { CHANGED_MESSAGE, onChange } from "./change-message.ts";

/**
 * Tell the other open Linkletter pages, and the background worker (which
 * keeps the toolbar badge), that stored data changed.
 */
export function announceChange(): void {
	const message = broadcastChange();
	// The worker may be asleep; a runtime message wakes it. Nobody listening is fine.
	browser.runtime.sendMessage(message).catch(() => {});
}

/** In the background worker: call `listener` when a Linkletter page of this extension reports a change. */
export function onChangeMessage(listener: () => void): void {
	browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
		if (sender.id !== browser.runtime.id) return;
		if ((message as { type?: unknown } | null)?.type === CHANGED_MESSAGE) listener();
	});
}
