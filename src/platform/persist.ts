import { browser } from "./browser.ts";

/*
 * The browser may evict an origin's IndexedDB when the disk runs low, unless
 * the origin's storage is protected. Two things protect Linkletter's archive:
 * the unlimitedStorage permission (Chromium never evicts an origin that holds
 * it, and Firefox makes its IndexedDB persistent without a prompt) and
 * navigator.storage.persist(). Chromium answers persisted() with false even
 * under unlimitedStorage, so both are asked.
 */

/** Whether the browser keeps this extension's storage when the disk runs low; false where it cannot tell. */
export async function storagePersisted(): Promise<boolean> {
	if (await navigator.storage?.persisted?.()) return true;
	return browser.permissions.contains({ permissions: ["unlimitedStorage"] }).catch(() => false);
}

/** Ask the browser to keep this extension's storage; resolves to whether it now does. */
export async function requestPersistence(): Promise<boolean> {
	if (await navigator.storage?.persist?.()) return true;
	return storagePersisted();
}
