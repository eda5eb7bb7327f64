import { useEffect, useState } from "preact/hooks";
import { afterNextPaint } from "./frames.ts";

/**
 * `value`, one frame late: what depends on it (the export preview, the
 * checklist) renders after the change that made it has painted (a task
 * queued from the next animation frame runs after that frame). With
 * `firstAtOnce`, the first value is there at once (a small draft opens whole).
 */
export function useDeferred<T>(value: T, firstAtOnce: boolean): T | undefined {
	const [shown, setShown] = useState<T>();
	const immediate = shown === undefined && firstAtOnce;
	useEffect(() => {
		if (shown === value) return;
		if (immediate) {
			setShown(value);
			return;
		}
		return afterNextPaint(() => setShown(value));
	}, [value, shown, immediate]);
	return immediate ? value : shown;
}
