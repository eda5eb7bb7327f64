import { describe, expect, it, vi } from "vitest";

// The writer never touches the browser itself: it is given a storage area and a clock.
vi.mock("../../src/platform/browser.ts", () => ({ browser: {} }));
const { SyncWriter } = await import("../../src/platform/sync-storage.ts");
type Area = import("../../src/platform/sync-storage.ts").SyncArea;

function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		async sleep(ms: number) {
			now += ms;
		},
		get time() {
			return now;
		},
	};
}

/** A storage.sync that enforces Chrome's limits as Chrome reports them. */
function fakeArea(clock: { now(): number }, opts: { perMinute: number; itemBytes: number }) {
	const items: Record<string, unknown> = {};
	const ops: number[] = [];
	const area: Area & { items: typeof items; ops: number[] } = {
		items,
		ops,
		get: async () => ({ ...items }),
		async set(batch) {
			const recent = ops.filter((t) => clock.now() - t < 60_000);
			if (recent.length >= opts.perMinute) throw new Error("MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded");
			ops.push(clock.now());
			for (const [k, v] of Object.entries(batch)) {
				if (k.length + JSON.stringify(v).length > opts.itemBytes)
					throw new Error("QUOTA_BYTES_PER_ITEM quota exceeded");
			}
			Object.assign(items, batch);
		},
		async remove(names) {
			ops.push(clock.now());
			for (const n of names) delete items[n];
		},
		bytesInUse: async () => 0,
	};
	return area;
}

describe("SyncWriter", () => {
	it("writes a round's items in one operation", async () => {
		const clock = fakeClock();
		const area = fakeArea(clock, { perMinute: 120, itemBytes: 8192 });
		const writer = new SyncWriter(area, clock);
		expect(await writer.write({ a: 1, b: 2, c: 3 }, [])).toEqual([]);
		expect(area.ops).toHaveLength(1);
		expect(area.items).toEqual({ a: 1, b: 2, c: 3 });
	});

	it("spaces writes under the per-minute limit and retries when the browser refuses for rate", async () => {
		const clock = fakeClock();
		// The browser's own window is stricter than the writer believes: it must back off and retry.
		const area = fakeArea(clock, { perMinute: 50, itemBytes: 8192 });
		const writer = new SyncWriter(area, clock, { perMinute: 120, perHour: 1800 });
		for (let i = 0; i < 200; i++) expect(await writer.write({ [`k${i}`]: i }, [])).toEqual([]);
		expect(Object.keys(area.items)).toHaveLength(200);
		for (let i = 0; i < area.ops.length; i++) {
			const windowOps = area.ops.filter((t) => t <= (area.ops[i] as number) && (area.ops[i] as number) - t < 60_000);
			expect(windowOps.length).toBeLessThanOrEqual(120);
		}
		expect(clock.time).toBeGreaterThan(60_000);
	});

	it("reports which item the browser refused and why, and writes the rest", async () => {
		const clock = fakeClock();
		const area = fakeArea(clock, { perMinute: 120, itemBytes: 100 });
		const writer = new SyncWriter(area, clock);
		const failed = await writer.write({ small: "ok", big: "x".repeat(500), other: "fine" }, []);
		expect(failed).toEqual([{ item: "big", reason: "QUOTA_BYTES_PER_ITEM quota exceeded" }]);
		expect(area.items).toEqual({ small: "ok", other: "fine" });
	});
});
