import type { Capture } from "../capture.ts";
import type { IssueMeta, Newsletter, SentIssue } from "../newsletter.ts";
import { urlKey } from "../url.ts";
import {
	canonical,
	currentValues,
	DELETED,
	isCaptureKey,
	isDeleted,
	isSentKey,
	type Json,
	latestWrite,
	mergeRecord,
	type Register,
	recordFingerprint,
	registerId,
	SENT,
	type SyncRecord,
	unionVersions,
	type Version,
} from "./record.ts";

/** Every record one device knows, by key. */
export type SyncState = Record<string, SyncRecord>;

export const captureKey = (id: string) => `c:${id}`;
export const sentKey = (number: number) => `i:${number}`;
export const NEWSLETTER_KEY = "s:newsletter";
export const DRAFT_KEY = "s:draft";
export const TEMPLATES_KEY = "s:templates";
export const SETTING_KEYS = [NEWSLETTER_KEY, DRAFT_KEY, TEMPLATES_KEY] as const;

/** How many sent issues a device keeps records of; older ones live on only in its own archive. */
export const SENT_RECORDS_KEPT = 4;

/** Capture fields that are not replicated: identity, derived, or set by the archive. */
const LOCAL_CAPTURE_FIELDS = new Set(["id", "urlKey", "updatedAt", "issue"]);

/** A device's own data, as the replicator reads it from IndexedDB. */
export interface LocalData {
	/** Draft captures, and archived ones the state still has records of. */
	captures: Capture[];
	newsletter?: Newsletter;
	draft?: IssueMeta;
	templates?: Record<string, string>;
	/** Recent sent issues. */
	sent: SentIssue[];
}

/** The fields of one local thing, as a record's values (what `base` remembers). */
export type Entity = Record<string, Json>;
/** What the device's IndexedDB held, by record key, when it last matched the state. */
export type Base = Record<string, Entity>;

