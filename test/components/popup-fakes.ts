import { vi } from "vitest";
import type { PopupData, PopupDeps } from "../../popup/deps.ts";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import type { PageSnapshot } from "../../src/page/read-page.ts";
import type { UnsavedEdit } from "../../src/platform/unsaved.ts";

/** Fake dependencies for the popup page: an in-memory store, and `overrides` for faults. */
export function fakeDeps(overrides: Partial<PopupDeps> = {}, data: Partial<PopupData> = {}, before?: UnsavedEdit) {
	const saved: Capture[] = [];
	const unsaved: UnsavedEdit[] = before ? [before] : [];
	const deps: PopupDeps = {
		now: () => 5000,
		newId: () => "new-id",
		close: vi.fn(),
		loadTab: async () => ({ id: 1, url: "https://example.com/post?utm_source=x", title: "Tab title — Example" }),
		readPage: async (): Promise<PageSnapshot> => ({
			url: "https://example.com/post?utm_source=x",
			canonical: "https://example.com/post",
			title: "Page title",
			quote: "a *quoted* line",
			quoteUrl: "https://example.com/post#:~:text=a%20quoted%20line",
			author: "Ann Author",
		}),
		// Like the real store, earlier captures are found only under their own key.
		load: async (key) => ({
			newsletter: DEFAULT_NEWSLETTER,
			lastSection: "tools",
			groups: [],
			trackingParams: ["utm_*"],
			issueDates: new Map(),
			...data,
			matches: (data.matches ?? []).filter((m) => m.urlKey === key),
		}),
		matches: async (key) => ({
			matches: (data.matches ?? []).filter((m) => m.urlKey === key),
			issueDates: data.issueDates ?? new Map(),
		}),
		save: async (capture) => {
			saved.push(capture);
		},
		readUnsaved: (key) => unsaved.findLast((u) => u.url === key),
		keepUnsaved: (edit) => {
			unsaved.push(edit);
		},
		forgetUnsaved: (key) => {
			for (let i = unsaved.length - 1; i >= 0; i--) if (unsaved[i]?.url === key) unsaved.splice(i, 1);
		},
		markSaved: vi.fn(async () => {}),
		...overrides,
	};
	return { deps, saved, unsaved };
}
