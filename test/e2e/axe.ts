import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A violation axe-core rates critical or serious, as "rule-id: target". */
export interface Serious {
	id: string;
	impact: string;
	targets: string[];
}

/**
 * Run axe-core in `page`, within the elements `selectors` name, in the light
 * and the dark color scheme; the critical and serious violations of each.
 */
export async function seriousViolations(page: Page, selectors: string[]): Promise<Record<string, Serious[]>> {
	const found: Record<string, Serious[]> = {};
	for (const scheme of ["light", "dark"] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
		found[scheme] = await page.evaluate(async (include) => {
			const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
			const result = (await axe.run({ include: include.map((s) => [s]) }, { resultTypes: ["violations"] })) as {
				violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
			};
			return result.violations
				.filter((v) => v.impact === "critical" || v.impact === "serious")
				.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
		}, selectors);
	}
	await page.emulateMedia({ colorScheme: null });
	return found;
}
