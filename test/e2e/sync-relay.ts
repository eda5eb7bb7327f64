import type { Worker } from "playwright-core";
import type { Extension } from "./harness.ts";

type Items = Record<string, unknown>;

/** The extension API inside the service worker, where these functions run. */
declare const chrome: {
	storage: {
		sync: {
			get(keys: null): Promise<Items>;
			set(items: Items): Promise<void>;
			remove(names: string[]): Promise<void>;
		};
	};
};

/** The extension's service worker now (Chromium may have restarted it). */
export async function worker(ext: Extension): Promise<Worker> {
	return ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent("serviceworker"));
}

export function readSync(ext: Extension): Promise<Items> {
	return worker(ext).then((w) => w.evaluate(() => chrome.storage.sync.get(null)));
}

async function applySync(ext: Extension, set: Items, remove: string[]): Promise<void> {
	const w = await worker(ext);
	await w.evaluate(
		async ({ set, remove }) => {
			if (remove.length > 0) await chrome.storage.sync.remove(remove);
			if (Object.keys(set).length > 0) await chrome.storage.sync.set(set);
		},
		{ set, remove },
	);
}

/** One profile's storage.sync, as the relay reaches it. */
export interface SyncEndpoint {
	read(): Promise<Items>;
	apply(set: Items, remove: string[]): Promise<void>;
}

/** A Chromium profile's storage.sync, through its service worker. */
export function chromiumEndpoint(ext: Extension): SyncEndpoint {
	return { read: () => readSync(ext), apply: (set, remove) => applySync(ext, set, remove) };
}

/** A small seeded generator, so a failing relay schedule can be replayed. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Stands in for the browser's sync service between two profiles whose own
 * sync is off (Chromium then keeps storage.sync locally): it watches each
 * profile's storage.sync and copies every change into the other, late, in
 * up to three groups per look, each on its own delay (so items arrive out of
 * order), and now and then delivers a group a second time, after newer ones
 * (a stale duplicate).
 *
 * It writes through the extension's own storage.sync, which Chrome limits to
 * 120 writes a minute per profile (the real service's deliveries count
 * against no such limit). Copying item by item used that up within a test,
 * the browser refused the rest, and those changes were lost: the test then
 * waited for a capture that never came. So the relay writes a group at a
 * time, and a delivery the browser refuses is made again until it lands, as
 * the service would; one that never lands is kept in `failures`.
 */
export class SyncRelay {
	private readonly seen: Items[] = [{}, {}];
	private timer: ReturnType<typeof setInterval> | undefined;
	private readonly pending = new Set<Promise<void>>();
	private polling: Promise<void> | undefined;
	private readonly rand: () => number;
	/** When each item was delivered, and how long the relay held it on purpose. */
	readonly deliveries: { to: number; item: string; at: number; heldMs: number }[] = [];
	/** Deliveries the browser still refused after every retry, with its reason. */
	readonly failures: string[] = [];

	constructor(
		profiles: [Extension, Extension] | [SyncEndpoint, SyncEndpoint],
		private readonly opts: { minDelayMs: number; maxDelayMs: number; duplicateRate: number; seed: number } = {
			minDelayMs: 50,
			maxDelayMs: 400,
			duplicateRate: 0.25,
			seed: 12,
		},
	) {
		this.rand = random(opts.seed);
		this.profiles = profiles.map((p) => ("context" in p ? chromiumEndpoint(p) : p)) as [SyncEndpoint, SyncEndpoint];
	}

	private readonly profiles: [SyncEndpoint, SyncEndpoint];

	start(): void {
		this.timer = setInterval(() => {
			this.polling ??= this.poll().finally(() => {
				this.polling = undefined;
			});
		}, 100);
	}

	/** Stop watching; resolves when the look in progress and every delivery it scheduled have landed. */
	async stop(): Promise<void> {
		clearInterval(this.timer);
		await this.polling;
		await Promise.allSettled([...this.pending]);
	}

	private later(ms: number, work: () => Promise<void>): void {
		const p = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work);
		this.pending.add(p);
		void p.finally(() => this.pending.delete(p));
	}

	private async poll(): Promise<void> {
		try {
			for (const from of [0, 1] as const) {
				const now = await this.profiles[from].read();
				const before = this.seen[from] as Items;
				this.seen[from] = now;
				const changes: [string, unknown][] = [];
				for (const [name, value] of Object.entries(now)) {
					if (JSON.stringify(before[name]) !== JSON.stringify(value)) changes.push([name, value]);
				}
				for (const name of Object.keys(before)) if (!(name in now)) changes.push([name, undefined]);
				if (changes.length > 0) this.deliver(1 - from, changes);
			}
		} catch {
			// A worker restarting: the next look sees the change.
		}
	}

	/** One look's changes for a profile, in up to three groups, each late on its own delay, some twice. */
	private deliver(to: number, changes: [string, unknown][]): void {
		const { minDelayMs, maxDelayMs, duplicateRate } = this.opts;
		const groups = new Map<number, [string, unknown][]>();
		for (const change of changes) {
			const g = Math.floor(this.rand() * 3);
			groups.set(g, [...(groups.get(g) ?? []), change]);
		}
		for (const group of groups.values()) {
			const set: Items = {};
			const remove: string[] = [];
			for (const [name, value] of group) {
				if (value === undefined) remove.push(name);
				else set[name] = value;
			}
			const send = (heldMs: number) =>
				this.later(heldMs, async () => {
					if (!(await this.apply(to, set, remove))) return;
					// What the relay itself wrote is not a change of that profile's to copy back.
					const seen = this.seen[to] as Items;
					for (const [name, value] of group) {
						if (value === undefined) delete seen[name];
						else seen[name] = value;
						this.deliveries.push({ to, item: name, at: Date.now(), heldMs });
					}
				});
			send(minDelayMs + this.rand() * (maxDelayMs - minDelayMs));
			if (this.rand() < duplicateRate) send(maxDelayMs + 200 + this.rand() * 600);
		}
	}

	/** Write one delivery, again every second while the browser refuses it (its write limit is per minute). */
	private async apply(to: number, set: Items, remove: string[]): Promise<boolean> {
		const target = this.profiles[to] as SyncEndpoint;
		for (let attempt = 1; ; attempt++) {
			try {
				await target.apply(set, remove);
				return true;
			} catch (error) {
				if (attempt >= 75) {
					this.failures.push(`to profile ${to}: ${[...Object.keys(set), ...remove].join(", ")}: ${String(error)}`);
					return false;
				}
				await new Promise((resolve) => setTimeout(resolve, 1_000));
			}
		}
	}
}
