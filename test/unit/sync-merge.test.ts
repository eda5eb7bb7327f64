import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSync } from "../../src/core/sync/plan.ts";
import { canonical, mergeRecord, type SyncRecord } from "../../src/core/sync/record.ts";
import { mergeState, type SyncState } from "../../src/core/sync/state.ts";
import { keptVersions } from "../../src/core/sync/versions.ts";
import { type Device, draftOf, makeCapture, newDevice, sendDraft, syncDevice } from "./sync-helpers.ts";

type Op =
	| { kind: "capture"; dev: number }
	| { kind: "edit"; dev: number; pick: number }
	| { kind: "retitle"; dev: number; pick: number }
	| { kind: "delete"; dev: number; pick: number }
	| { kind: "send"; dev: number }
	| { kind: "sync"; dev: number; take: number[]; keep: boolean };

const dev = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant("capture" as const), dev }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant("edit" as const), dev, pick: fc.nat(20) }), weight: 4 },
	{ arbitrary: fc.record({ kind: fc.constant("retitle" as const), dev, pick: fc.nat(20) }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("delete" as const), dev, pick: fc.nat(20) }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("send" as const), dev }), weight: 1 },
	{
		arbitrary: fc.record({
			kind: fc.constant("sync" as const),
			dev,
			// Which messages in flight arrive now, in this order (the rest are delayed); `keep`: delivered twice.
			take: fc.array(fc.nat(30), { maxLength: 4 }),
			keep: fc.boolean(),
		}),
		weight: 5,
	},
);

interface World {
	devices: Device[];
	inFlight: { to: number; state: SyncState }[];
	tick: number;
	/** Every note written, and which texts a device replaced or deleted while it was looking at them. */
	written: Set<string>;
	replaced: Set<string>;
}

/** Device clocks disagree a little: device 1 runs 3 ms ahead, device 2 runs 2 ms behind. */
const SKEW = [0, 3, -2];

function clock(world: World, d: number): number {
	world.tick += 10;
	return 1_000_000 + world.tick + (SKEW[d] ?? 0);
}

function publish(world: World, from: number): void {
	for (let to = 0; to < world.devices.length; to++) {
		if (to !== from) world.inFlight.push({ to, state: structuredClone(world.devices[from]?.state ?? {}) });
	}
}

function run(world: World, o: Op): void {
	const device = world.devices[o.dev] as Device;
	const now = clock(world, o.dev);
	const draft = draftOf(device);
	const picked = "pick" in o && draft.length > 0 ? draft[o.pick % draft.length] : undefined;
	switch (o.kind) {
		case "capture": {
			const note = `note ${world.tick} on ${device.id}`;
			device.captures.set(`x${world.tick}`, makeCapture(`x${world.tick}`, note, now));
			world.written.add(note);
			break;
		}
		case "edit":
			if (picked) {
				const note = `note ${world.tick} on ${device.id}`;
				world.replaced.add(picked.note);
				world.written.add(note);
				device.captures.set(picked.id, { ...picked, note, updatedAt: Math.max(now, picked.updatedAt + 1) });
			}
			break;
		case "retitle":
			// A title edit, and a field the capture did not have before (a group).
			if (picked) {
				const edit = { title: `title ${world.tick}`, group: `group ${world.tick}` };
				device.captures.set(picked.id, { ...picked, ...edit, updatedAt: Math.max(now, picked.updatedAt + 1) });
			}
			break;
		case "delete":
			if (picked) {
				world.replaced.add(picked.note);
				device.captures.delete(picked.id);
			}
			break;
		case "send":
			sendDraft(device, now);
			break;
		case "sync": {
			const mine = world.inFlight.filter((m) => m.to === o.dev);
			const arrived = [...new Set(o.take.map((i) => i % Math.max(1, mine.length)))].flatMap((i) =>
				mine.slice(i, i + 1),
			);
			let remote: SyncState = {};
			for (const m of arrived) remote = mergeState(remote, m.state);
			if (!o.keep) world.inFlight = world.inFlight.filter((m) => !arrived.includes(m));
			syncDevice(device, remote, now);
			publish(world, o.dev);
			break;
		}
	}
}

/** Deliver everything until nobody has anything new to say. */
function quiesce(world: World): void {
	for (let round = 0; round < 30; round++) {
		let changed = false;
		for (let d = 0; d < world.devices.length; d++) {
			const device = world.devices[d] as Device;
			const mine = world.inFlight.filter((m) => m.to === d);
			world.inFlight = world.inFlight.filter((m) => m.to !== d);
			let remote: SyncState = {};
			for (const m of mine) remote = mergeState(remote, m.state);
			const before = canonical(device.state);
			syncDevice(device, remote, clock(world, d));
			if (canonical(device.state) !== before || mine.some((m) => canonical(m.state) !== canonical(device.state))) {
				changed = true;
				publish(world, d);
			}
		}
		if (!changed && world.inFlight.length === 0) return;
	}
	throw new Error("devices did not settle");
}

