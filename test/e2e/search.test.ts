import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { type Extension, launchExtension, ROOT } from "./harness.ts";

const EXAMPLE = join(ROOT, "test/fixtures/issues/sre-weekly-90");

let ext: Extension;
let options: Page;

// Each test: a fresh profile with the SRE Weekly #90 example imported and sent, so it is a past issue.
beforeEach(async () => {
	ext = await launchExtension();
	options = await ext.context.newPage();
	await options.goto(`chrome-extension://${ext.id}/options/index.html`);
	await options.getByLabel("Import issue file").setInputFiles(join(EXAMPLE, "issue.json"));
	await options.getByRole("heading", { name: "SRE Weekly: draft issue #90" }).waitFor();
	await options.getByRole("button", { name: "Mark as sent" }).click();
	await options.getByRole("button", { name: "Yes, mark #90 as sent" }).click();
	await options.getByRole("heading", { name: "SRE Weekly: draft issue #91" }).waitFor();
});
afterEach(async () => {
	await ext?.close();
});

const resultTitles = () => options.getByRole("list", { name: "Search results" }).getByRole("heading").allInnerTexts();

describe("search in the real options page", () => {
	it("finds a past issue's capture by a note word as it is typed, filters, and opens it in its issue", async () => {
		await options.getByRole("button", { name: "Search", exact: true }).click();
		const box = options.getByLabel("Search saved links");
		await box.pressSequentially("awes");
		await expect.poll(resultTitles).toContain("Canarying Every Second");
		expect(
			await options.getByRole("listitem").filter({ hasText: "Canarying Every Second" }).locator("mark").allInnerTexts(),
		).toContain("awes");
		// Filters: a section the capture is not in finds nothing; its own section and issue find it.
		await options.getByLabel("Section", { exact: true }).selectOption({ label: "Outages" });
		await expect.poll(resultTitles).not.toContain("Canarying Every Second");
		await options.getByLabel("Section", { exact: true }).selectOption({ label: "Articles" });
		await options.getByLabel("Issue", { exact: true }).selectOption({ label: "#90" });
		await expect.poll(resultTitles).toContain("Canarying Every Second");

		expect(await seriousViolations(options, ["section.search"])).toEqual({ light: [], dark: [] });

		await options.getByRole("button", { name: "Open in issue: Canarying Every Second" }).click();
		const issue = options.getByRole("button", { name: /^#90 · 2017-09-28 · 18 links — SRE Weekly Issue #90/ });
		expect(await issue.getAttribute("aria-expanded")).toBe("true");
		await expect
			.poll(() => options.evaluate(() => document.activeElement?.textContent ?? ""))
			.toBe("Canarying Every Second");
		expect(await options.getByRole("link", { name: "Canarying Every Second" }).first().getAttribute("href")).toBe(
			"https://example.com/every-second-canary",
		);
	});

	it("past issues list titles and links, filter by a word, and pass axe in light and dark", async () => {
		await options.getByRole("button", { name: "Past issues" }).click();
		const issue = options.getByRole("button", { name: /^#90 · 2017-09-28 · 18 links — SRE Weekly Issue #90/ });
		await issue.click();
		await options.getByRole("link", { name: "Canarying Every Second" }).first().waitFor();
		await options.getByLabel("Filter past issues").fill("no such words here");
		await options.getByText("0 of 1 issues match.").waitFor();
		await options.getByLabel("Filter past issues").fill("canar");
		await options.getByText("1 of 1 issues match.").waitFor();
		expect(await seriousViolations(options, ["section[aria-labelledby=past-heading]"])).toEqual({
			light: [],
			dark: [],
		});
	});
});
