import { useEffect, useRef } from "preact/hooks";

/**
 * While `unsaved()` says so, closing or reloading the tab asks first (the
 * browser's own "Leave site?" prompt): for forms with an explicit Save,
 * whose typed text would otherwise go with the tab. Asked when the tab is
 * closing, so typing re-renders nothing for it.
 */
export function useLeaveGuard(unsaved: () => boolean): void {
	const check = useRef(unsaved);
	check.current = unsaved;
	useEffect(() => {
		const guard = (event: BeforeUnloadEvent) => {
			if (check.current()) event.preventDefault();
		};
		window.addEventListener("beforeunload", guard);
		return () => window.removeEventListener("beforeunload", guard);
	}, []);
}

/**
 * useLeaveGuard for a form compared with what it last saved (what it held
 * at the start, until a save lands): asks while `current` differs from it.
 * Returns the call that records a landed save of a value.
 */
export function useGuardSince(current: unknown): (saved: unknown) => void {
	const saved = useRef(JSON.stringify(current));
	useLeaveGuard(() => JSON.stringify(current) !== saved.current);
	return (value) => {
		saved.current = JSON.stringify(value);
	};
}
