import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import { FieldsEditor } from "../../options/fields-editor.tsx";
import { IssueDetails } from "../../options/issue-details.tsx";
import { SectionsEditor } from "../../options/sections-editor.tsx";
import { type StarterEdits, StarterGallery } from "../../options/starter-gallery.tsx";
import { StyleMapEditor } from "../../options/style-map-editor.tsx";
import { Popup } from "../../popup/popup.tsx";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter } from "../../src/core/newsletter.ts";
import { LINK_BLOG_STARTER as LINK_BLOG } from "../../src/core/starters/index.ts";
import { templateReference } from "../../src/core/template/reference.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";
import { fakeDeps as fakePopupDeps } from "./popup-fakes.ts";

const NOW = () => 9_000_000_000_000;
const META: IssueMeta = { number: 7, date: "2026-12-01", intro: "", outro: "" };

function sectionsEditor(newsletter: Newsletter = DEFAULT_NEWSLETTER) {
	const onSave = vi.fn(async (_n: Newsletter) => {});
	const view = render(<SectionsEditor newsletter={newsletter} captures={[]} now={NOW} onSave={onSave} />);
	return { onSave, view, row: (name: string) => within(screen.getByRole("listitem", { name })) };
}

describe("sections editor", () => {
	it("nests a section, and never offers a section's own subsection as its parent", async () => {
		const nested: Newsletter = {
			...DEFAULT_NEWSLETTER,
			sections: [
				{ id: "articles", name: "Articles", layout: "entries" },
				{ id: "tools", name: "Tools", layout: "entries", parent: "articles" },
				{ id: "outages", name: "Outages", layout: "list" },
			],
		};
		const { onSave, row } = sectionsEditor(nested);
		const options = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);
		// Tools is inside Articles: Articles may not go inside Tools.
		expect(options(row("Articles").getByLabelText("Nested under"))).toEqual(["Top level", "Outages"]);
		expect(options(row("Tools").getByLabelText("Nested under"))).toEqual(["Top level", "Articles", "Outages"]);
		fireEvent.change(row("Outages").getByLabelText("Nested under"), { target: { value: "tools" } });
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		const saved = onSave.mock.calls[0]?.[0] as Newsletter;
		expect(saved.sections.find((s) => s.id === "outages")?.parent).toBe("tools");
	});

	it("saves keep-when-empty with its text, notes optional, and a section's template", async () => {
		const withPartials: Newsletter = { ...DEFAULT_NEWSLETTER, partials: { md: { "event-card": "{{ entry.title }}" } } };
		const { onSave, row, view } = sectionsEditor(withPartials);
		const template = row("Tools").getByLabelText("Template") as HTMLSelectElement;
		expect([...template.options].map((o) => o.textContent)).toEqual(["Layout default", "event-card"]);
		fireEvent.change(template, { target: { value: "event-card" } });
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
		let saved = onSave.mock.calls.at(-1)?.[0] as Newsletter;
		expect(saved.sections.find((s) => s.id === "tools")?.partial).toBe("event-card");

		fireEvent.click(row("Outages").getByLabelText("Keep when empty"));
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
		saved = onSave.mock.calls.at(-1)?.[0] as Newsletter;
		view.rerender(<SectionsEditor newsletter={saved} captures={[]} now={NOW} onSave={onSave} />);
		const text = row("Outages").getByLabelText("Text when empty");
		fireEvent.input(text, { target: { value: "No outages this week." } });
		fireEvent.blur(text);
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(3));
		saved = onSave.mock.calls.at(-1)?.[0] as Newsletter;
		expect(saved.sections.find((s) => s.id === "outages")).toMatchObject({
			keepWhenEmpty: true,
			emptyText: "No outages this week.",
		});

		view.rerender(<SectionsEditor newsletter={saved} captures={[]} now={NOW} onSave={onSave} />);
		fireEvent.click(row("Articles").getByLabelText("Notes optional"));
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(4));
		const last = onSave.mock.calls.at(-1)?.[0] as Newsletter;
		expect(last.sections[0]?.notesOptional).toBe(true);
	});
});

