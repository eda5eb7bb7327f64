/*
 * Persistent storage: the browser may evict an origin's IndexedDB when the
 * disk runs low unless the origin is marked persistent. Linkletter asks, so
 * the archive of sent issues is not silently dropped. (With the
 * unlimitedStorage permission Chromium and Firefox grant it without a prompt.)
 */

/** Whether the browser keeps this extension's storage under pressure; false where it cannot tell. */
export async function storagePersisted(): Promise<boolean> {
	return (await navigator.storage?.persisted?.()) ?? false;
}

/** Ask the browser to keep this extension's storage; resolves to whether it now does. */
export async function requestPersistence(): Promise<boolean> {
	return (await navigator.storage?.persist?.()) ?? false;
}
