import { describe, expect, it } from "vitest";
import { CHROME_LIMITS, readItems, recordItems } from "../../src/core/sync/chunk.ts";
import { planSync } from "../../src/core/sync/plan.ts";
import { canonical, type SyncRecord } from "../../src/core/sync/record.ts";
import { captureKey, mergeState, project, recordLocalEdits, type SyncState } from "../../src/core/sync/state.ts";
import { draftOf, makeCapture, newDevice, sendDraft, syncDevice } from "./sync-helpers.ts";

function captureRecord(id: string, note: string): SyncRecord {
	return recordLocalEdits({}, {}, { captures: [makeCapture(id, note, 1000)], sent: [] }, { device: "a", now: 1000 })[
		captureKey(id)
	] as SyncRecord;
}

/** An item's size as Chromium counts it: key plus its JSON writer's output ("<", U+2028/9 escaped), in UTF-8. */
function chromiumItemBytes(name: string, value: unknown): number {
	const json = JSON.stringify(value).replace(
		/[<\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
	);
	return Buffer.byteLength(name + json, "utf8");
}

describe("chunking a record into storage.sync items", () => {
	it("keeps a small capture in one item", () => {
		const record = captureRecord("1", "short");
		const items = recordItems(record);
		expect(Object.keys(items)).toEqual(["r:c:1"]);
		expect(readItems(items).records.map((r) => canonical(r))).toEqual([canonical(record)]);
	});

	it("cuts a large capture into items within 8 KB each and joins it back whole", () => {
		// Quotes, backslashes, emoji and accents all grow when escaped or encoded.
		const note = `${'Grüße "quoted" \\ 🚀 <b>\u2028'.repeat(2500)}end`;
		const record = captureRecord("big", note);
		const items = recordItems(record);
		expect(Object.keys(items).length).toBeGreaterThan(5);
		for (const [name, value] of Object.entries(items)) expect(chromiumItemBytes(name, value)).toBeLessThanOrEqual(8192);
		const { records } = readItems(items);
		expect(records).toHaveLength(1);
		expect(records[0]?.f.note?.v).toBe(note);
		expect(canonical(records[0])).toBe(canonical(record));
	});

	it("does not read a record whose pieces are from different versions", () => {
		const older = recordItems(captureRecord("big", "a".repeat(20_000)));
		const newer = recordItems(captureRecord("big", "b".repeat(20_000)));
		const mixed = { ...newer, "r:c:big#1": older["r:c:big#1"] };
		expect(readItems(mixed)).toEqual({ records: [], incomplete: ["c:big"] });
	});
});

describe("planning the quota", () => {
	it("lists the captures that do not fit as device-only and drops none", () => {
		let state: SyncState = {};
		const captures = Array.from({ length: 60 }, (_, i) => makeCapture(`c${i}`, `Note ${i} `.repeat(200), 1000 + i));
		state = recordLocalEdits(state, {}, { captures, sent: [] }, { device: "a", now: 2000 });
		const plan = planSync(state, {});
		expect(plan.bytes).toBeLessThanOrEqual(CHROME_LIMITS.totalBytes);
		expect(plan.deviceOnly.length).toBeGreaterThan(0);
		const synced = readItems(plan.writes).records.map((r) => r.k.slice(2));
		// Every capture is either synced or listed; the oldest are synced first.
		expect([...synced, ...plan.deviceOnly.map((c) => c.id)].sort()).toEqual(captures.map((c) => c.id).sort());
		expect(synced).toContain("c0");
		expect(project(state).captures).toHaveLength(60);
	});

	it("removes pieces a record no longer needs, and records the state dropped", () => {
		const big = recordItems(captureRecord("1", "x".repeat(30_000)));
		const state = { [captureKey("1")]: captureRecord("1", "small now") };
		const plan = planSync(state, { ...big, "r:c:gone": { r: captureRecord("gone", "old") } });
		expect(plan.removals.sort()).toEqual([...Object.keys(big).filter((k) => k.includes("#")), "r:c:gone"].sort());
		expect(Object.keys(plan.writes)).toEqual(["r:c:1"]);
	});
});

describe("a sent issue is frozen once", () => {
	it("two devices that both mark the same number as sent end with one issue, the same bytes, nothing lost", () => {
		const a = newDevice("devA");
		const b = newDevice("devB");
		const shared = makeCapture("shared", "on both", 1000);
		a.captures.set(shared.id, structuredClone(shared));
		syncDevice(a, {}, 1001);
		syncDevice(b, a.state, 1002);
		a.captures.set("onlyA", makeCapture("onlyA", "A's", 1010));
		b.captures.set("onlyB", makeCapture("onlyB", "B's", 1011));
		sendDraft(a, 2000);
		sendDraft(b, 2005);
		syncDevice(a, {}, 2010);
		syncDevice(b, {}, 2011);
		const fromA = structuredClone(a.state);
		syncDevice(a, b.state, 2020);
		syncDevice(b, fromA, 2021);
		syncDevice(b, a.state, 2030);
		syncDevice(a, b.state, 2031);
		expect(JSON.stringify(b.sent.get(1))).toBe(JSON.stringify(a.sent.get(1)));
		// The first send (A's) wins; B's capture that A did not send stays in the next draft.
		expect(
			a.sent
				.get(1)
				?.captures.map((c) => c.id)
				.sort(),
		).toEqual(["onlyA", "shared"]);
		expect(draftOf(a).map((c) => c.id)).toEqual(["onlyB"]);
		expect(draftOf(b).map((c) => c.id)).toEqual(["onlyB"]);
		expect(b.draft.number).toBe(2);
		expect(canonical(a.state)).toBe(canonical(b.state));
	});

	it("expires a delete's tombstone once an issue is sent after it", () => {
		const a = newDevice("devA");
		a.captures.set("gone", makeCapture("gone", "bye", 1000));
		a.captures.set("kept", makeCapture("kept", "stays", 1000));
		syncDevice(a, {}, 1001);
		a.captures.delete("gone");
		syncDevice(a, {}, 1100);
		expect(a.state[captureKey("gone")]).toBeDefined();
		sendDraft(a, 2000);
		syncDevice(a, mergeState({}, {}), 2001);
		expect(a.state[captureKey("gone")]).toBeUndefined();
	});
});

describe("planning after a send", () => {
	it("removes the records of captures the sent issue now carries, so the issue has room", () => {
		const a = newDevice("devA");
		for (let i = 0; i < 3; i++) a.captures.set(`c${i}`, makeCapture(`c${i}`, `note ${i}`, 1000 + i));
		syncDevice(a, {}, 1100);
		const before = planSync(a.state, {});
		expect(Object.keys(before.writes).filter((k) => k.startsWith("r:c:"))).toHaveLength(3);
		sendDraft(a, 2000);
		syncDevice(a, {}, 2100);
		const after = planSync(a.state, before.writes);
		expect(after.removals.sort()).toEqual(["r:c:c0", "r:c:c1", "r:c:c2"]);
		expect(Object.keys(after.writes)).toContain("r:i:1");
	});
});

describe("the same record is the same items everywhere", () => {
	it("packs fields in one order whatever order the record lists them", () => {
		const record = captureRecord("1", "note");
		const reversed = { ...record, f: Object.fromEntries(Object.entries(record.f).reverse()) };
		expect(JSON.stringify(recordItems(reversed))).toBe(JSON.stringify(recordItems(record)));
	});
});
