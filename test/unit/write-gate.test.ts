import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WriteGate } from "../../options/write-gate.ts";

/** A write the test settles by hand. */
function pendingWrite() {
	let settle: (ok: boolean) => void = () => {};
	const promise = new Promise<void>((resolve, reject) => {
		settle = (ok) => (ok ? resolve() : reject(new Error("disk full")));
	});
	return { promise, settle };
}

describe("the export waits for the page's writes in flight", () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("runs at once when nothing is being written", () => {
		const ran = vi.fn();
		new WriteGate().whenIdle(ran);
		expect(ran).toHaveBeenCalledTimes(1);
	});

	it("runs once every write in flight has settled, stored or failed", async () => {
		const gate = new WriteGate();
		const a = pendingWrite();
		const b = pendingWrite();
		void gate.track(a.promise);
		gate.track(b.promise).catch(() => {});
		const ran = vi.fn();
		gate.whenIdle(ran);
		a.settle(true);
		await vi.advanceTimersByTimeAsync(0);
		expect(ran).not.toHaveBeenCalled();
		b.settle(false);
		await vi.advanceTimersByTimeAsync(0);
		expect(ran).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1000);
		expect(ran).toHaveBeenCalledTimes(1);
	});

	it("waits at most maxWait for a write that never answers", async () => {
		const gate = new WriteGate();
		void gate.track(new Promise<void>(() => {}));
		const ran = vi.fn();
		gate.whenIdle(ran, 250);
		await vi.advanceTimersByTimeAsync(249);
		expect(ran).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(ran).toHaveBeenCalledTimes(1);
	});

	it("runs nothing once cancelled", async () => {
		const gate = new WriteGate();
		const write = pendingWrite();
		void gate.track(write.promise);
		const ran = vi.fn();
		const cancel = gate.whenIdle(ran);
		cancel();
		write.settle(true);
		await vi.advanceTimersByTimeAsync(1000);
		expect(ran).not.toHaveBeenCalled();
	});
});
