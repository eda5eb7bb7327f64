import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, newIssueMeta, type SentIssue } from "../../src/core/newsletter.ts";
import {
	type Base,
	baseOf,
	captureKey,
	type LocalData,
	type Projection,
	type SyncState,
	syncStep,
} from "../../src/core/sync/state.ts";
import { urlKey } from "../../src/core/url.ts";

/** A simulated browser: its IndexedDB (`view`), its sync state and what it last applied. */
export interface Device {
	id: string;
	captures: Map<string, Capture>;
	draft: IssueMeta;
	sent: Map<number, SentIssue>;
	state: SyncState;
	base: Base;
}

export function newDevice(id: string): Device {
	return { id, captures: new Map(), draft: newIssueMeta(1, "2026-01-01"), sent: new Map(), state: {}, base: {} };
}

export function makeCapture(id: string, note: string, now: number): Capture {
	const url = `https://example.com/${id}`;
	return {
		id,
		url,
		urlKey: urlKey(url),
		title: `Post ${id}`,
		note,
		section: "articles",
		position: now,
		createdAt: now,
		updatedAt: now,
		issue: null,
	};
}

export function draftOf(device: Device): Capture[] {
	return [...device.captures.values()].filter((c) => c.issue === null).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What the replicator reads: the draft, archived captures the base knows, settings, recent sends. */
export function localData(device: Device): LocalData {
	const captures = draftOf(device);
	for (const key of Object.keys(device.base)) {
		const c = key.startsWith("c:") ? device.captures.get(key.slice(2)) : undefined;
		if (c && c.issue !== null) captures.push(c);
	}
	const sent = [...device.sent.values()].sort((a, b) => b.number - a.number).slice(0, 4);
	return { captures, draft: device.draft, sent };
}

/** Write a projection into the device's "IndexedDB", as src/db/sync-apply does. */
export function applyProjection(device: Device, projection: Projection): void {
	for (const id of projection.deleted) {
		if (device.captures.get(id)?.issue === null) device.captures.delete(id);
	}
	for (const c of projection.captures) device.captures.set(c.id, structuredClone(c));
	for (const s of projection.sent) device.sent.set(s.number, structuredClone(s));
	if (projection.draft) device.draft = structuredClone(projection.draft);
}

/** One replication cycle on a device with what arrived from the others. */
export function syncDevice(device: Device, remote: SyncState, now: number): void {
	const { state, projection } = syncStep(device.state, device.base, localData(device), remote, {
		device: device.id,
		now,
	});
	applyProjection(device, projection);
	device.state = state;
	device.base = baseOf(projection);
}

/** "Mark as sent" as the options page and src/db/issues.ts do it. */
export function sendDraft(device: Device, now: number): SentIssue | undefined {
	const captures = draftOf(device).filter((c) => !c.held);
	if (captures.length === 0 || device.sent.has(device.draft.number)) return undefined;
	const number = device.draft.number;
	const archived = captures.map((c) => ({ ...c, issue: number, updatedAt: Math.max(now, c.updatedAt + 1) }));
	const issue: SentIssue = {
		number,
		sentAt: now,
		newsletter: structuredClone(DEFAULT_NEWSLETTER),
		meta: structuredClone(device.draft),
		captures: archived,
		templates: {},
	};
	for (const c of archived) device.captures.set(c.id, c);
	device.sent.set(number, issue);
	device.draft = newIssueMeta(number + 1, "2026-01-01");
	return issue;
}

export { captureKey };