/** Every note text a device holds: in captures (draft and sent), and kept as recoverable versions. */
function notesHeld(device: Device): Set<string> {
	const out = new Set<string>();
	for (const c of device.captures.values()) out.add(c.note);
	for (const issue of device.sent.values()) for (const c of issue.captures) out.add(c.note);
	for (const v of keptVersions(device.state)) out.add(v.text);
	for (const r of Object.values(device.state)) for (const v of r.x ?? []) out.add(v.v);
	return out;
}

describe("sync merge across three devices (seeded property)", () => {
	it("converges to one state, with the same draft and sent issues, and loses no note text", () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
				const world: World = {
					devices: ["devA", "devB", "devC"].map(newDevice),
					inFlight: [],
					tick: 0,
					written: new Set(),
					replaced: new Set(),
				};
				for (const o of ops) run(world, o);
				quiesce(world);
				const [a, ...others] = world.devices as [Device, ...Device[]];
				for (const other of others) {
					expect(canonical(other.state)).toBe(canonical(a.state));
					// The same state is laid out as the same items, or two devices would rewrite each other's forever.
					expect(canonical(planSync(other.state, {}).writes)).toBe(canonical(planSync(a.state, {}).writes));
					expect(canonical(draftOf(other))).toBe(canonical(draftOf(a)));
					const sentNumbers = Object.keys(a.state).filter((k) => k.startsWith("i:"));
					for (const key of sentNumbers) {
						const n = Number(key.slice(2));
						expect(JSON.stringify(other.sent.get(n))).toBe(JSON.stringify(a.sent.get(n)));
					}
					expect(other.draft.number).toBe(a.draft.number);
				}
				for (const device of world.devices) {
					const held = notesHeld(device);
					for (const note of world.written) {
						if (!world.replaced.has(note)) expect(held, `${device.id} lost "${note}"`).toContain(note);
					}
				}
			}),
			{ seed: 20260112, numRuns: 300 },
		);
	});
});

describe("mergeRecord", () => {
	const rec = (f: SyncRecord["f"], x?: SyncRecord["x"]): SyncRecord => ({ k: "c:1", f, ...(x ? { x } : {}) });

	it("merges concurrent edits of different fields", () => {
		// Both devices started from the same record (note "n" and title "T", written at 1 by a).
		const local = rec({ note: { v: "mine", t: 10, d: "a", b: "1:a" }, title: { v: "T", t: 1, d: "a" } });
		const remote = rec({ note: { v: "n", t: 1, d: "a" }, title: { v: "Their title", t: 12, d: "b", b: "1:a" } });
		const merged = mergeRecord(local, remote);
		expect(merged.f.note?.v).toBe("mine");
		expect(merged.f.title?.v).toBe("Their title");
		expect(merged.x).toBeUndefined();
	});

	it("keeps the earlier text of the same field as a version; the later wins", () => {
		const merged = mergeRecord(
			rec({ note: { v: "early", t: 10, d: "a" } }),
			rec({ note: { v: "late", t: 20, d: "b" } }),
		);
		expect(merged.f.note?.v).toBe("late");
		expect(merged.x).toEqual([{ f: "note", v: "early", t: 10, d: "a" }]);
		expect(
			keptVersions({ "c:1": { ...merged, f: { ...merged.f, url: { v: "https://e.com", t: 1, d: "a" } } } }),
		).toHaveLength(1);
	});

	it("keeps no version when the later edit was made on top of the earlier text", () => {
		const merged = mergeRecord(
			rec({ note: { v: "early", t: 10, d: "a" } }),
			rec({ note: { v: "late", t: 20, d: "b", b: "10:a" } }),
		);
		expect(merged.x).toBeUndefined();
	});

	it("is commutative and idempotent", () => {
		const a = rec({ note: { v: "x", t: 5, d: "a" } }, [{ f: "note", v: "old", t: 1, d: "c" }]);
		const b = rec({ note: { v: "y", t: 5, d: "b" } });
		expect(canonical(mergeRecord(a, b))).toBe(canonical(mergeRecord(b, a)));
		const ab = mergeRecord(a, b);
		expect(canonical(mergeRecord(ab, ab))).toBe(canonical(ab));
	});
});
