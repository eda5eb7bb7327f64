import type { Items } from "../core/sync/chunk.ts";
import type { FailedItem, SyncStatus } from "../core/sync/status.ts";
import { browser } from "./browser.ts";

export type { FailedItem, SyncStatus };

/*
 * The only code that touches browser.storage.sync (Chrome Sync, Firefox
 * Sync). It holds only what the curator opted in to replicate; IndexedDB stays
 * the source of truth on each device. The opt-in and the last status live in
 * storage.local, which never leaves the device.
 */

/** storage.sync as the replicator sees it; tests pass a fake. */
export interface SyncArea {
	get(): Promise<Items>;
	set(items: Items): Promise<void>;
	remove(names: string[]): Promise<void>;
	bytesInUse(): Promise<number>;
}

/** The browser's storage.sync. */
export function browserSyncArea(): SyncArea {
	const area = browser.storage.sync;
	return {
		get: () => area.get(null) as Promise<Items>,
		set: (items) => area.set(items),
		remove: (names) => area.remove(names),
		// Firefox before 131 has no getBytesInUse on sync: count as Chrome does (key + JSON value).
		async bytesInUse() {
			const withBytes = area as unknown as { getBytesInUse?: (keys: null) => Promise<number> };
			if (typeof withBytes.getBytesInUse === "function") return withBytes.getBytesInUse(null);
			const all = (await area.get(null)) as Items;
			return Object.entries(all).reduce((n, [k, v]) => n + new TextEncoder().encode(k + JSON.stringify(v)).length, 0);
		},
	};
}

/** Call `listener` when storage.sync changes (another device's write arriving, or ours). */
export function onSyncAreaChanged(listener: () => void): void {
	browser.storage.onChanged.addListener((_changes, area) => {
		if (area === "sync") listener();
	});
}

const ENABLED = "linkletter:sync-enabled";
const STATUS = "linkletter:sync-status";

/** Whether the curator chose to sync the draft on this device. */
export async function syncEnabled(): Promise<boolean> {
	return (await browser.storage.local.get(ENABLED))[ENABLED] === true;
}

export async function setSyncEnabled(on: boolean): Promise<void> {
	await browser.storage.local.set({ [ENABLED]: on });
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
	await browser.storage.local.set({ [STATUS]: status });
}

export async function loadSyncStatus(): Promise<SyncStatus | undefined> {
	return (await browser.storage.local.get(STATUS))[STATUS] as SyncStatus | undefined;
}

/** Call `listener` when the opt-in or the status changes on this device. */
export function onSyncSettingsChanged(listener: (what: { enabled?: boolean; status?: boolean }) => void): () => void {
	const handler = (changes: Record<string, unknown>, area: string) => {
		if (area !== "local") return;
		const enabled = ENABLED in changes;
		const status = STATUS in changes;
		if (enabled || status) listener({ enabled, status });
	};
	browser.storage.onChanged.addListener(handler);
	return () => browser.storage.onChanged.removeListener(handler);
}

/** Time, for the writer: tests pass a fake clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** storage.sync's rate limits (Chrome's; Firefox's are looser). */
export interface RateLimits {
	perMinute: number;
	perHour: number;
}

export const CHROME_RATES: RateLimits = { perMinute: 120, perHour: 1800 };

const RATE_ERROR = /MAX_WRITE_OPERATIONS|MAX_SUSTAINED|rate/i;
const SPACE_ERROR = /QUOTA_BYTES|MAX_ITEMS|quota/i;

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Writes to storage.sync in as few operations as possible (one set for all
 * changed items, one remove), spaced to stay under the rate limits, retried
 * with backoff when the browser says the rate was exceeded. When the browser
 * refuses a batch for space, the batch is split to find which items it
 * refuses, and those are reported with the browser's reason; the rest is
 * written.
 */
export class SyncWriter {
	private readonly done: number[] = [];
	constructor(
		private readonly area: SyncArea,
		private readonly clock: Clock = realClock,
		private readonly rates: RateLimits = CHROME_RATES,
		private readonly retries = 8,
	) {}

	/** Wait until one more operation stays within both windows (with a small margin). */
	private async slot(): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			while (this.done.length > 0 && now - (this.done[0] as number) >= 3_600_000) this.done.shift();
			const lastMinute = this.done.filter((t) => now - t < 60_000);
			const minuteFull = lastMinute.length >= this.rates.perMinute - 2;
			const hourFull = this.done.length >= this.rates.perHour - 10;
			if (!minuteFull && !hourFull) return;
			const oldest = minuteFull ? (lastMinute[0] as number) + 60_000 : (this.done[0] as number) + 3_600_000;
			await this.clock.sleep(Math.max(1, oldest - now));
		}
	}

	private async op(run: () => Promise<void>): Promise<void> {
		for (let attempt = 0; ; attempt++) {
			await this.slot();
			this.done.push(this.clock.now());
			try {
				await run();
				return;
			} catch (error) {
				if (!RATE_ERROR.test(reasonOf(error)) || attempt >= this.retries) throw error;
				await this.clock.sleep(Math.min(60_000, 1000 * 2 ** attempt));
			}
		}
	}

	private async setAll(items: Items, failed: FailedItem[]): Promise<void> {
		const names = Object.keys(items);
		if (names.length === 0) return;
		try {
			await this.op(() => this.area.set(items));
		} catch (error) {
			const reason = reasonOf(error);
			if (names.length === 1 || !SPACE_ERROR.test(reason)) {
				for (const item of names) failed.push({ item, reason });
				return;
			}
			const half = Math.ceil(names.length / 2);
			const pick = (list: string[]) => Object.fromEntries(list.map((n) => [n, items[n]]));
			await this.setAll(pick(names.slice(0, half)), failed);
			await this.setAll(pick(names.slice(half)), failed);
		}
	}

	/** Remove, then write (removing first frees room). Resolves with the items the browser refused. */
	async write(writes: Items, removals: readonly string[]): Promise<FailedItem[]> {
		const failed: FailedItem[] = [];
		if (removals.length > 0) {
			try {
				await this.op(() => this.area.remove([...removals]));
			} catch (error) {
				for (const item of removals) failed.push({ item, reason: reasonOf(error) });
			}
		}
		await this.setAll(writes, failed);
		return failed;
	}
}
