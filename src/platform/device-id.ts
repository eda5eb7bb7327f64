import { browser } from "./browser.ts";

const KEY = "linkletter:device-id";

/**
 * This browser's id in synced records: random, made once per install and
 * kept in storage.local (which never syncs), so two devices never share it.
 */
export async function deviceId(): Promise<string> {
	const stored = (await browser.storage.local.get(KEY))[KEY];
	if (typeof stored === "string" && stored) return stored;
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	const id = [...bytes].map((b) => b.toString(36).padStart(2, "0")).join("");
	await browser.storage.local.set({ [KEY]: id });
	return id;
}
