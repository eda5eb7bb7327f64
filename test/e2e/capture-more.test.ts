import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPopup, ROOT, serveSite, tabIdOf, useExtensionAndSite } from "./harness.ts";

const env = useExtensionAndSite();

/** Ask the extension for its toolbar badge, overall or for one tab. */
async function badge(tabId?: number): Promise<string> {
	const page = await env.ext.context.newPage();
	await page.goto(`chrome-extension://${env.ext.id}/options/index.html`);
	const text = await page.evaluate(
		(id) =>
			(
				globalThis as unknown as {
					chrome: { action: { getBadgeText(d: object): Promise<string> } };
				}
			).chrome.action.getBadgeText(id === undefined ? {} : { tabId: id }),
		tabId,
	);
	await page.close();
	return text;
}

async function save(popup: Page): Promise<void> {
	await popup.getByRole("button", { name: "Save" }).and(popup.locator(":enabled")).waitFor();
	await popup.getByRole("button", { name: "Save" }).click();
	await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to");
}

/** Save a page through the popup, as a curator would, with `note`. */
async function capture(url: string, note: string): Promise<void> {
	const page = await env.ext.context.newPage();
	await page.goto(url);
	const popup = await openPopup(env.ext, await tabIdOf(env.ext, page));
	await expect.poll(() => popup.getByLabel("Title").inputValue()).not.toBe("");
	await popup.getByLabel("Note").fill(note);
	await save(popup);
	await popup.close();
}

describe("capturing, beyond the first path", () => {
	it("strips tracking parameters, credits the referring site, counts the draft on the badge and marks the tab", async () => {
		// The aggregator lives on another host (localhost), so the article sees it as its referrer.
		const links = await serveSite({
			"/links.html": readFileSync(join(ROOT, "test/fixtures/site/links.html"), "utf8").replace(
				"{{target}}",
				`${env.site.origin}/plain.html?id=7&utm_source=aggregator&fbclid=abc`,
			),
		});
		const page = await env.ext.context.newPage();
		await page.goto(`${links.origin.replace("127.0.0.1", "localhost")}/links.html`);
		await Promise.all([
			page.waitForURL(/plain\.html/),
			page.getByRole("link", { name: "Lessons From a Launch" }).click(),
		]);
		const tabId = await tabIdOf(env.ext, page);
		const popup = await openPopup(env.ext, tabId);
		await expect.poll(() => popup.getByLabel("URL").inputValue()).toBe(`${env.site.origin}/plain.html?id=7`);
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("Lessons From a Launch");
		await popup.getByRole("button", { name: "Credit localhost" }).click();
		expect(await popup.getByLabel("Via").inputValue()).toBe("localhost");
		await popup.getByLabel("Note").fill("Test the sad path.");
		await save(popup);
		await expect.poll(() => badge()).toBe("1");
		await expect.poll(() => badge(tabId)).toBe("✓");
		links.server.close();
		const options = await env.ext.context.newPage();
		await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
		await expect
			.poll(() => options.getByLabel("Markdown", { exact: true }).inputValue())
			.toContain("Test the sad path.\n\nThanks to [localhost](http://localhost:");
	});

	it("opens the earlier capture instead of saving the same link twice", async () => {
		await capture(`${env.site.origin}/plain.html?id=7&utm_source=aggregator`, "Test the sad path.");
		const page = await env.ext.context.newPage();
		await page.goto(`${env.site.origin}/plain.html?utm_campaign=again&id=7`);
		const popup = await openPopup(env.ext, await tabIdOf(env.ext, page));
		await expect.poll(() => popup.getByRole("status").innerText()).toMatch(/Already saved on .+ in Articles/);
		expect(await popup.getByLabel("Note").inputValue()).toBe("Test the sad path.");
		await popup.getByLabel("Note").fill("Test the sad path, always.");
		await save(popup);
		await expect.poll(() => badge()).toBe("1");
		const options = await env.ext.context.newPage();
		await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
		await options.getByRole("article", { name: "Lessons From a Launch" }).waitFor();
		expect(await options.getByRole("article").count()).toBe(1);
		expect(await options.getByLabel("Markdown", { exact: true }).inputValue()).toContain("Test the sad path, always.");
	});

	it("shows the capture shortcut in the options page", async () => {
		const options = await env.ext.context.newPage();
		await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
		await options.getByRole("button", { name: "Settings" }).click();
		await expect.poll(() => options.getByText(/Press Alt\+Shift\+L to open the capture popup/).count()).toBe(1);
	});

	it("two windows editing the same capture: the second save is refused, its text kept, the first window refreshed", async () => {
		await capture(`${env.site.origin}/plain.html?id=7`, "Test the sad path.");
		const open = async () => {
			const page = await env.ext.context.newPage();
			await page.goto(`chrome-extension://${env.ext.id}/options/index.html`);
			await page.getByRole("button", { name: "Edit “Lessons From a Launch”" }).click();
			return page;
		};
		const a = await open();
		const b = await open();
		await a.getByLabel("Note").fill("Window A's words.");
		await a.getByRole("button", { name: "Save", exact: true }).click();
		await a.getByRole("article", { name: "Lessons From a Launch" }).waitFor();
		await b.getByLabel("Note").fill("Window B's words.");
		await b.getByRole("button", { name: "Save", exact: true }).click();
		await expect
			.poll(() => b.getByRole("alert").allInnerTexts())
			.toContainEqual(expect.stringContaining("changed in another window"));
		expect(await b.getByLabel("Note").inputValue()).toBe("Window B's words.");
		await b.getByRole("button", { name: "Overwrite with my version" }).click();
		await b.getByRole("article", { name: "Lessons From a Launch" }).waitFor();
		await expect
			.poll(() => a.getByRole("article", { name: "Lessons From a Launch" }).innerText())
			.toContain("Window B's words.");
	});
});
