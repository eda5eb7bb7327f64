import { render } from "preact";
import type { Fields } from "./capture-fields.tsx";
import type { PopupDeps } from "./deps.ts";
import { type FirstPaint, formValues } from "./first-paint.ts";
import { Popup } from "./popup.tsx";

/** The fields the static form in index.html has before the app takes over. */
const FIRST_FIELDS = ["title", "url", "note"] as const satisfies readonly (keyof Fields)[];

/**
 * Render the app over the form the first script painted. The app starts from
 * what the form shows, and what the curator typed there counts as typed, so
 * Preact reuses each element (same tags, same order) with its value and the
 * cursor where they were.
 */
export function takeOver(root: HTMLElement, first: FirstPaint, deps: PopupDeps): void {
	const doc = root.ownerDocument;
	const values = formValues(doc, FIRST_FIELDS);
	const typed = FIRST_FIELDS.filter((id) => first.typed.has(id));
	const focused = doc.activeElement as HTMLInputElement | null;
	const selection = focused && "selectionStart" in focused ? [focused.selectionStart, focused.selectionEnd] : undefined;
	render(<Popup deps={deps} initial={{ values, typed }} />, root);
	first.release();
	// Should an element ever be replaced instead of reused, the cursor follows it.
	if (focused?.id && doc.activeElement !== focused) {
		const again = doc.getElementById(focused.id) as HTMLInputElement | null;
		again?.focus();
		if (again && selection) again.setSelectionRange(selection[0] ?? null, selection[1] ?? null);
	}
}