describe("issue fields", () => {
	it("defines fields of each type, recurring or not, and checks their names", async () => {
		const onSave = vi.fn(async (_n: Newsletter) => {});
		render(<FieldsEditor newsletter={DEFAULT_NEWSLETTER} onSave={onSave} />);
		const add = (label: string, type: string) => {
			fireEvent.input(screen.getByLabelText("New field label"), { target: { value: label } });
			fireEvent.change(screen.getByLabelText("New field type"), { target: { value: type } });
			fireEvent.click(screen.getByRole("button", { name: "Add field" }));
		};
		add("Summary", "markdown");
		add("Period start", "date");
		add("Topics", "list");
		fireEvent.click(within(screen.getByRole("listitem", { name: "Topics" })).getByLabelText("Recurring"));
		const name = within(screen.getByRole("listitem", { name: "Summary" })).getByLabelText("Name in templates");
		fireEvent.input(name, { target: { value: "2bad" } });
		fireEvent.click(screen.getByRole("button", { name: "Save fields" }));
		expect((await screen.findByText(/must start with a letter/)).textContent).toContain("2bad");
		expect(onSave).not.toHaveBeenCalled();
		fireEvent.input(name, { target: { value: "summary" } });
		fireEvent.click(screen.getByRole("button", { name: "Save fields" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		expect(onSave.mock.calls[0]?.[0].fields).toEqual([
			{ id: "summary", label: "Summary", type: "markdown" },
			{ id: "period_start", label: "Period start", type: "date" },
			{ id: "topics", label: "Topics", type: "list", recurring: true },
		]);
	});

	it("gives each field the input its type needs and stores the typed values", async () => {
		const onSave = vi.fn(async (_m: IssueMeta) => {});
		render(
			<IssueDetails
				meta={META}
				fields={[
					{ id: "summary", label: "Summary", type: "markdown" },
					{ id: "start", label: "Period start", type: "date" },
					{ id: "topics", label: "Topics", type: "list" },
					{ id: "host", label: "Host", type: "text" },
				]}
				onSave={onSave}
			/>,
		);
		expect(screen.getByLabelText("Period start").getAttribute("type")).toBe("date");
		expect(screen.getByLabelText("Summary").tagName).toBe("TEXTAREA");
		expect(screen.getByLabelText("Topics").tagName).toBe("TEXTAREA");
		expect(screen.getByLabelText("Host").tagName).toBe("INPUT");
		fireEvent.input(screen.getByLabelText("Summary"), { target: { value: "A *busy* week" } });
		fireEvent.input(screen.getByLabelText("Period start"), { target: { value: "2026-11-24" } });
		fireEvent.input(screen.getByLabelText("Topics"), { target: { value: "kubernetes, dns\npostmortems\n" } });
		fireEvent.input(screen.getByLabelText("Host"), { target: { value: " Ann " } });
		fireEvent.click(screen.getByRole("button", { name: "Save issue details" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		expect(onSave.mock.calls.at(-1)?.[0].fields).toEqual({
			summary: "A *busy* week",
			start: "2026-11-24",
			topics: ["kubernetes", "dns", "postmortems"],
			host: "Ann",
		});
	});

	it("adds and removes sponsors, each recurring or not, and a recurring outro", async () => {
		const onSave = vi.fn(async (_m: IssueMeta) => {});
		render(<IssueDetails meta={{ ...META, sponsor: { name: "Old Co", text: "Hi" } }} onSave={onSave} />);
		expect((screen.getByLabelText("Sponsor name") as HTMLInputElement).value).toBe("Old Co");
		fireEvent.click(screen.getByRole("button", { name: "Add a sponsor" }));
		fireEvent.input(screen.getByLabelText("Sponsor 2 name"), { target: { value: "Acme" } });
		fireEvent.input(screen.getByLabelText("Sponsor 2 message"), { target: { value: "Pages that *page*." } });
		fireEvent.input(screen.getByLabelText("Sponsor 2 link"), { target: { value: "https://acme.example/" } });
		fireEvent.click(screen.getByLabelText("Sponsor 2 recurring"));
		fireEvent.click(screen.getByRole("button", { name: "Add a sponsor" }));
		fireEvent.input(screen.getByLabelText("Sponsor 3 name"), { target: { value: "Beta" } });
		fireEvent.click(screen.getByRole("button", { name: "Remove sponsor 1" }));
		fireEvent.input(screen.getByLabelText("Outro"), { target: { value: "See you next week." } });
		fireEvent.click(screen.getByLabelText(/Outro recurring/));
		fireEvent.click(screen.getByRole("button", { name: "Save issue details" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		const meta = onSave.mock.calls.at(-1)?.[0] as IssueMeta;
		expect(meta.sponsors).toEqual([
			{ name: "Acme", text: "Pages that *page*.", url: "https://acme.example/", recurring: true },
			{ name: "Beta", text: "" },
		]);
		expect(meta.sponsor).toBeUndefined();
		expect(meta).toMatchObject({ outro: "See you next week.", outroRecurring: true });
	});

	it("edits this issue's intro of a section", async () => {
		const onSave = vi.fn(async (_m: IssueMeta) => {});
		render(<IssueDetails meta={META} sections={DEFAULT_NEWSLETTER.sections} onSave={onSave} />);
		fireEvent.input(screen.getByLabelText("Intro of Tools"), { target: { value: "Two new CLIs." } });
		fireEvent.click(screen.getByRole("button", { name: "Save issue details" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		expect(onSave.mock.calls.at(-1)?.[0].sectionIntros).toEqual({ tools: "Two new CLIs." });
	});
});

describe("captures: tags, custom fields, sponsored", () => {
	it("suggests tags used before, and saves tags, custom fields and the sponsored flag", async () => {
		const tagged = makeCapture({ title: "Tagged", tags: ["observability", "kubernetes"] });
		const plain = makeCapture({ title: "Plain" });
		const fake = fakeDeps([tagged, plain]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Plain”" }));
		const form = within(screen.getByRole("form", { name: "Edit “Plain”" }));
		fireEvent.input(form.getByLabelText("Tags"), { target: { value: "obs" } });
		expect(form.queryByRole("button", { name: "Add tag kubernetes" })).toBeNull();
		fireEvent.click(form.getByRole("button", { name: "Add tag observability" }));
		expect((form.getByLabelText("Tags") as HTMLInputElement).value).toBe("observability, ");
		// A tag already on the capture is not suggested again.
		expect(form.queryByRole("button", { name: "Add tag observability" })).toBeNull();
		fireEvent.input(form.getByLabelText("Tags"), { target: { value: "observability, sre" } });
		fireEvent.input(form.getByLabelText("Custom fields"), {
			target: { value: "place: Berlin\nevent-date: 2026-12-10" },
		});
		fireEvent.click(form.getByLabelText("Sponsored"));
		fireEvent.click(form.getByRole("button", { name: "Save" }));
		await screen.findByRole("article", { name: "Plain" });
		expect(fake.captures().find((c) => c.id === plain.id)).toMatchObject({
			tags: ["observability", "sre"],
			fields: { place: "Berlin", "event-date": "2026-12-10" },
			sponsored: true,
		});
	});

	it("popup: tags (suggested from those used before) and sponsored, kept out of the way until opened", async () => {
		const { deps, saved } = fakePopupDeps({ knownTags: async () => ["outage", "dns", "kubernetes"] });
		render(<Popup deps={deps} />);
		await waitFor(() => expect((screen.getByLabelText("Section") as HTMLSelectElement).value).toBe("tools"));
		const more = screen.getByText("Tags and sponsorship").closest("details") as HTMLDetailsElement;
		expect(more.open).toBe(false);
		fireEvent.input(screen.getByLabelText("Tags"), { target: { value: "dns, out" } });
		const outage = await screen.findByRole("button", { name: "Add tag outage" });
		expect(screen.queryByRole("button", { name: "Add tag kubernetes" })).toBeNull();
		fireEvent.click(outage);
		fireEvent.click(screen.getByLabelText("Sponsored"));
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await waitFor(() => expect(saved).toHaveLength(1));
		expect(saved[0]).toMatchObject({ tags: ["dns", "outage"], sponsored: true });
	});
});

describe("popup: add here too", () => {
	it("adds a link already in the draft to a second section, leaving the first as it was", async () => {
		const existing = makeCapture({ url: "https://example.com/post", title: "Already saved", section: "tools" });
		const calls: { section: string; id: string; options: unknown }[] = [];
		const { deps } = fakePopupDeps(
			{
				save: async (capture, options) => {
					calls.push({ section: capture.section, id: capture.id, options });
				},
			},
			{ matches: [existing] },
		);
		render(<Popup deps={deps} />);
		await screen.findByText("Already in Tools: choose another section to add it there too.");
		expect((screen.getByLabelText("Section") as HTMLSelectElement).value).toBe("tools");
		expect(screen.queryByRole("button", { name: /too$/ })).toBeNull();
		fireEvent.change(screen.getByLabelText("Section"), { target: { value: "articles" } });
		fireEvent.click(screen.getByRole("button", { name: "Add to Articles too" }));
		await screen.findByText("Also added to Articles.");
		expect(calls).toEqual([{ section: "articles", id: "new-id", options: { alsoIn: "articles" } }]);
	});
});

describe("HTML style map", () => {
	it("refuses what is not an element or a CSS declaration, and saves a valid map", async () => {
		const onSave = vi.fn(async (_n: Newsletter) => {});
		render(<StyleMapEditor newsletter={DEFAULT_NEWSLETTER} onSave={onSave} />);
		fireEvent.click(screen.getByRole("button", { name: "Add a style" }));
		fireEvent.input(screen.getByLabelText("Element"), { target: { value: "h2" } });
		fireEvent.input(screen.getByLabelText("CSS"), { target: { value: 'color:red" onload="x' } });
		fireEvent.click(screen.getByRole("button", { name: "Save styles" }));
		await screen.findByText(/is not a CSS declaration/);
		fireEvent.input(screen.getByLabelText("Element"), { target: { value: "h2 > a" } });
		fireEvent.input(screen.getByLabelText("CSS"), { target: { value: "color: #333" } });
		fireEvent.click(screen.getByRole("button", { name: "Save styles" }));
		await screen.findByText(/is not an HTML element name/);
		expect(onSave).not.toHaveBeenCalled();
		fireEvent.input(screen.getByLabelText("Element"), { target: { value: "H2" } });
		fireEvent.input(screen.getByLabelText("CSS"), { target: { value: "color: #333; margin: 0 0 8px" } });
		fireEvent.click(screen.getByRole("button", { name: "Save styles" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		expect(onSave.mock.calls[0]?.[0].htmlStyles).toEqual({ h2: "color: #333;margin: 0 0 8px;" });
	});

	it("the HTML export uses the saved style map", async () => {
		const fake = fakeDeps([makeCapture({ title: "Styled", note: "A paragraph." })]);
		fake.setNewsletter({ ...DEFAULT_NEWSLETTER, htmlStyles: { p: "color: #123456;" } });
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Styled" });
		fireEvent.change(screen.getByLabelText("Format"), { target: { value: "html" } });
		const frame = screen.getByTitle("HTML preview") as HTMLIFrameElement;
		expect(frame.getAttribute("srcdoc")).toContain('style="color: #123456;"');
	});
});

describe("template editor: reference, partials", () => {
	it("the reference shows every variable with this draft's values, and every filter with an example", async () => {
		const fake = fakeDeps([makeCapture({ title: "Reference me", section: "tools" })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Reference me" });
		const details = screen.getByText("Template reference").closest("details") as HTMLDetailsElement;
		details.open = true;
		fireEvent(details, new Event("toggle"));
		const variables = within(await screen.findByRole("region", { name: "Template variables" }));
		const row = (path: string) => variables.getByText(path).closest("tr") as HTMLElement;
		expect(row("issue.title").textContent).toContain('"My Newsletter Issue #3"');
		expect(row("issue.number").textContent).toContain("3");
		expect(variables.getByText(/issue\.sections\[\d\]\.entries\[0\]\.title/).closest("tr")?.textContent).toContain(
			'"Reference me"',
		);
		const filters = within(screen.getByRole("region", { name: "Template filters" }));
		for (const filter of templateReference().filters) {
			const entry = filters.getByText(filter.name, { selector: "code" }).closest("div") as HTMLElement;
			expect(entry.textContent).toContain(filter.exampleOutput);
		}
	});

	it("adds a partial with the same error display as templates, saves it, and a section can choose it", async () => {
		const fake = fakeDeps([makeCapture({ title: "One" })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "One" });
		fireEvent.click(screen.getByRole("button", { name: "Add a partial" }));
		fireEvent.input(screen.getByLabelText("Partial name"), { target: { value: "card" } });
		fireEvent.input(screen.getByLabelText("Partial “card”"), { target: { value: "{% if x %}never closed" } });
		expect((await screen.findByText(/^Line 1, column \d+:/)).textContent).toMatch(/if/);
		fireEvent.input(screen.getByLabelText("Partial “card”"), { target: { value: "* {{ entry.title }}" } });
		fireEvent.click(screen.getByRole("button", { name: "Save partials" }));
		await waitFor(() => expect(fake.newsletter().partials?.md).toEqual({ card: "* {{ entry.title }}" }));
		fireEvent.click(screen.getByRole("button", { name: "Settings" }));
		const tools = within(await screen.findByRole("listitem", { name: "Tools" }));
		expect([...(tools.getByLabelText("Template") as HTMLSelectElement).options].map((o) => o.value)).toEqual([
			"",
			"card",
		]);
	});
});

describe("starter gallery", () => {
	const STARTERS = [
		{ id: "default", name: "Weekly links", description: "Sections of links.", formats: ["md", "html"] as const },
		{ id: "link-blog", name: "Link blog", description: "One post per link.", formats: ["md"] as const },
	];
	const none: StarterEdits = { editedTemplates: [], editedPartials: [], editedHtmlStyles: false };

	it("applies a starter at once when nothing the curator edited would be replaced", async () => {
		const choose = vi.fn(async () => {});
		render(<StarterGallery starters={STARTERS} edits={() => none} choose={choose} />);
		fireEvent.click(screen.getByLabelText("Link blog"));
		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		await screen.findByText("Now using the Link blog starter.");
		expect(choose).toHaveBeenCalledWith("link-blog", false);
		expect(screen.queryByRole("alertdialog")).toBeNull();
	});

	it("asks before replacing an edited template, listing it; keeps or replaces as answered", async () => {
		const choose = vi.fn(async () => {});
		const edits = vi.fn(
			(id: string): StarterEdits =>
				id === "link-blog"
					? { editedTemplates: ["md"], editedPartials: [{ format: "md", name: "entry" }], editedHtmlStyles: false }
					: none,
		);
		render(<StarterGallery starters={STARTERS} edits={edits} choose={choose} />);
		fireEvent.click(screen.getByLabelText("Link blog"));
		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		const dialog = within(await screen.findByRole("alertdialog"));
		await waitFor(() => expect(document.activeElement).toBe(dialog.getByRole("button", { name: "Keep my edits" })));
		expect(dialog.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
			"The Markdown template",
			"The Markdown partial “entry”",
		]);
		expect(choose).not.toHaveBeenCalled();
		fireEvent.click(dialog.getByRole("button", { name: "Keep my edits" }));
		await waitFor(() => expect(choose).toHaveBeenCalledWith("link-blog", false));
		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Replace them" }));
		await waitFor(() => expect(choose).toHaveBeenLastCalledWith("link-blog", true));
		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
		expect(screen.queryByRole("alertdialog")).toBeNull();
		expect(choose).toHaveBeenCalledTimes(2);
	});
});

describe("starter gallery in Settings", () => {
	it("asks before replacing the curator's edited template; kept, it stays while sections and fields change", async () => {
		const fake = fakeDeps([makeCapture({ title: "In tools", section: "tools" })]);
		await fake.deps.saveTemplates({ md: "# My own {{ issue.title }}" });
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		fireEvent.click(await screen.findByLabelText(LINK_BLOG.name));
		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		const dialog = within(await screen.findByRole("alertdialog"));
		expect(dialog.getByRole("listitem").textContent).toBe("The Markdown template");
		fireEvent.click(dialog.getByRole("button", { name: "Keep my edits" }));
		await waitFor(() => expect(fake.newsletter().sections.map((s) => s.id)).toEqual(["links", "reading", "tools"]));
		expect(fake.templates().md).toBe("# My own {{ issue.title }}");
		expect(fake.newsletter().fields).toEqual(LINK_BLOG.fields);

		fireEvent.click(screen.getByRole("button", { name: "Use this starter" }));
		fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Replace them" }));
		await waitFor(() => expect(fake.templates().md).toBe(LINK_BLOG.templates.md));
	});
});
