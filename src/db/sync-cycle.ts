import { CHROME_LIMITS, type Items, readItems, type SyncLimits } from "../core/sync/chunk.ts";
import { planSync } from "../core/sync/plan.ts";
import { baseOf, mergeState, type SyncState, syncStep } from "../core/sync/state.ts";
import type { DB } from "./open.ts";
import { applyProjection, readLocal } from "./sync-local.ts";
import { loadReplica, type SyncDB, saveReplica } from "./sync-state.ts";

/** What one round needs from outside IndexedDB (storage.sync and the clock), passed in so tests use fakes. */
export interface SyncRoundDeps {
	db: DB;
	replica: SyncDB;
	device: string;
	now(): number;
	/** Every item in storage.sync now. */
	readRemote(): Promise<Items>;
	/** Write and remove items; resolves with the items refused and why. */
	write(writes: Items, removals: string[]): Promise<{ item: string; reason: string }[]>;
	limits?: SyncLimits;
}

/** How a round went, for the status the options page shows. */
export interface SyncRoundResult {
	/** IndexedDB changed: open pages should reload. */
	changed: boolean;
	items: number;
	bytes: number;
	failed: { item: string; reason: string }[];
	deviceOnly: { id: string; title: string }[];
	unplaced: string[];
}

/**
 * One replication round: read this device's data and storage.sync, record
 * local edits, merge what other devices wrote, write the result into
 * IndexedDB (the source of truth), keep the replica, then bring storage.sync
 * up to date within its quota.
 */
export async function syncRound(deps: SyncRoundDeps): Promise<SyncRoundResult> {
	const limits = deps.limits ?? CHROME_LIMITS;
	const replica = await loadReplica(deps.replica);
	const read = await readLocal(deps.db, replica.base);
	const remoteItems = await deps.readRemote();
	const { records, incomplete } = readItems(remoteItems);
	let remote: SyncState = {};
	for (const r of records) remote = mergeState(remote, { [r.k]: r });
	const { state, projection } = syncStep(replica.state, replica.base, read.local, remote, {
		device: deps.device,
		now: deps.now(),
	});
	const { changed, skipped } = await applyProjection(deps.db, projection, read);
	const base = baseOf(projection);
	// What was not written (the curator was editing it) keeps its old base, so the edit is seen next round.
	for (const key of skipped) {
		const old = replica.base[key];
		if (old) base[key] = old;
		else delete base[key];
	}
	await saveReplica(deps.replica, { state, base });
	const plan = planSync(state, remoteItems, incomplete, limits);
	const failed = await deps.write(plan.writes, plan.removals);
	return {
		changed,
		items: plan.items,
		bytes: plan.bytes,
		failed,
		deviceOnly: plan.deviceOnly.map((c) => ({ id: c.id, title: c.title })),
		unplaced: plan.unplaced,
	};
}

/**
 * Run `round` whenever asked, one at a time: a request while a round runs
 * makes one more round afterwards (many requests, one more round).
 */
export function serializeRounds(round: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	let again = false;
	const loop = async () => {
		do {
			again = false;
			await round().catch(() => {});
		} while (again);
		running = undefined;
	};
	return () => {
		if (running) {
			again = true;
			return running;
		}
		running = loop();
		return running;
	};
}
