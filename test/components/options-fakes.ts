import { vi } from "vitest";
import type { DraftData, OptionsDeps } from "../../options/deps.ts";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, type SentIssue } from "../../src/core/newsletter.ts";

/** Fake dependencies for the options page: an in-memory store, and `overrides` for faults. */
export function fakeDeps(initial: Capture[], overrides: Partial<OptionsDeps> = {}) {
	let captures = [...initial];
	let newsletter: Newsletter = DEFAULT_NEWSLETTER;
	let meta: IssueMeta = { number: 3, date: "2026-11-24", intro: "", outro: "" };
	let templates: Record<string, string> = {};
	let trackingParams = ["utm_*"];
	const sent: SentIssue[] = [];
	const listeners = new Set<() => void>();
	const deps: OptionsDeps = {
		now: () => 9_000_000_000_000,
		newId: (() => {
			let n = 0;
			return () => `imported-${++n}`;
		})(),
		today: () => "2026-12-01",
		load: async (): Promise<DraftData> => ({
			newsletter,
			meta,
			captures: [...captures],
			templates,
			trackingParams,
		}),
		recentIssues: async () => [...sent],
		getCapture: async (id) =>
			captures.find((c) => c.id === id) ?? sent.flatMap((i) => i.captures).find((c) => c.id === id),
		update: async (edits) => {
			for (const { next } of edits) captures = captures.map((c) => (c.id === next.id ? next : c));
		},
		remove: async (capture) => {
			captures = captures.filter((c) => c.id !== capture.id);
		},
		restore: async (capture) => {
			captures.push(capture);
		},
		importIssue: async (n, m, added) => {
			newsletter = n;
			meta = m;
			captures.push(...added);
		},
		saveMeta: async (m) => {
			meta = m;
		},
		saveNewsletter: async (n, moved = []) => {
			newsletter = n;
			for (const { next } of moved) captures = captures.map((c) => (c.id === next.id ? next : c));
		},
		saveTemplates: async (t) => {
			templates = t;
		},
		saveTrackingParams: async (p) => {
			trackingParams = p;
		},
		send: async (issue, next, carried) => {
			sent.unshift(issue);
			const archived = new Set(issue.captures.map((c) => c.id));
			captures = captures.filter((c) => !archived.has(c.id));
			for (const { next: c } of carried) captures = captures.map((x) => (x.id === c.id ? c : x));
			meta = next;
		},
		listSent: async () => [...sent],
		backup: async () => JSON.stringify({ captures }),
		restoreBackup: vi.fn(async (b) => {
			captures.push(...b.captures);
			return { added: b.captures.length, updated: 0, issues: 0, settings: false };
		}),
		listAllCaptures: async () => [
			...captures,
			...sent.flatMap((i) => i.captures.map((c) => ({ ...c, issue: i.number }))),
		],
		// Most tests open a page in use; the welcome's own tests override this.
		welcome: async () => false,
		dismissWelcome: vi.fn(async () => {}),
		shortcut: async () => "Alt+Shift+L",
		openShortcutSettings: vi.fn(async () => {}),
		storagePersisted: async () => true,
		requestPersistence: async () => true,
		copy: vi.fn(async () => {}),
		download: vi.fn(),
		onChange: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		...overrides,
	};
	return {
		deps,
		sent,
		meta: () => meta,
		setMeta: (m: IssueMeta) => {
			meta = m;
		},
		captures: () => captures,
		templates: () => templates,
		newsletter: () => newsletter,
		setNewsletter: (n: Newsletter) => {
			newsletter = n;
		},
		notifyOtherWindow: () => {
			for (const l of listeners) l();
		},
	};
}
