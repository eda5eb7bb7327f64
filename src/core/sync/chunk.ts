import { fingerprint, type Json, type Register, type SyncRecord, type Version } from "./record.ts";

/**
 * How a record is laid out in storage.sync. A record that fits one item is
 * stored whole under "r:<key>" as { r: packed record }. A larger one is cut, never
 * truncated, into pieces of its JSON text: the head "r:<key>" holds
 * { g, n, s } (a tag of this version, the number of pieces, the first piece)
 * and "r:<key>#1" … "#<n-1>" hold { g, s }. A reader joins the pieces only
 * when every one carries the head's tag, so a record caught half-written
 * (pieces arrive one by one, in any order) is read later, never wrong.
 */

export const ITEM_PREFIX = "r:";

/** storage.sync limits (Chrome's; Firefox's are the same or looser). */
export interface SyncLimits {
	/** QUOTA_BYTES: all items, keys included. */
	totalBytes: number;
	/** QUOTA_BYTES_PER_ITEM: one item's key plus its JSON value. */
	itemBytes: number;
	/** MAX_ITEMS. */
	maxItems: number;
}

export const CHROME_LIMITS: SyncLimits = { totalBytes: 102_400, itemBytes: 8_192, maxItems: 512 };

export type Items = Record<string, unknown>;

/** UTF-8 length of a string (a lone surrogate counts as the three bytes of U+FFFD). */
function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const next = text.charCodeAt(i + 1);
		if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
			n += 4;
			i++;
		} else n += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
	}
	return n;
}

/**
 * Bytes an item counts against the quota: its key plus its value as JSON, in
 * UTF-8, as Chromium writes JSON ("<", U+2028 and U+2029 escaped as six
 * bytes each, which JSON.stringify leaves as they are).
 */
export function itemSize(key: string, value: unknown): number {
	const json = JSON.stringify(value);
	let extra = 0;
	for (let i = 0; i < json.length; i++) {
		const code = json.charCodeAt(i);
		if (code === 0x3c) extra += 5;
		else if (code === 0x2028 || code === 0x2029) extra += 3;
	}
	return utf8Length(key) + utf8Length(json) + extra;
}

const ITEM_MARGIN = 64;

export const itemKey = (recordKey: string) => `${ITEM_PREFIX}${recordKey}`;
const PIECE = /#\d+$/;
const pieceKey = (recordKey: string, i: number) => `${ITEM_PREFIX}${recordKey}#${i}`;

/** UTF-8 bytes of one UTF-16 unit once escaped in a JSON string (a lone surrogate is escaped as \\uXXXX). */
function escapedSize(code: number): number {
	if (
		code === 0x22 ||
		code === 0x5c ||
		code === 0x08 ||
		code === 0x0c ||
		code === 0x0a ||
		code === 0x0d ||
		code === 0x09
	)
		return 2;
	// Chromium's JSON writer also escapes "<" and the line and paragraph separators as \\uXXXX.
	if (code < 0x20 || code === 0x3c || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff))
		return 6;
	return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

/** Cut `text` into pieces whose item (key + {g, s} as JSON) stays within `limit` bytes; surrogate pairs stay whole. */
function cut(text: string, limit: (index: number) => number): string[] {
	const pieces: string[] = [];
	let start = 0;
	while (start < text.length) {
		const room = limit(pieces.length);
		let end = start;
		let size = 0;
		while (end < text.length) {
			const code = text.charCodeAt(end);
			const next = text.charCodeAt(end + 1);
			const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
			const cost = pair === 2 ? 4 : escapedSize(code);
			if (size + cost > room) break;
			size += cost;
			end += pair;
		}
		if (end === start) throw new Error("Sync item limit too small to hold any text");
		pieces.push(text.slice(start, end));
		start = end;
	}
	return pieces;
}

/**
 * A record as stored: most fields of a capture were written together, so
 * each distinct write (time, device, what it replaced) is listed once in `w`
 * and a field is [value, index into w]. Times are relative to `t`, devices
 * indexes into `d`. This roughly halves a capture's bytes against the quota.
 */
interface Packed {
	k: string;
	t: number;
	d: string[];
	/** [time − t, device index] or, with what the write replaced, [time − t, device, replaced time − t, replaced device]. */
	w: number[][];
	f: Record<string, [Json, number]>;
	x?: Version[];
}

