import type { Capture } from "../capture.ts";
import { CHROME_LIMITS, type Items, itemSize, recordItems, recordKeyOf, type SyncLimits } from "./chunk.ts";
import { canonical, isCaptureKey, isDeleted, isSentKey, latestWrite, SENT, type SyncRecord } from "./record.ts";
import { archivedIn, project, type SyncState, sentKey } from "./state.ts";

/** What this device should hold in storage.sync, and what does not fit. */
export interface SyncPlan {
	/** Items to write (new or changed). */
	writes: Items;
	/** Item names to remove: records nobody needs any more, and pieces a record no longer has. */
	removals: string[];
	/** Draft captures that do not fit the quota: they stay on this device only (never dropped). */
	deviceOnly: Capture[];
	/** Records that could not be placed although they are not captures (a setting or a sent issue larger than the quota). */
	unplaced: string[];
	/** Items and bytes storage.sync will hold once the plan is written. */
	items: number;
	bytes: number;
}

function sentNumber(key: string): number {
	return Number(key.slice(2));
}

/**
 * Decide which records go to storage.sync, most needed first: the latest sent
 * issue (every device must archive it), the settings, deletes, then captures
 * (those already in sync before new ones, so a device never pushes out
 * another's record to make room, then oldest first). What does not fit is
 * listed, not dropped. Older sent issues and records the state dropped are
 * removed from sync; records still arriving piece by piece (`incomplete`) are
 * left alone.
 */
export function planSync(
	state: SyncState,
	remote: Items,
	incomplete: readonly string[] = [],
	limits: SyncLimits = CHROME_LIMITS,
): SyncPlan {
	const archived = archivedIn(state);
	// An archived capture's record says nothing its frozen issue does not, unless it was written after the send.
	const redundant = (r: SyncRecord) => {
		const number = isCaptureKey(r.k) ? archived.get(r.k.slice(2)) : undefined;
		const sentAt = number === undefined ? undefined : state[sentKey(number)]?.f[SENT]?.t;
		return sentAt !== undefined && latestWrite(r) <= sentAt;
	};
	const records = Object.values(state).filter((r) => !redundant(r));
	const sent = records.filter((r) => isSentKey(r.k)).sort((a, b) => sentNumber(b.k) - sentNumber(a.k));
	const inRemote = new Set(Object.keys(remote).map(recordKeyOf));
	const createdAt = (r: SyncRecord) => Number(r.f.createdAt?.v ?? 0);
	const captures = records
		.filter((r) => isCaptureKey(r.k))
		.sort(
			(a, b) =>
				Number(isDeleted(b)) - Number(isDeleted(a)) ||
				Number(inRemote.has(b.k)) - Number(inRemote.has(a.k)) ||
				createdAt(a) - createdAt(b) ||
				(a.k < b.k ? -1 : 1),
		);
	const settings = records.filter((r) => r.k.startsWith("s:")).sort((a, b) => (a.k < b.k ? -1 : 1));
	const ordered = [...sent.slice(0, 1), ...settings, ...captures];

	const keepIncomplete = new Set(incomplete);
	// Remote items of records this device will not rewrite but must not remove either.
	const planned = new Set(ordered.map((r) => r.k));
	const stale = (recordKey: string) => {
		const record = state[recordKey];
		if (keepIncomplete.has(recordKey)) return false;
		return !record || (isSentKey(recordKey) && recordKey !== sent[0]?.k) || redundant(record);
	};
	let bytes = 0;
	let count = 0;
	for (const [name, value] of Object.entries(remote)) {
		const key = recordKeyOf(name);
		if (key === undefined || (!planned.has(key) && !stale(key))) {
			bytes += itemSize(name, value);
			count++;
		}
	}

	const desired: Items = {};
	const deviceOnlyKeys = new Set<string>();
	const unplaced: string[] = [];
	for (const record of ordered) {
		const items = recordItems(record, limits);
		const size = Object.entries(items).reduce((sum, [name, value]) => sum + itemSize(name, value), 0);
		const n = Object.keys(items).length;
		if (bytes + size <= limits.totalBytes && count + n <= limits.maxItems) {
			Object.assign(desired, items);
			bytes += size;
			count += n;
		} else if (isCaptureKey(record.k)) {
			deviceOnlyKeys.add(record.k);
		} else {
			unplaced.push(record.k);
		}
	}

	const writes: Items = {};
	for (const [name, value] of Object.entries(desired)) {
		if (!(name in remote) || canonical(remote[name]) !== canonical(value)) writes[name] = value;
	}
	const placed = new Set(Object.keys(desired).map(recordKeyOf));
	const removals = Object.keys(remote).filter((name) => {
		const key = recordKeyOf(name);
		if (key === undefined || name in desired) return false;
		// A piece the record no longer has, or a record nobody needs.
		return placed.has(key) || stale(key);
	});
	const deviceOnly = project(state).captures.filter(
		(c) => deviceOnlyKeys.has(`c:${c.id}`) && !archived.has(c.id) && c.issue === null,
	);
	return { writes, removals, deviceOnly, unplaced, items: count, bytes };
}
