import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPopup, tabIdOf, useExtensionAndSite } from "./harness.ts";

const env = useExtensionAndSite();
// Evaluated through the driver: the popup's CSP refuses inline scripts, and so would refuse a script tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };

/** The popup over a readable article, settled: page read, storage answered, both collapsed parts opened. */
async function settledPopup(colorScheme: "light" | "dark"): Promise<Page> {
	const page = await env.ext.context.newPage();
	await page.goto(`${env.site.origin}/article.html`);
	const popup = await openPopup(env.ext, await tabIdOf(env.ext, page));
	await popup.emulateMedia({ colorScheme });
	await popup.getByRole("button", { name: "Save" }).and(popup.locator(":enabled")).waitFor();
	await expect.poll(() => popup.getByLabel("Title").inputValue()).not.toBe("");
	// Checked open, so the fields inside Details and the tags are checked too.
	for (const summary of await popup.locator("summary").all()) await summary.click();
	await popup.getByLabel("Author").waitFor();
	return popup;
}

async function seriousViolations(popup: Page): Promise<string[]> {
	await popup.evaluate(AXE);
	const result = await popup.evaluate(() =>
		(globalThis as unknown as { axe: { run(c: Document): Promise<AxeResult> } }).axe.run(document),
	);
	return result.violations
		.filter((v) => v.impact === "critical" || v.impact === "serious")
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("popup accessibility", () => {
	for (const colorScheme of ["light", "dark"] as const) {
		it(`has no critical or serious axe violations, ${colorScheme}`, async () => {
			const popup = await settledPopup(colorScheme);
			const background = await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
			// The scheme really is the one asked for: a dark popup is not checked in light colours.
			expect(background).toBe(colorScheme === "dark" ? "rgb(21, 25, 27)" : "rgb(255, 255, 255)");
			expect(await seriousViolations(popup)).toEqual([]);
		});
	}

	it("reads at the intended size: a 14px base, hints no larger than labels (Chromium shrinks extension pages' body text)", async () => {
		const popup = await settledPopup("light");
		const size = (selector: string) =>
			popup
				.locator(selector)
				.first()
				.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
		expect(await size("body")).toBe(14);
		expect(await size("#note")).toBe(14);
		const hint = await size(".hint");
		expect(hint).toBeGreaterThanOrEqual(12);
		expect(hint).toBeLessThanOrEqual(await size("label[for=note]"));
	});
});
