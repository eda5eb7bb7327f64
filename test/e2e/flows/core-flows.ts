import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session, Tab } from "../browsers/session.ts";
import { ROOT } from "../harness.ts";

const EXAMPLE = join(ROOT, "test/fixtures/issues/sre-weekly-90");
const expected = readFileSync(join(EXAMPLE, "expected.md"), "utf8");

/** Select the contents of the element with `id`, as a reader dragging over it would. */
function selectElement(id: string): void {
	const range = document.createRange();
	range.selectNodeContents(document.getElementById(id) as HTMLElement);
	const selection = getSelection();
	selection?.removeAllRanges();
	selection?.addRange(range);
}

async function openPopupFor(session: Session, page: Tab): Promise<Tab> {
	const tabId = await session.tabIdOf(page);
	return session.openExtensionPage(`popup/index.html?tabId=${tabId}`, "#note");
}

const openOptions = (session: Session) => session.openExtensionPage("options/index.html", "h1");

async function importExample(options: Tab): Promise<void> {
	await options.uploadFile("Import issue file", join(EXAMPLE, "issue.json"));
	await expect.poll(() => options.text("status")).toContain("Imported 18 links");
}

/**
 * The flows every browser must get right, written once. Each test starts its
 * own browser with a fresh profile, so any one passes alone and in any order.
 */
export function describeCoreFlows(name: string, start: () => Promise<Session>, restrictedUrl: string): void {
	describe(`core flows in ${name}`, () => {
		let session: Session;
		beforeEach(async () => {
			session = await start();
		});
		afterEach(async () => {
			await session?.close();
		});

		it("captures a page with a selection: canonical URL, title, quote with its link, author", async () => {
			const page = await session.openPage(`${session.siteOrigin}/article.html?utm_source=feed`);
			await page.evaluate(selectElement, "lede");
			const popup = await openPopupFor(session, page);

			await expect.poll(() => popup.value("URL")).toBe(`${session.siteOrigin}/blog/every-second-canary`);
			expect(await popup.value("Title")).toBe("Canarying Every Second");
			await expect.poll(() => popup.value("Quote")).toContain("every second");
			expect(await popup.value("Quote")).toContain(`[our status page](${session.siteOrigin}/status)`);
			expect(await popup.focusedId()).toBe("note");
			expect(await popup.value("Section")).toBe("articles");

			await popup.type("Every-second canarying is a pretty awesome concept.");
			await popup.press("Control+Enter");
			await expect.poll(() => popup.text("status")).toContain("Saved to Articles.");

			const options = await openOptions(session);
			await expect.poll(() => options.has("article", "Canarying Every Second")).toBe(true);
			const card = await options.text("article");
			expect(card).toContain("Every-second canarying is a pretty awesome concept.");
			expect(card).toContain("Dana Reyes — Example Engineering");
			await expect
				.poll(() => options.value("Markdown"))
				.toContain(`[Canarying Every Second](${session.siteOrigin}/blog/every-second-canary)`);
		});

		it("imports the SRE Weekly #90 issue file; the export and the download are expected.md byte for byte", async () => {
			const options = await openOptions(session);
			await importExample(options);
			await expect.poll(() => options.value("Markdown")).toBe(expected);
			const file = await options.download(() => options.click("button", "Download"));
			expect(file.name).toBe("sre-weekly-issue-90.md");
			expect(file.text).toBe(expected);
		});

		it("copies the issue: a text editor gets the Markdown, an email editor gets headings and links", async () => {
			const options = await openOptions(session);
			await importExample(options);
			await options.click("button", "Copy");
			// A fresh Firefox profile's first clipboard write now and then takes over a second (the default wait).
			await expect.poll(() => options.text("status"), { timeout: 10_000 }).toMatch(/Copied/);

			const editor = await session.openPage(`${session.siteOrigin}/paste.html`);
			await editor.focus("Plain text editor");
			await editor.press("Control+V");
			await expect.poll(() => editor.value("Plain text editor")).toBe(expected);
			await editor.focus("Email editor");
			await editor.press("Control+V");
			await expect.poll(() => editor.has("heading", "SRE Weekly Issue #90")).toBe(true);
			const link = await editor.evaluate(
				() => document.querySelector<HTMLAnchorElement>("#rich a[href*='sponsor']")?.href ?? null,
				null,
			);
			expect(link).toBe("https://sponsor.example.com/all-day-devops");
			expect(await editor.evaluate(() => document.querySelectorAll("#rich script").length, null)).toBe(0);
		});

		it("previews the HTML export without a single request, even when a template puts markup before <head>", async () => {
			const options = await openOptions(session);
			await importExample(options);
			await options.select("Format", "HTML");
			await options.click("button", "Edit the HTML template");
			const beacon = `${session.siteOrigin}/beacon.gif`;
			await options.fill(
				"Template (HTML)",
				`<img src="${beacon}"><link rel="stylesheet" href="${beacon}?css"><html><head></head><body><h1>{{ issue.title }}</h1><img src="${beacon}?body"></body></html>`,
			);
			// The sandboxed frame's document is opaque to the page; its source is the srcdoc.
			const source = () =>
				options.evaluate(
					() => document.querySelector<HTMLIFrameElement>('iframe[title="HTML preview"]')?.srcdoc ?? "",
					null,
				);
			await expect.poll(source).toContain("<h1>SRE Weekly Issue #90</h1>");
			// Give a request every chance to arrive before saying none did.
			await new Promise((r) => setTimeout(r, 1500));
			expect(session.siteRequests.filter((p) => p.startsWith("/beacon"))).toEqual([]);
		});

		it("on a browser page, explains why nothing was read and saves nothing", async () => {
			const page = await session.openPage(restrictedUrl);
			const popup = await openPopupFor(session, page);
			await expect.poll(() => popup.text("status")).toContain("could not read this page");
			expect(await popup.text("status")).toContain("Only http and https pages can be saved");
			await popup.fill("Note", "should not be stored");
			await popup.click("button", "Save");
			const options = await openOptions(session);
			await expect.poll(() => options.value("Markdown")).toContain("#");
			expect(await options.text()).not.toContain("should not be stored");
			expect(await options.value("Markdown")).not.toContain("should not be stored");
		});
	});
}
