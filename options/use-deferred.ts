import { useEffect, useState } from "preact/hooks";
import { afterNextPaint } from "./frames.ts";
import type { WriteGate } from "./write-gate.ts";

/**
 * `value`, one frame late: what depends on it (the export preview, the
 * checklist) renders after the change that made it has painted (a task
 * queued from the next animation frame runs after that frame), and with
 * `writes`, once the page's writes in flight are stored. With `firstAtOnce`,
 * the first value is there at once (a small draft opens whole).
 */
export function useDeferred<T>(value: T, firstAtOnce: boolean, writes?: WriteGate): T | undefined {
	const [shown, setShown] = useState<T>();
	const immediate = shown === undefined && firstAtOnce;
	useEffect(() => {
		if (shown === value) return;
		if (immediate) {
			setShown(value);
			return;
		}
		let cancelWait = () => {};
		const cancelPaint = afterNextPaint(() => {
			if (writes) cancelWait = writes.whenIdle(() => setShown(value));
			else setShown(value);
		});
		return () => {
			cancelPaint();
			cancelWait();
		};
	}, [value, shown, immediate, writes]);
	return immediate ? value : shown;
}
