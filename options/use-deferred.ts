import { useEffect, useState } from "preact/hooks";

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
		let timer: ReturnType<typeof setTimeout> | undefined;
		const later = () => {
			clearTimeout(timer);
			timer = setTimeout(() => setShown(value), 0);
		};
		// After the next frame; a page in a background tab gets no frames, so a timer stands in.
		const frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(later) : undefined;
		timer = setTimeout(() => setShown(value), frame === undefined ? 0 : 100);
		return () => {
			if (frame !== undefined) cancelAnimationFrame(frame);
			clearTimeout(timer);
		};
	}, [value, shown, immediate]);
	return immediate ? value : shown;
}