function toJson(value: unknown): Json {
	return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

function objectEntity(value: object, skip?: Set<string>): Entity {
	const out: Entity = {};
	for (const [k, v] of Object.entries(value)) if (!skip?.has(k) && v !== undefined) out[k] = toJson(v);
	return out;
}

export function captureEntity(capture: Capture): Entity {
	return objectEntity(capture, LOCAL_CAPTURE_FIELDS);
}

/** The local data as entities, by record key, with the time each was last edited. */
export function localEntities(local: LocalData, now: number): Map<string, { at: number; entity: Entity }> {
	const out = new Map<string, { at: number; entity: Entity }>();
	for (const c of local.captures) out.set(captureKey(c.id), { at: c.updatedAt, entity: captureEntity(c) });
	if (local.newsletter) out.set(NEWSLETTER_KEY, { at: now, entity: objectEntity(local.newsletter) });
	if (local.draft) out.set(DRAFT_KEY, { at: now, entity: objectEntity(local.draft) });
	if (local.templates) out.set(TEMPLATES_KEY, { at: now, entity: objectEntity(local.templates) });
	return out;
}

/** Merge two states: every record merged with its copy. */
export function mergeState(a: SyncState, b: SyncState): SyncState {
	const out: SyncState = { ...a };
	for (const [key, record] of Object.entries(b)) {
		const mine = out[key];
		out[key] = mine ? mergeRecord(mine, record) : record;
	}
	return out;
}

function sentNumber(key: string): number {
	return Number(key.slice(2));
}

/** The sent issues the state holds (each the frozen winner), by number. */
export function sentIssues(state: SyncState): Map<number, SentIssue> {
	const out = new Map<number, SentIssue>();
	for (const [key, record] of Object.entries(state)) {
		const sent = record.f[SENT];
		if (isSentKey(key) && sent?.v) out.set(sentNumber(key), sent.v as unknown as SentIssue);
	}
	return out;
}

/** Which sent issue archived each capture: the lowest-numbered one whose frozen captures hold it. */
export function archivedIn(state: SyncState): Map<string, number> {
	const out = new Map<string, number>();
	for (const [number, issue] of [...sentIssues(state)].sort(([a], [b]) => a - b)) {
		for (const c of issue.captures) if (!out.has(c.id)) out.set(c.id, number);
	}
	return out;
}

/**
 * Drop what no device needs any more, deterministically from the state, so
 * every device drops the same: a deleted capture once an issue was sent after
 * the delete; an archived capture's record once a later issue was sent after
 * its last write (any text it held that the frozen issue lacks moves to that
 * issue's record as a version); settings' versions older than the
 * second-latest send; sent issues beyond the most recent SENT_RECORDS_KEPT.
 */
export function compact(state: SyncState): SyncState {
	const issues = sentIssues(state);
	const numbers = [...issues.keys()].sort((a, b) => b - a);
	const sentAt = (n: number) => state[sentKey(n)]?.f[SENT]?.t ?? 0;
	const latestSentAt = numbers.length > 0 ? Math.max(...numbers.map(sentAt)) : 0;
	const archived = archivedIn(state);
	const out: SyncState = { ...state };
	const keep = new Set(numbers.slice(0, SENT_RECORDS_KEPT));
	for (const n of numbers) if (!keep.has(n)) delete out[sentKey(n)];
	for (const [key, record] of Object.entries(state)) {
		if (isCaptureKey(key)) {
			const last = latestWrite(record);
			if (isDeleted(record)) {
				if (latestSentAt > last) delete out[key];
				continue;
			}
			const id = key.slice(2);
			const number = archived.get(id);
			if (number === undefined) continue;
			const laterSend = numbers.some((n) => n > number && sentAt(n) > last);
			const issueRecord = out[sentKey(number)];
			if (!laterSend || !issueRecord) continue;
			const frozen = issues.get(number)?.captures.find((c) => c.id === id);
			const frozenValues = frozen ? captureEntity(frozen) : {};
			const moved: Version[] = (record.x ?? []).map((v) => ({ ...v, c: id }));
			for (const [field, r] of Object.entries(record.f)) {
				if (typeof r.v === "string" && r.v !== frozenValues[field])
					moved.push({ f: field, v: r.v, t: r.t, d: r.d, c: id });
			}
			if (moved.length > 0) out[sentKey(number)] = { ...issueRecord, x: unionVersions(issueRecord.x, moved) };
			delete out[key];
		} else if (key.startsWith("s:") && record.x) {
			const cutoff = numbers.length > 1 ? sentAt(numbers[1] as number) : 0;
			const x = record.x.filter((v) => v.t >= cutoff);
			out[key] = x.length > 0 ? { ...record, x } : { k: record.k, f: record.f };
		}
	}
	return out;
}

function write(record: SyncRecord | undefined, key: string, field: string, value: Json, at: number, device: string) {
	const prev = record?.f[field];
	const reg: Register = { v: value, t: Math.max(at, prev ? prev.t + 1 : 0), d: device };
	if (prev) reg.b = registerId(prev);
	return { k: key, f: { ...(record?.f ?? {}), [field]: reg }, ...(record?.x ? { x: record.x } : {}) };
}

/**
 * Turn what changed on this device since `base` into register writes on
 * `state`. A field whose local value differs from what the device held at its
 * last sync is a local edit (written at the entity's edit time, never before
 * the register it replaces); a capture the device held and no longer has was
 * deleted; a local sent issue the state lacks is a new send.
 */
export function recordLocalEdits(
	state: SyncState,
	base: Base,
	local: LocalData,
	ctx: { device: string; now: number },
	remote: SyncState = {},
): SyncState {
	const out: SyncState = { ...state };
	const numbers = Object.keys(state).filter(isSentKey).map(sentNumber);
	const oldest = numbers.length > 0 ? Math.max(...numbers) - SENT_RECORDS_KEPT : Number.NEGATIVE_INFINITY;
	// A send the state has not heard of; an issue older than the kept window is history, not news.
	const newSends = local.sent.filter((issue) => !out[sentKey(issue.number)] && issue.number > oldest);
	const entities = localEntities(local, ctx.now);
	// Its captures get records too: if another device's send of the same number wins, they return to the draft.
	for (const issue of newSends) {
		for (const c of issue.captures) {
			const key = captureKey(c.id);
			if (!entities.has(key)) entities.set(key, { at: c.updatedAt, entity: captureEntity(c) });
		}
	}
	for (const [key, { at, entity }] of entities) {
		const before = base[key];
		let record = out[key];
		for (const field of [...new Set([...Object.keys(entity), ...Object.keys(before ?? {})])].sort()) {
			const value = entity[field] ?? null;
			// Known: what the device held at its last sync; for a thing new to it, what the state already says.
			const known = before ? (before[field] ?? null) : (record?.f[field]?.v ?? null);
			if (canonical(value) === canonical(known) && (before || record?.f[field])) continue;
			const synced = !before && key.startsWith("s:") ? (record?.f[field] ?? remote[key]?.f[field]) : undefined;
			if (synced) {
				// A setting this device never synced (it just opted in) yields to what is already synced; its own text is kept.
				if (typeof value === "string" && value !== synced.v) {
					const kept: Version = { f: field, v: value, t: at, d: ctx.device };
					record = { k: key, f: record?.f ?? {}, x: unionVersions(record?.x, [kept]) };
				}
				continue;
			}
			record = write(record, key, field, value, at, ctx.device);
		}
		if (record) out[key] = record;
	}
	for (const key of Object.keys(base)) {
		const record = out[key];
		if (!isCaptureKey(key) || entities.has(key) || !record || isDeleted(record)) continue;
		out[key] = write(record, key, DELETED, recordFingerprint(record), ctx.now, ctx.device);
	}
	for (const issue of newSends) {
		const key = sentKey(issue.number);
		out[key] = { k: key, f: { [SENT]: { v: toJson(issue), t: issue.sentAt, d: ctx.device } } };
	}
	return out;
}

/** What a device's IndexedDB should hold according to the state. */
export interface Projection {
	/** Live captures: the draft ones from their records, archived ones exactly as frozen. */
	captures: Capture[];
	/** Captures deleted in the state (tombstones): remove them from the draft. */
	deleted: string[];
	newsletter?: Newsletter;
	draft?: IssueMeta;
	templates?: Record<string, string>;
	sent: SentIssue[];
}

function projectCapture(id: string, record: SyncRecord): Capture | undefined {
	const values = currentValues(record) as unknown as Partial<Capture>;
	if (typeof values.url !== "string" || typeof values.section !== "string") return undefined;
	let updatedAt = 0;
	for (const [name, r] of Object.entries(record.f)) if (name !== DELETED) updatedAt = Math.max(updatedAt, r.t);
	return {
		...(values as Capture),
		id,
		urlKey: urlKey(values.url),
		updatedAt,
		issue: null,
	};
}

/** The state as IndexedDB content. */
export function project(state: SyncState): Projection {
	const issues = sentIssues(state);
	const archived = archivedIn(state);
	const frozen = new Map<string, Capture>();
	for (const [id, number] of archived) {
		const c = issues.get(number)?.captures.find((x) => x.id === id);
		if (c) frozen.set(id, c);
	}
	const captures: Capture[] = [...frozen.values()];
	const deleted: string[] = [];
	for (const [key, record] of Object.entries(state)) {
		if (!isCaptureKey(key)) continue;
		const id = key.slice(2);
		if (frozen.has(id)) continue;
		if (isDeleted(record)) {
			deleted.push(id);
			continue;
		}
		const capture = projectCapture(id, record);
		if (capture) captures.push(capture);
	}
	const setting = <T>(key: string) => {
		const record = state[key];
		return record ? (currentValues(record) as unknown as T) : undefined;
	};
	const out: Projection = {
		captures,
		deleted,
		sent: [...issues.values()].sort((a, b) => a.number - b.number),
	};
	const newsletter = setting<Newsletter>(NEWSLETTER_KEY);
	const draft = setting<IssueMeta>(DRAFT_KEY);
	const templates = setting<Record<string, string>>(TEMPLATES_KEY);
	if (newsletter) out.newsletter = newsletter;
	if (draft) out.draft = draft;
	if (templates) out.templates = templates;
	return out;
}

/** The projection as a base: what IndexedDB holds once the projection is applied. */
export function baseOf(projection: Projection): Base {
	const base: Base = {};
	for (const c of projection.captures) base[captureKey(c.id)] = captureEntity(c);
	if (projection.newsletter) base[NEWSLETTER_KEY] = objectEntity(projection.newsletter);
	if (projection.draft) base[DRAFT_KEY] = objectEntity(projection.draft);
	if (projection.templates) base[TEMPLATES_KEY] = objectEntity(projection.templates);
	return base;
}

/** One replication step: local edits recorded, the remote records merged in, what nobody needs dropped. */
export function syncStep(
	state: SyncState,
	base: Base,
	local: LocalData,
	remote: SyncState,
	ctx: { device: string; now: number },
): { state: SyncState; projection: Projection } {
	const next = compact(mergeState(recordLocalEdits(state, base, local, ctx, remote), remote));
	return { state: next, projection: project(next) };
}
