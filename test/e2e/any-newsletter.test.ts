import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPopup, tabIdOf, useExtensionAndSite } from "./harness.ts";

const env = useExtensionAndSite();

async function openOptions(): Promise<Page> {
	const options = await env.ext.context.newPage();
	await options.goto(`chrome-extension://${env.ext.id}/options/index.html`);
	return options;
}

type JsonEntry = { title: string; tags: string[] };
type JsonSection = { name: string; entries: JsonEntry[]; sections: JsonSection[] };

describe("any newsletter", () => {
	it("a link-blog starter, a nested section, an issue field and a tagged capture all reach the export", async () => {
		const options = await openOptions();
		await options.getByRole("button", { name: "Settings" }).click();
		await options.getByLabel("Link-blog post").check();
		await options.getByRole("button", { name: "Use this starter" }).click();
		await expect.poll(() => options.getByText("Now using the Link-blog post starter.").count()).toBe(1);

		// Nest "Longer reads" under "Links", from the keyboard.
		const nested = options.getByRole("listitem", { name: "Longer reads" }).getByLabel("Nested under");
		await nested.focus();
		await nested.selectOption({ label: "Links" });
		await expect
			.poll(() => options.getByRole("listitem", { name: "Longer reads" }).getByLabel("Nested under").inputValue())
			.toBe("links");

		// Capture through the popup, into the nested section, with tags.
		const article = await env.ext.context.newPage();
		await article.goto(`${env.site.origin}/article.html`);
		const popup = await openPopup(env.ext, await tabIdOf(env.ext, article));
		await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe("Canarying Every Second");
		await popup.getByLabel("Section").selectOption({ label: "Longer reads" });
		await popup.getByText("Tags and sponsorship").click();
		await popup.getByLabel("Tags").fill("canary, deploys");
		await popup.getByLabel("Note").fill("Canaries every second.");
		await popup.getByRole("button", { name: "Save", exact: true }).click();
		await expect.poll(() => popup.getByRole("status").innerText()).toContain("Saved to Longer reads.");

		// The starter's issue fields, filled in the draft's details.
		await options.reload();
		await options.getByRole("article", { name: "Canarying Every Second" }).waitFor();
		await options.getByLabel("Summary").fill("Deploys, carefully.");
		await options.getByLabel("Tags", { exact: true }).fill("sre\ndeploys");
		await options.getByRole("button", { name: "Save issue details" }).click();
		await expect.poll(() => options.getByText("Issue details saved.").count()).toBe(1);

		const markdown = () => options.getByLabel("Markdown", { exact: true }).inputValue();
		await expect.poll(markdown).toContain('summary: "Deploys, carefully."');
		const md = await markdown();
		expect(md).toMatch(/^---\ntitle: .*\ndate: \d{4}-\d{2}-\d{2}\ntags: \["sre","deploys"\]\n/);
		// The nested section sits one heading level below its parent.
		const links = /^(#+) Links$/m.exec(md)?.[1] ?? "";
		expect(links.length).toBeGreaterThan(0);
		expect(md).toMatch(new RegExp(`^${links}# Longer reads\\n\\n\\*\\*\\[Canarying Every Second\\]`, "m"));

		await options.getByLabel("Format").selectOption({ label: "JSON" });
		const json = JSON.parse(await options.getByLabel("JSON", { exact: true }).inputValue()) as {
			fields: Record<string, unknown>;
			sections: JsonSection[];
		};
		expect(json.fields).toMatchObject({ summary: "Deploys, carefully.", tags: ["sre", "deploys"] });
		const parent = json.sections.find((s) => s.name === "Links");
		const child = parent?.sections.find((s) => s.name === "Longer reads");
		expect(child?.entries.map((e) => [e.title, e.tags])).toEqual([["Canarying Every Second", ["canary", "deploys"]]]);
	});
});
