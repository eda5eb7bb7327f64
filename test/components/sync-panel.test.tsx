import { fireEvent, render, screen, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { SyncPanel, type SyncPanelDeps } from "../../options/sync-panel.tsx";
import type { SyncStatus } from "../../src/core/sync/status.ts";
import type { KeptVersion } from "../../src/core/sync/versions.ts";

const STATUS: SyncStatus = {
	lastSynced: Date.UTC(2026, 0, 5, 9, 30),
	items: 14,
	bytes: 20_480,
	quotaBytes: 102_400,
	maxItems: 512,
	failed: [{ item: "r:c:big#3", reason: "QUOTA_BYTES quota exceeded" }],
	deviceOnly: [{ id: "c9", title: "A very long postmortem" }],
	unplaced: [],
};

const VERSION: KeptVersion = {
	record: "c:c1",
	captureId: "c1",
	field: "note",
	text: "The note I wrote on the laptop",
	at: Date.UTC(2026, 0, 5, 8),
	device: "laptop",
	label: "note of “Post 1”",
	restorable: true,
};

function fakes(enabled: boolean, versions: KeptVersion[] = []) {
	let listener: (() => void) | undefined;
	const deps = {
		syncEnabled: vi.fn(async () => enabled),
		setSyncEnabled: vi.fn(async (on: boolean) => {
			enabled = on;
			listener?.();
		}),
		syncStatus: vi.fn(async () => STATUS),
		syncVersions: vi.fn(async () => versions),
		restoreVersion: vi.fn(async () => {}),
		onSyncChange: (l: () => void) => {
			listener = l;
			return () => {};
		},
	} satisfies SyncPanelDeps;
	return deps;
}

describe("the sync panel in Settings", () => {
	it("opts in with the storage-only checkbox, then shows the status", async () => {
		const deps = fakes(false);
		render(<SyncPanel deps={deps} />);
		const box = (await screen.findByLabelText("Sync the draft through your browser's sync")) as HTMLInputElement;
		await vi.waitFor(() => expect(box.disabled).toBe(false));
		expect(box.checked).toBe(false);
		expect(screen.queryByRole("definition")).toBeNull();
		fireEvent.click(box);
		expect(deps.setSyncEnabled).toHaveBeenCalledWith(true);
		const status = await screen.findByLabelText("Sync status");
		expect(status.textContent).toContain(new Date(STATUS.lastSynced as number).toLocaleString());
		expect(status.textContent).toContain("14 of 512 items, 20.0 KB of 100.0 KB");
	});

	it("says which item failed and why, and which captures stay on this device only", async () => {
		render(<SyncPanel deps={fakes(true)} />);
		const failed = await screen.findByRole("list", { name: "Items that failed" });
		expect(failed.textContent).toBe("r:c:big#3: QUOTA_BYTES quota exceeded");
		const local = screen.getByRole("list", { name: "On this device only" });
		expect(within(local).getByText("A very long postmortem")).toBeTruthy();
	});

	it("shows an earlier version and restores it", async () => {
		const deps = fakes(true, [VERSION]);
		render(<SyncPanel deps={deps} />);
		const list = await screen.findByRole("list", { name: "Earlier versions" });
		expect(within(list).getByText("The note I wrote on the laptop")).toBeTruthy();
		fireEvent.click(within(list).getByRole("button", { name: "Restore this note of “Post 1”" }));
		await vi.waitFor(() => expect(deps.restoreVersion).toHaveBeenCalledWith(VERSION));
		await vi.waitFor(() => expect(screen.queryByRole("list", { name: "Earlier versions" })).toBeNull());
	});
});
