/*
 * The "stored data changed" message every Linkletter page sends and hears,
 * in a module of its own so the popup can send it without loading
 * webextension-polyfill (see direct.ts).
 */
export const CHANGES_CHANNEL = "linkletter-changes";
export const CHANGED_MESSAGE = "linkletter:changed";

export type ChangeMessage = { type: typeof CHANGED_MESSAGE; from: string };

let pageId: string | undefined;
/** This page's id, so it does not react to its own announcements. */
export function thisPage(): string {
	pageId ??= crypto.randomUUID();
	return pageId;
}

/** Post the message to the other open pages (and the worker) on the BroadcastChannel. */
export function broadcastChange(): ChangeMessage {
	const message: ChangeMessage = { type: CHANGED_MESSAGE, from: thisPage() };
	const channel = new BroadcastChannel(CHANGES_CHANNEL);
	channel.postMessage(message);
	channel.close();
	return message;
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
