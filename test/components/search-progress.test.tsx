import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { BackupPanel } from "../../options/backup-panel.tsx";
import type { OptionsDeps } from "../../options/deps.ts";
import { ImportIssue } from "../../options/import-issue.tsx";
import type { OnProgress, RestoreReport } from "../../src/db/backup.ts";
import { ACCEPTED } from "../fixtures/backups/hostile.ts";

function choose(label: string, text: string) {
	fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], "file.json")] } });
}

describe("long work shows its progress and cannot be started twice", () => {
	it("a restore shows a labelled bar with words, disables its controls, and ignores a second file", async () => {
		let report: () => void = () => {};
		let finish: (r: RestoreReport) => void = () => {};
		const restoreBackup = vi.fn(
			(_backup: unknown, onProgress?: OnProgress) =>
				new Promise<RestoreReport>((resolve) => {
					report = () => onProgress?.({ done: 500, total: 1_200 });
					finish = resolve;
				}),
		);
		const deps = { backup: vi.fn(async () => ""), restoreBackup, download: vi.fn(), today: () => "2026-03-05" };
		render(<BackupPanel deps={deps} onRestored={() => {}} />);
		const backup = ACCEPTED.find((c) => c.kind === "backup")?.text ?? "";
		choose("Restore from backup", backup);
		await waitFor(() => expect(restoreBackup).toHaveBeenCalledOnce());
		report();
		const bar = await screen.findByRole("progressbar", { name: "Restoring" });
		await waitFor(() => expect(bar.getAttribute("value")).toBe("500"));
		expect(bar.getAttribute("max")).toBe("1200");
		expect(screen.getByText("Restoring: 500 of 1,200 links and issues…")).toBeTruthy();
		expect((screen.getByLabelText("Restore from backup") as HTMLInputElement).disabled).toBe(true);
		expect((screen.getByRole("button", { name: "Download backup" }) as HTMLButtonElement).disabled).toBe(true);
		choose("Restore from backup", backup);
		fireEvent.click(screen.getByRole("button", { name: "Download backup" }));
		await new Promise((r) => setTimeout(r, 20));
		expect(restoreBackup).toHaveBeenCalledOnce();
		expect(deps.backup).not.toHaveBeenCalled();
		finish({ added: 1, updated: 0, issues: 0, settings: false });
		await screen.findByText(/^Restored: 1 links added/);
		expect(screen.queryByRole("progressbar")).toBeNull();
		expect((screen.getByLabelText("Restore from backup") as HTMLInputElement).disabled).toBe(false);
	});

	it("an import shows its bar and ignores a second file while it runs", async () => {
		let onProgress: OnProgress | undefined;
		let finish: () => void = () => {};
		const importIssue = vi.fn(
			(_n: unknown, _m: unknown, _c: unknown, progress?: OnProgress) =>
				new Promise<void>((resolve) => {
					onProgress = progress;
					finish = resolve;
				}),
		);
		const deps = { now: () => 1, newId: () => "id", importIssue } as unknown as OptionsDeps;
		render(<ImportIssue deps={deps} draftSize={0} onImported={() => {}} />);
		const issue = ACCEPTED.find((c) => c.kind === "issue")?.text ?? "";
		choose("Import issue file", issue);
		await waitFor(() => expect(importIssue).toHaveBeenCalledOnce());
		onProgress?.({ done: 10, total: 18 });
		const bar = await screen.findByRole("progressbar", { name: "Importing file.json" });
		await waitFor(() => expect(bar.getAttribute("value")).toBe("10"));
		expect(screen.getByText("Importing file.json: 10 of 18 links…")).toBeTruthy();
		expect((screen.getByLabelText("Import issue file") as HTMLInputElement).disabled).toBe(true);
		choose("Import issue file", issue);
		await new Promise((r) => setTimeout(r, 20));
		expect(importIssue).toHaveBeenCalledOnce();
		finish();
		await screen.findByText("Imported 18 links from file.json.");
		expect(screen.queryByRole("progressbar")).toBeNull();
	});
});
