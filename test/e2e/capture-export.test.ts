import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { longDate } from "../../src/core/dates.ts";
import { openPopup, ROOT, SCREENSHOTS, tabIdOf, useExtensionAndSite } from "./harness.ts";

const env = useExtensionAndSite();

async function openArticle(path: string, selectId?: string): Promise<{ page: Page; tabId: number }> {
	const page = await env.ext.context.newPage();
	await page.goto(`${env.site.origin}${path}`);
	if (selectId) {
		await page.evaluate((id) => {
			const range = document.createRange();
			range.selectNodeContents(document.getElementById(id) as HTMLElement);
			const selection = getSelection();
			selection?.removeAllRanges();
			selection?.addRange(range);
		}, selectId);
	}
	return { page, tabId: await tabIdOf(env.ext, page) };
}

async function openOptions(): Promise<Page> {
	const options = await env.ext.context.newPage();
	await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
	return options;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe("capture a page, edit it, export the issue", () => {
	it("fills the popup from the page, saves with Ctrl+Enter, and the export shows the edit (README screenshots)", async () => {
		const { tabId } = await openArticle("/article.html", "lede");
		const popup = await openPopup(env.ext, tabId);

		await expect.poll(() => popup.getByLabel("URL").inputValue()).toBe(`${env.site.origin}/blog/every-second-canary`);
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("Canarying Every Second");
		await expect.poll(() => popup.getByLabel("Quote").inputValue()).toContain("every second");
		expect(await popup.getByLabel("Quote").inputValue()).toContain(`[our status page](${env.site.origin}/status)`);
		expect(await focusedId(popup)).toBe("note");
		await expect.poll(() => popup.getByLabel("Section").inputValue()).toBe("articles");

		await popup.keyboard.type("Every-second canarying is a pretty awesome concept.");
		mkdirSync(SCREENSHOTS, { recursive: true });
		await popup.screenshot({ path: join(SCREENSHOTS, "popup.png") });
		await popup.keyboard.press("Control+Enter");
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to Articles.");

		const options = await openOptions();
		const card = options.getByRole("article", {
			name: "Canarying Every Second",
		});
		await card.waitFor();
		expect(await card.innerText()).toContain("Every-second canarying is a pretty awesome concept.");
		expect(await card.innerText()).toContain("Dana Reyes — Example Engineering");

		await options.getByRole("button", { name: "Edit “Canarying Every Second”" }).click();
		await options
			.getByLabel("Note")
			.fill("Every-second canarying is a pretty awesome concept. They even post the results on their status page!");
		await options.getByLabel("Title").fill("Canarying, Every Second");
		await options.getByRole("button", { name: "Save", exact: true }).click();
		await options.getByRole("article", { name: "Canarying, Every Second" }).waitFor();

		const expected = readFileSync(join(ROOT, "test/fixtures/e2e/capture-flow.expected.md"), "utf8")
			.replaceAll("{{origin}}", env.site.origin)
			.replace("{{date}}", longDate(await options.evaluate(() => new Date().toLocaleDateString("sv"))));
		await expect.poll(() => options.getByLabel("Markdown", { exact: true }).inputValue()).toBe(expected);
		await options.screenshot({ path: join(SCREENSHOTS, "options.png") });
	});

	it("preselects the section used last and brings back a note typed before the popup was closed", async () => {
		const first = await openArticle("/article.html?utm_source=newsletter");
		const popup = await openPopup(env.ext, first.tabId);
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("Canarying Every Second");
		await popup.getByLabel("Section").selectOption({ label: "Tools" });
		await popup.getByRole("button", { name: "Save" }).click();
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to Tools.");

		const { tabId } = await openArticle("/hostile.html");
		const second = await openPopup(env.ext, tabId);
		await expect.poll(() => second.getByLabel("Section").inputValue()).toBe("tools");
		await second.getByLabel("Note").pressSequentially("half a thought");
		await second.close();
		const again = await openPopup(env.ext, tabId);
		await expect.poll(() => again.getByLabel("Note").inputValue()).toBe("half a thought");
	});

	it("shows hostile page metadata as text, never as HTML", async () => {
		const { page, tabId } = await openArticle("/hostile.html", "bad");
		const popup = await openPopup(env.ext, tabId);
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toContain("<img src=x");
		// The quote is Markdown: page text that reads as a tag is escaped, so no export can run it.
		await expect.poll(() => popup.getByLabel("Quote").inputValue()).toContain("\\<script>alert(1)\\</script>");
		await popup.getByRole("button", { name: "Save" }).click();
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to");
		const options = await openOptions();
		await options
			.getByRole("heading", { name: /Hostile/ })
			.first()
			.waitFor();
		expect(await options.locator("img").count()).toBe(0);
		expect(await options.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await page.title()).not.toBe("pwned");
	});
});

describe("every options view (README screenshots)", () => {
	it("shows the first-run welcome, the SRE Weekly #90 draft (light and dark), search, past issues and settings", async () => {
		const options = await openOptions();
		const shot = (name: string) => options.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
		mkdirSync(SCREENSHOTS, { recursive: true });
		await options.getByRole("region", { name: "Welcome to Linkletter" }).waitFor();
		await shot("options-welcome");
		await options.getByRole("button", { name: "Got it, hide the welcome" }).click();
		await options
			.getByLabel("Import issue file")
			.setInputFiles(join(ROOT, "test/fixtures/issues/sre-weekly-90/issue.json"));
		await options.getByRole("heading", { name: "SRE Weekly: draft issue #90" }).waitFor();
		await options.getByRole("article", { name: "Canarying Every Second" }).waitFor();
		// Scrolled to the cards: the export pane stays in view beside them.
		await options.getByRole("heading", { name: /^Articles/ }).evaluate((el) => el.scrollIntoView());
		await shot("options-draft");
		await options.emulateMedia({ colorScheme: "dark" });
		await shot("options-draft-dark");
		await options.emulateMedia({ colorScheme: "light" });
		await options.getByRole("button", { name: "Search", exact: true }).click();
		await options.getByLabel("Search saved links").fill("canary");
		await options.getByRole("list", { name: "Search results" }).getByRole("heading").first().waitFor();
		await shot("options-search");
		await options.getByRole("button", { name: "Settings" }).click();
		await options.getByLabel("Newsletter name").waitFor();
		await shot("options-settings");
		await options.getByRole("button", { name: "Draft issue" }).click();
		await options.getByRole("button", { name: "Mark as sent" }).click();
		await options.getByRole("button", { name: "Yes, mark #90 as sent" }).click();
		await options.getByRole("heading", { name: "SRE Weekly: draft issue #91" }).waitFor();
		await options.getByRole("button", { name: "Past issues" }).click();
		await options.getByRole("button", { name: /^#90 · / }).click();
		await options.getByLabel("Markdown", { exact: true }).waitFor();
		await shot("options-past");
	});
});

describe("pages the extension may not read", () => {
	it("on a PDF, says the document and selection could not be read, and still saves the link", async () => {
		const { tabId } = await openArticle("/report.pdf");
		const popup = await openPopup(env.ext, tabId);
		await expect.poll(() => popup.getByLabel("URL").inputValue()).toBe(`${env.site.origin}/report.pdf`);
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("could not read this page");
		expect(await popup.getByLabel("Quote").inputValue()).toBe("");
		await popup.getByLabel("Note").fill("The postmortem, as a PDF.");
		await popup.getByRole("button", { name: "Save" }).click();
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to");
	});

	it("does not wait forever on a page whose script never yields", async () => {
		const { page, tabId } = await openArticle("/busy.html");
		void page.evaluate(() => window.postMessage("spin", "*")).catch(() => {});
		const popup = await openPopup(env.ext, tabId);
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("A page that never stops computing");
		await expect
			.poll(() => popup.getByRole("status").innerText(), { timeout: 5000 })
			.toContain("could not read this page");
		await popup.getByLabel("Note").fill("Saved anyway.");
		await popup.getByRole("button", { name: "Save" }).click();
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to");
		await page.close({ runBeforeUnload: false }).catch(() => {});
	});
});
