import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { BackupPanel } from "../../options/backup-panel.tsx";
import type { OptionsDeps } from "../../options/deps.ts";
import { ImportIssue } from "../../options/import-issue.tsx";
import { ACCEPTED, REFUSED } from "../fixtures/backups/hostile.ts";

function deps() {
	return {
		backup: vi.fn(async () => ""),
		restoreBackup: vi.fn(async () => ({ added: 0, updated: 0, issues: 0, settings: false })),
		download: vi.fn(),
		today: () => "2026-03-05",
		now: () => 1,
		newId: () => "id",
		importIssue: vi.fn(async () => {}),
	};
}

function choose(label: string, name: string, text: string) {
	fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], name)] } });
}

describe("the options page refuses the files the CLI refuses, with the same words", () => {
	it.each(REFUSED.filter((c) => c.kind === "backup").map((c) => [c.name, c] as const))("restore: %s", async (_, c) => {
		const d = deps();
		render(<BackupPanel deps={d} onRestored={() => {}} />);
		choose("Restore from backup", "bad.json", c.text);
		expect((await screen.findByText(/^Could not restore/)).textContent).toBe(
			`Could not restore bad.json: ${c.message}. Nothing was changed.`,
		);
		expect(d.restoreBackup).not.toHaveBeenCalled();
	});

	it.each(REFUSED.filter((c) => c.kind === "issue").map((c) => [c.name, c] as const))("import: %s", async (_, c) => {
		const d = deps();
		render(<ImportIssue deps={d as unknown as OptionsDeps} draftSize={0} onImported={() => {}} />);
		choose("Import issue file", "bad.json", c.text);
		expect((await screen.findByText(/^Could not import/)).textContent).toBe(
			`Could not import bad.json: ${c.message}. Nothing was changed.`,
		);
		expect(d.importIssue).not.toHaveBeenCalled();
	});

	it("accepts a backup and an issue file that start with a byte order mark", async () => {
		const d = deps();
		const backup = ACCEPTED.find((c) => c.kind === "backup");
		const issue = ACCEPTED.find((c) => c.kind === "issue");
		render(<BackupPanel deps={d} onRestored={() => {}} />);
		choose("Restore from backup", "bom.json", backup?.text ?? "");
		await screen.findByText(/^Restored:/);
		expect(d.restoreBackup).toHaveBeenCalledWith(
			expect.objectContaining({ version: 3, groups: [] }),
			expect.any(Function),
		);
		render(<ImportIssue deps={d as unknown as OptionsDeps} draftSize={0} onImported={() => {}} />);
		choose("Import issue file", "bom.json", issue?.text ?? "");
		await screen.findByText("Imported 18 links from bom.json.");
	});
});
