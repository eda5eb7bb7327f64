import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Extension, launchExtension, ROOT } from "./harness.ts";

const EXAMPLE = join(ROOT, "test/fixtures/issues/sre-weekly-90");
const expected = readFileSync(join(EXAMPLE, "expected.md"), "utf8");

let ext: Extension;
let options: Page;
let cspErrors: string[] = [];

// Each test starts from a fresh profile with the SRE Weekly #90 example imported.
beforeEach(async () => {
	cspErrors = [];
	ext = await launchExtension();
	options = await ext.context.newPage();
	options.on("console", (m) => {
		if (/Content Security Policy|EvalError|unsafe-eval/i.test(m.text())) cspErrors.push(m.text());
	});
	options.on("pageerror", (e) => cspErrors.push(String(e)));
	await options.goto(`chrome-extension://${ext.id}/options/index.html`);
	await options.getByLabel("Import issue file").setInputFiles(join(EXAMPLE, "issue.json"));
	await options.getByRole("heading", { name: "SRE Weekly: draft issue #90" }).waitFor();
});
afterEach(async () => {
	await ext?.close();
});

const markdown = () => options.getByLabel("Markdown", { exact: true }).inputValue();

/**
 * The page tells its other views when a write has been stored (a message on its change channel): the
 * next such message, watched from before the edit that makes it. A reload waits for it, as a curator's
 * next visit comes after the save (a reload in mid-write can lose the write).
 */
const watchForStored = () =>
	options.evaluate(() => {
		const w = window as unknown as { __stored?: Promise<void> };
		w.__stored = new Promise<void>((resolve) => {
			const channel = new BroadcastChannel("linkletter-changes");
			channel.onmessage = () => {
				channel.close();
				resolve();
			};
		});
	});
const stored = () => options.evaluate(() => (window as unknown as { __stored?: Promise<void> }).__stored);

describe("publishing day in the real options page", () => {
	it("previews the HTML export in a sandboxed frame", async () => {
		await options.getByLabel("Format").selectOption({ label: "HTML" });
		const frame = options.frameLocator('iframe[title="HTML preview"]');
		await frame.getByRole("heading", { name: "SRE Weekly Issue #90" }).waitFor();
		expect(await frame.getByRole("link", { name: "Canarying Every Second" }).getAttribute("href")).toBe(
			"https://example.com/every-second-canary",
		);
		expect(await options.locator('iframe[title="HTML preview"]').getAttribute("sandbox")).toBe("");
		await options.getByLabel("Format").selectOption({ label: "Markdown" });
		await expect.poll(markdown).toBe(expected);
	});

	it("renders a custom template under the extension's CSP, shows mistakes by line and column, resets", async () => {
		await options.getByText("Edit the Markdown template").click();
		const template = options.getByLabel("Template (Markdown)");
		await watchForStored();
		await template.fill("# {{ issue.title }}\n{% for section in issue.sections %}- {{ section.name }}\n{% endfor %}");
		await expect.poll(markdown).toBe("# SRE Weekly Issue #90\n- Articles\n- Outages\n");
		await stored();
		await watchForStored();
		await template.fill("# {{ issue.title }}\n{% if %}");
		await expect.poll(() => options.getByRole("alert").filter({ hasText: "Line 2" }).count()).toBe(1);
		expect(await markdown()).toBe("# SRE Weekly Issue #90\n- Articles\n- Outages\n");
		await stored();
		await options.reload();
		await options.getByText("Edit the Markdown template").click();
		expect(await options.getByLabel("Template (Markdown)").inputValue()).toBe("# {{ issue.title }}\n{% if %}");
		await options.getByRole("button", { name: "Reset to default" }).click();
		await expect.poll(markdown).toBe(expected);
		expect(cspErrors).toEqual([]);
	});

	it("marks the issue as sent, starts #91, and re-exports #90 exactly as sent", async () => {
		await options.getByRole("button", { name: "Mark as sent" }).click();
		await options.getByRole("button", { name: "Yes, mark #90 as sent" }).click();
		await options.getByRole("heading", { name: "SRE Weekly: draft issue #91" }).waitFor();
		expect(await options.getByRole("article").count()).toBe(0);
		await options.getByRole("button", { name: "Past issues" }).click();
		await options.getByRole("button", { name: /^#90 · 2017-09-28 · 18 links/ }).click();
		await expect.poll(markdown).toBe(expected);
	});
});
