import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Extension, launchExtension, ROOT } from "./harness.ts";

// Injected as source through page.evaluate: the extension's CSP refuses inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let ext: Extension;
let page: Page;

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: unknown[] }[];
}

async function seriousViolations(): Promise<string[]> {
	await page.evaluate(AXE);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> } })
			.axe;
		return (await axe.run(document, { resultTypes: ["violations"] })).violations;
	});
	return (violations as Violation[])
		.filter((v) => v.impact === "critical" || v.impact === "serious")
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

// One profile for the file: the SRE Weekly #90 draft imported, and one issue sent so Past issues has content.
beforeAll(async () => {
	ext = await launchExtension();
	page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.id}/options/index.html`);
	const file = join(ROOT, "test/fixtures/issues/sre-weekly-90/issue.json");
	await page.getByLabel("Import issue file").setInputFiles(file);
	await page.getByRole("heading", { name: "SRE Weekly: draft issue #90" }).waitFor();
	await page.getByRole("button", { name: "Mark as sent" }).click();
	await page.getByRole("button", { name: "Yes, mark #90 as sent" }).click();
	await page.getByRole("heading", { name: "SRE Weekly: draft issue #91" }).waitFor();
	await page.getByLabel("Import issue file").setInputFiles(file);
	await page.getByRole("article", { name: "Canarying Every Second" }).waitFor();
}, 60_000);
afterAll(async () => {
	await ext?.close();
});

const VIEWS: { name: string; open: () => Promise<void> }[] = [
	{
		name: "Draft issue",
		open: async () => {
			await page.getByRole("button", { name: "Draft issue" }).click();
			await page.getByRole("article", { name: "Distributed Programming Is Not Concurrent Programming" }).waitFor();
			// An open editor and an open Move menu are part of the view too (the editor stays open across views).
			const edit = page.getByRole("button", { name: "Edit “Canarying Every Second”" });
			if ((await edit.count()) > 0) await edit.click();
			await page.getByLabel("Site name").waitFor();
			await page
				.getByRole("article", { name: "Distributed Programming Is Not Concurrent Programming" })
				.locator("summary")
				.click();
		},
	},
	{
		name: "Past issues",
		open: async () => {
			await page.getByRole("button", { name: "Past issues" }).click();
			await page.getByRole("button", { name: /^#90 · / }).click();
			await page.getByLabel("Markdown", { exact: true }).waitFor();
		},
	},
	{
		name: "Settings",
		open: async () => {
			await page.getByRole("button", { name: "Settings" }).click();
			await page.getByLabel("Newsletter name").waitFor();
		},
	},
];

describe("axe-core finds no critical or serious problem in any options view", () => {
	for (const scheme of ["light", "dark"] as const) {
		for (const view of VIEWS) {
			it(`${view.name}, ${scheme}`, async () => {
				await page.emulateMedia({ colorScheme: scheme });
				await view.open();
				expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(scheme === "dark");
				expect(await seriousViolations()).toEqual([]);
			});
		}
	}
});
