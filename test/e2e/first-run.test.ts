import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeBackup } from "../../src/core/backup.ts";
import { normalizeCapture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { seriousViolations } from "./axe.ts";
import { type Extension, launchExtension } from "./harness.ts";

let ext: Extension;
let dir: string;
beforeEach(async () => {
	ext = await launchExtension();
	dir = mkdtempSync(join(tmpdir(), "linkletter-backup-"));
});
afterEach(async () => {
	await ext?.close();
	rmSync(dir, { recursive: true, force: true });
});

const optionsUrl = () => `chrome-extension://${ext.id}/options/index.html`;

describe("a new install", () => {
	it("is welcomed with its newsletter, sections and the real shortcut; named there; dismissed for good", async () => {
		const options = await ext.context.newPage();
		await options.goto(optionsUrl());
		const welcome = options.getByRole("region", { name: "Welcome to Linkletter" });
		await welcome.waitFor();
		expect(await welcome.innerText()).toContain("Your newsletter is My Newsletter.");
		expect(await welcome.innerText()).toContain("Links go into sections: Articles, Tools and Outages.");
		await expect.poll(() => welcome.innerText()).toContain("Or press Alt+Shift+L.");
		expect(await seriousViolations(options, ["section.welcome"])).toEqual({ light: [], dark: [] });
		await options.getByLabel("Name your newsletter").fill("Queue Weekly");
		await options.getByRole("button", { name: "Save name" }).click();
		await options.getByRole("heading", { name: "Queue Weekly: draft issue #1" }).waitFor();
		// Named but not dismissed: still welcomed after a reload.
		await options.reload();
		await welcome.waitFor();
		await options.getByRole("button", { name: "Got it, hide the welcome" }).click();
		await expect.poll(() => welcome.count()).toBe(0);
		await options.reload();
		await options.getByRole("heading", { name: "Queue Weekly: draft issue #1" }).waitFor();
		await options.waitForTimeout(300);
		expect(await welcome.count()).toBe(0);
	});

	it("restores a 20,000-link backup with a progress bar, and the restore cannot be started twice", async () => {
		const captures = Array.from({ length: 20_000 }, (_, i) =>
			normalizeCapture(
				{ url: `https://example.com/p/${i}`, title: `Backed up ${i}`, note: `Note ${i}`, section: "articles" },
				{ now: 1_700_000_000_000 + i, id: `b${i}` },
			),
		);
		const file = join(dir, "big.json");
		writeFileSync(
			file,
			serializeBackup({
				exportedAt: "2026-11-24T00:00:00Z",
				newsletter: DEFAULT_NEWSLETTER,
				draft: { number: 1, date: "2026-11-24", intro: "", outro: "" },
				captures,
				issues: [],
				templates: {},
				trackingParams: [],
				groups: [],
			}),
		);
		const options = await ext.context.newPage();
		await options.goto(optionsUrl());
		await options.getByRole("button", { name: "Settings" }).click();
		const input = options.getByLabel("Restore from backup");
		await input.setInputFiles(file);
		const bar = options.getByRole("progressbar", { name: "Restoring" });
		await bar.waitFor();
		expect(await input.isDisabled()).toBe(true);
		expect(await options.getByRole("button", { name: "Download backup" }).isDisabled()).toBe(true);
		expect(await options.getByText(/^Restoring: [\d,]+ of 20,000 links and issues…$/).count()).toBe(1);
		expect(await seriousViolations(options, ["section[aria-labelledby=backup-heading]"])).toEqual({
			light: [],
			dark: [],
		});
		await options.getByText("Restored: 20000 links added, 0 updated, 0 past issues added.", { exact: false }).waitFor({
			timeout: 60_000,
		});
		expect(await bar.count()).toBe(0);
		expect(await input.isDisabled()).toBe(false);
	});
});
