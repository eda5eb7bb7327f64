/**
 * Synced records: the replication format between a curator's browsers.
 *
 * A record is a map of per-field last-writer-wins registers. Each register
 * says when it was written (`t`, the editing device's clock) and by which
 * device (`d`), and which register it replaced on that device (`b`), so a
 * merge can tell an edit made on top of a value (the old text was replaced
 * knowingly) from two concurrent edits (the losing text is kept in `x`, a
 * grow-only set of earlier versions the curator can restore).
 *
 * Everything here is pure: times and device ids come in as data.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One field's value, as last written. */
export interface Register {
	v: Json;
	/** When it was written (ms since epoch), on the writing device's clock. */
	t: number;
	/** The device that wrote it. */
	d: string;
	/** The register (`t:d`) this write replaced on its device; absent for a first write. */
	b?: string;
}

/** Text that lost a concurrent edit, kept so the curator can restore it. */
export interface Version {
	/** The field it belonged to. */
	f: string;
	v: string;
	t: number;
	d: string;
	/** For versions kept on a sent issue's record: the capture they belonged to. */
	c?: string;
}

/** A synced record: a capture ("c:<id>"), a setting ("s:<name>") or a sent issue ("i:<number>"). */
export interface SyncRecord {
	k: string;
	f: Record<string, Register>;
	/** Earlier versions of text fields that lost a concurrent edit. */
	x?: Version[];
}

/** The field of a capture record that marks it deleted; its value fingerprints what the deleter saw. */
export const DELETED = "_del";
/** The field of a sent-issue record holding the frozen issue. */
export const SENT = "sent";

export const registerId = (r: { t: number; d: string }): string => `${r.t}:${r.d}`;

/** Canonical JSON (object keys sorted), so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
	if (value === undefined) return "null";
	if (value === null || typeof value !== "object") return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
}

/** Total order on registers: later time wins, then the larger device id, then the larger value. */
export function compareRegisters(a: Register, b: Register): number {
	if (a.t !== b.t) return a.t - b.t;
	if (a.d !== b.d) return a.d < b.d ? -1 : 1;
	const av = canonical(a.v);
	const bv = canonical(b.v);
	return av === bv ? 0 : av < bv ? -1 : 1;
}

export const isSentKey = (key: string) => key.startsWith("i:");
export const isCaptureKey = (key: string) => key.startsWith("c:");

function versionId(v: Version): string {
	return `${v.c ?? ""}|${v.f}|${v.t}|${v.d}`;
}

/** Union of version lists, each version once, in a deterministic order. */
export function unionVersions(...lists: (readonly Version[] | undefined)[]): Version[] {
	const byId = new Map<string, Version>();
	for (const list of lists) for (const v of list ?? []) if (!byId.has(versionId(v))) byId.set(versionId(v), v);
	return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Merge two registers of one field. Capture and setting fields: the later
 * write wins. A sent issue is frozen once: the first send wins (lowest
 * sentAt, then lowest device id), so both devices keep the same bytes.
 * Returns the winner and, when the loser is text the winner did not knowingly
 * replace, that text as a version.
 */
export function mergeRegister(
	field: string,
	a: Register,
	b: Register,
	firstWins: boolean,
): { winner: Register; lost?: Version } {
	const order = compareRegisters(a, b);
	if (order === 0) return { winner: a };
	const aWins = firstWins ? order < 0 : order > 0;
	const winner = aWins ? a : b;
	const loser = aWins ? b : a;
	if (firstWins || typeof loser.v !== "string" || loser.v === winner.v || winner.b === registerId(loser)) {
		return { winner };
	}
	return { winner, lost: { f: field, v: loser.v, t: loser.t, d: loser.d } };
}

/** Merge two copies of one record (same key). Commutative, associative and idempotent. */
export function mergeRecord(a: SyncRecord, b: SyncRecord): SyncRecord {
	const firstWins = isSentKey(a.k);
	const fields: Record<string, Register> = {};
	const lost: Version[] = [];
	for (const name of [...new Set([...Object.keys(a.f), ...Object.keys(b.f)])].sort()) {
		const ra = a.f[name];
		const rb = b.f[name];
		if (ra && rb) {
			const merged = mergeRegister(name, ra, rb, firstWins);
			fields[name] = merged.winner;
			if (merged.lost) lost.push(merged.lost);
		} else {
			fields[name] = (ra ?? rb) as Register;
		}
	}
	const x = unionVersions(a.x, b.x, lost);
	return x.length > 0 ? { k: a.k, f: fields, x } : { k: a.k, f: fields };
}

/** 32-bit FNV-1a of a string, in base 36: a short fingerprint, not a security measure. */
export function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/** What a delete saw of a record: its field registers and kept versions. */
export function recordFingerprint(record: SyncRecord): string {
	const ids = Object.entries(record.f)
		.filter(([name]) => name !== DELETED)
		.map(([name, r]) => `${name}=${registerId(r)}`)
		.sort();
	const versions = (record.x ?? []).map(versionId).sort();
	return fingerprint(`${ids.join(",")}/${versions.join(",")}`);
}

/**
 * A record is deleted while its tombstone saw everything the record holds.
 * A write (or kept version) the deleting device had not seen brings the
 * record back, so no text is lost to a delete made without seeing it.
 */
export function isDeleted(record: SyncRecord): boolean {
	const tomb = record.f[DELETED];
	return !!tomb && tomb.v === recordFingerprint(record);
}

/** The latest write time in a record. */
export function latestWrite(record: SyncRecord): number {
	let t = 0;
	for (const r of Object.values(record.f)) t = Math.max(t, r.t);
	return t;
}

/** The record's current values, by field (null fields left out). */
export function currentValues(record: SyncRecord): Record<string, Json> {
	const out: Record<string, Json> = {};
	for (const [name, r] of Object.entries(record.f)) {
		if (name !== DELETED && r.v !== null) out[name] = r.v;
	}
	return out;
}
