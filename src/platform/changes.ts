import { browser } from "./browser.ts";
import { broadcastChange, CHANGED_MESSAGE, CHANGES_CHANNEL, type ChangeMessage, thisPage } from "./change-message.ts";

export { CHANGED_MESSAGE };

/**
 * Tell the other open Linkletter pages, and the background worker (which
 * keeps the toolbar badge), that stored data changed.
 */
export function announceChange(): void {
	const message = broadcastChange();
	// The worker may be asleep; a runtime message wakes it. Nobody listening is fine.
	browser.runtime.sendMessage(message).catch(() => {});
}

/**
 * Call `listener` whenever another Linkletter page changes stored data (not
 * this page: it reloads after its own writes, and an echo could overwrite
 * what the curator is typing). Returns an unsubscribe.
 */
export function onChange(listener: () => void): () => void {
	const channel = new BroadcastChannel(CHANGES_CHANNEL);
	const me = thisPage();
	channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
		if (event.data?.type === CHANGED_MESSAGE && event.data.from !== me) listener();
	};
	return () => channel.close();
}

/** In the background worker: call `listener` when a Linkletter page of this extension reports a change. */
export function onChangeMessage(listener: () => void): void {
	browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
		if (sender.id !== browser.runtime.id) return;
		if ((message as { type?: unknown } | null)?.type === CHANGED_MESSAGE) listener();
	});
}
