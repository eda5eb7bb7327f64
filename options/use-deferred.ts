import { useEffect, useState } from "preact/hooks";

/**
 * `value`, one task late: what depends on it (the export preview, the
 * checklist) renders after the change that made it has painted. With
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
		const timer = setTimeout(() => setShown(value), 0);
		return () => clearTimeout(timer);
	}, [value, shown, immediate]);
	return immediate ? value : shown;
}
