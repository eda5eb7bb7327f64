import { browser } from "./browser.ts";

const CHANNEL = "linkletter-changes";
export const CHANGED_MESSAGE = "linkletter:changed";

/**
 * Tell the other open Linkletter pages, and the background worker (which
 * keeps the toolbar badge), that stored data changed.
 */
export function announceChange(): void {
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage({ type: CHANGED_MESSAGE });
	channel.close();
	// The worker may be asleep; a runtime message wakes it. Nobody listening is fine.
	browser.runtime.sendMessage({ type: CHANGED_MESSAGE }).catch(() => {});
}

/** Call `listener` whenever another Linkletter page changes stored data; returns an unsubscribe. */
export function onChange(listener: () => void): () => void {
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => listener();
	return () => channel.close();
}

/** In the background worker: call `listener` when a Linkletter page of this extension reports a change. */
export function onChangeMessage(listener: () => void): void {
	browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
		if (sender.id !== browser.runtime.id) return;
		if ((message as { type?: unknown } | null)?.type === CHANGED_MESSAGE) listener();
	});
}