function pack(record: SyncRecord): Packed {
	const regs = Object.values(record.f);
	const t0 = regs.length > 0 ? Math.min(...regs.map((r) => r.t)) : 0;
	const devices: string[] = [];
	const device = (d: string) => {
		let i = devices.indexOf(d);
		if (i < 0) i = devices.push(d) - 1;
		return i;
	};
	const writes: number[][] = [];
	const index = new Map<string, number>();
	const f: Record<string, [Json, number]> = {};
	// In field-name order: the same record packs to the same bytes on every device, so none rewrites another's item.
	for (const name of Object.keys(record.f).sort()) {
		const r = record.f[name] as Register;
		const entry = [r.t - t0, device(r.d)];
		if (r.b) {
			const at = r.b.indexOf(":");
			entry.push(Number(r.b.slice(0, at)) - t0, device(r.b.slice(at + 1)));
		}
		const id = entry.join(",");
		let i = index.get(id);
		if (i === undefined) {
			i = writes.push(entry) - 1;
			index.set(id, i);
		}
		f[name] = [r.v, i];
	}
	return { k: record.k, t: t0, d: devices, w: writes, f, ...(record.x ? { x: record.x } : {}) };
}

function unpack(p: Packed): SyncRecord | undefined {
	if (!p || typeof p.k !== "string" || !Array.isArray(p.w) || !Array.isArray(p.d) || typeof p.f !== "object") {
		return undefined;
	}
	const f: Record<string, Register> = {};
	for (const [name, pair] of Object.entries(p.f)) {
		const w = Array.isArray(pair) ? p.w[pair[1]] : undefined;
		const d = w ? p.d[w[1] as number] : undefined;
		if (!w || d === undefined) return undefined;
		const reg: Register = { v: pair[0], t: p.t + (w[0] as number), d };
		if (w.length === 4) reg.b = `${p.t + (w[2] as number)}:${p.d[w[3] as number]}`;
		f[name] = reg;
	}
	return { k: p.k, f, ...(p.x ? { x: p.x } : {}) };
}

/** The storage.sync items that hold `record`. */
export function recordItems(record: SyncRecord, limits: SyncLimits = CHROME_LIMITS): Items {
	const key = itemKey(record.k);
	const packed = pack(record);
	const whole = { r: packed };
	if (itemSize(key, whole) <= limits.itemBytes - ITEM_MARGIN) return { [key]: whole };
	const text = JSON.stringify(packed);
	const g = fingerprint(text);
	// Room for a piece: the item limit less its key and the {"g":…,"n":…,"s":""} around it (n up to 3 digits).
	const overhead = (i: number) =>
		i === 0 ? itemSize(key, { g, n: 999, s: "" }) : itemSize(pieceKey(record.k, i), { g, s: "" });
	// A little room to spare: a browser's own count may differ in details the quota does not document.
	const pieces = cut(text, (i) => limits.itemBytes - overhead(i) - ITEM_MARGIN);
	const items: Items = { [key]: { g, n: pieces.length, s: pieces[0] } };
	for (let i = 1; i < pieces.length; i++) items[pieceKey(record.k, i)] = { g, s: pieces[i] };
	return items;
}

function read(value: unknown): SyncRecord | undefined {
	try {
		return unpack(value as Packed);
	} catch {
		return undefined;
	}
}

/**
 * Read the records held in `items`. Records still arriving piece by piece
 * (or whose pieces disagree) are listed in `incomplete`, by record key.
 */
export function readItems(items: Items): { records: SyncRecord[]; incomplete: string[] } {
	const records: SyncRecord[] = [];
	const incomplete: string[] = [];
	for (const [key, value] of Object.entries(items)) {
		if (!key.startsWith(ITEM_PREFIX) || PIECE.test(key)) continue;
		const recordKey = key.slice(ITEM_PREFIX.length);
		const head = value as { r?: unknown; g?: string; n?: number; s?: string } | null;
		const single = head?.r ? read(head.r) : undefined;
		if (single?.k === recordKey) {
			records.push(single);
			continue;
		}
		if (!head || typeof head.g !== "string" || typeof head.n !== "number" || typeof head.s !== "string") {
			incomplete.push(recordKey);
			continue;
		}
		let text = head.s;
		let whole = true;
		for (let i = 1; i < head.n && whole; i++) {
			const piece = items[pieceKey(recordKey, i)] as { g?: string; s?: string } | undefined;
			if (piece?.g !== head.g || typeof piece.s !== "string") whole = false;
			else text += piece.s;
		}
		let parsed: unknown;
		try {
			parsed = whole && fingerprint(text) === head.g ? JSON.parse(text) : undefined;
		} catch {
			parsed = undefined;
		}
		const record = parsed === undefined ? undefined : read(parsed);
		if (record?.k === recordKey) records.push(record);
		else incomplete.push(recordKey);
	}
	return { records, incomplete };
}

/** The record key an item belongs to ("r:c:abc#2" → "c:abc"), or undefined for an item that is not ours. */
export function recordKeyOf(itemName: string): string | undefined {
	if (!itemName.startsWith(ITEM_PREFIX)) return undefined;
	return itemName.slice(ITEM_PREFIX.length).replace(PIECE, "");
}
