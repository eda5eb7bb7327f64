import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import { serializeBackup } from "../../src/core/backup.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { ConflictError } from "../../src/db/errors.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";

const EXAMPLE = join(import.meta.dirname, "../fixtures/issues/sre-weekly-90/issue.json");

const exportText = () => (screen.getByLabelText("Markdown") as HTMLTextAreaElement).value;

describe("options page", () => {
	it("lists the draft by section, in the order saved", async () => {
		const a = makeCapture({ title: "First tool", section: "tools" }, 1);
		const b = makeCapture({ title: "An article", section: "articles" }, 2);
		const c = makeCapture({ title: "Second tool", section: "tools" }, 3);
		render(<App deps={fakeDeps([c, b, a]).deps} />);
		const tools = await screen.findByRole("region", { name: /Tools/ });
		const titles = within(tools)
			.getAllByRole("article")
			.map((el) => el.getAttribute("aria-label"));
		expect(titles).toEqual(["First tool", "Second tool"]);
		expect(screen.getByRole("heading", { name: "My Newsletter: draft issue #3" })).toBeTruthy();
	});

	it("edits a capture and the export follows", async () => {
		const a = makeCapture({ title: "Old title", url: "https://example.com/a", note: "old" }, 1);
		render(<App deps={fakeDeps([a]).deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Old title”" }));
		fireEvent.input(screen.getByLabelText("Title"), { target: { value: "New title" } });
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "Fresh commentary." } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByRole("article", { name: "New title" });
		await waitFor(() => expect(exportText()).toContain("### [New title](https://example.com/a)\n\nFresh commentary."));
	});

	it("shows a conflict with another window and keeps the curator's text", async () => {
		const a = makeCapture({ title: "Shared", note: "v1" }, 1);
		const { deps } = fakeDeps([a], {
			update: async () => {
				throw new ConflictError({ ...a, note: "v2 from elsewhere", updatedAt: 2, issueKey: 0 });
			},
		});
		render(<App deps={deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Shared”" }));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "my careful rewrite" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/changed in another window/);
		expect((screen.getByLabelText("Note") as HTMLTextAreaElement).value).toBe("my careful rewrite");
		expect(screen.getByRole("button", { name: "Overwrite with my version" })).toBeTruthy();
	});

	it("deletes with an undo", async () => {
		const a = makeCapture({ title: "Regrettable" }, 1);
		const fake = fakeDeps([a]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Delete “Regrettable”" }));
		await waitFor(() => expect(screen.queryByRole("article", { name: "Regrettable" })).toBeNull());
		fireEvent.click(screen.getByRole("button", { name: "Undo" }));
		await screen.findByRole("article", { name: "Regrettable" });
	});

	it("reloads when another window changes the draft", async () => {
		const fake = fakeDeps([]);
		render(<App deps={fake.deps} />);
		await screen.findByText(/Nothing saved yet/);
		await fake.deps.restore(makeCapture({ title: "Saved from the popup" }));
		fake.notifyOtherWindow();
		await screen.findByRole("article", { name: "Saved from the popup" });
	});

	it("copies and downloads the Markdown export", async () => {
		const fake = fakeDeps([makeCapture({ title: "Thing" })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Thing" });
		fireEvent.click(screen.getByRole("button", { name: "Copy" }));
		await waitFor(() => expect(fake.deps.copy).toHaveBeenCalled());
		const payload = vi.mocked(fake.deps.copy).mock.calls[0]?.[0];
		expect(payload?.text).toBe(exportText());
		expect(payload?.html).toContain("Thing");
		fireEvent.click(screen.getByRole("button", { name: "Download" }));
		expect(fake.deps.download).toHaveBeenCalledWith("my-newsletter-issue-3.md", exportText(), "text/markdown");
	});

	it("rejects a broken issue file with a clear message and imports nothing", async () => {
		const fake = fakeDeps([]);
		render(<App deps={fake.deps} />);
		const input = (await screen.findByLabelText("Import issue file")) as HTMLInputElement;
		const file = new File(["{ not json"], "broken.json", { type: "application/json" });
		fireEvent.change(input, { target: { files: [file] } });
		await screen.findByText(/Could not import broken\.json/);
		expect(fake.captures()).toHaveLength(0);
	});

	it("renders a custom template live, shows a mistake by line and column, keeps the last good output", async () => {
		const fake = fakeDeps([makeCapture({ title: "Thing", note: "Note." })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Thing" });
		const template = screen.getByLabelText("Template (Markdown)") as HTMLTextAreaElement;
		fireEvent.input(template, { target: { value: "Issue {{ issue.number }}: {{ issue.title }}" } });
		await waitFor(() => expect(exportText()).toBe("Issue 3: My Newsletter Issue #3"));
		fireEvent.input(template, { target: { value: "Issue {{ issue.number }}\n{% if %}" } });
		const alert = await screen.findByText(/^Line 2, column \d+:/);
		expect(alert.textContent).toContain("last good output");
		expect(exportText()).toBe("Issue 3: My Newsletter Issue #3");
		expect(fake.templates().md).toBe("Issue {{ issue.number }}\n{% if %}");
		fireEvent.click(screen.getByRole("button", { name: "Reset to default" }));
		await waitFor(() => expect(exportText()).toContain("# My Newsletter Issue #3"));
		expect(fake.templates().md).toBeUndefined();
	});

	it("previews HTML in a sandboxed frame", async () => {
		render(<App deps={fakeDeps([makeCapture({ title: "<b>bold</b> title" })]).deps} />);
		await screen.findByRole("article", { name: "<b>bold</b> title" });
		fireEvent.change(screen.getByLabelText("Format"), { target: { value: "html" } });
		const frame = screen.getByTitle("HTML preview") as HTMLIFrameElement;
		expect(frame.getAttribute("sandbox")).toBe("");
		const doc = new DOMParser().parseFromString(frame.getAttribute("srcdoc") ?? "", "text/html");
		expect(doc.compatMode).toBe("CSS1Compat");
		expect(doc.querySelector("h3")?.textContent).toBe("<b>bold</b> title");
		// The preview may load nothing from the network: its first head element is a policy saying so.
		const policy = doc.head.firstElementChild;
		expect(policy?.getAttribute("http-equiv")).toBe("Content-Security-Policy");
		expect(policy?.getAttribute("content")).toContain("default-src 'none'");
	});

	it("marks the issue as sent: archived, held captures carried over, next number started", async () => {
		const going = makeCapture({ title: "Going out", note: "n" }, 1);
		const held = makeCapture({ title: "Next week", note: "n" }, 2);
		const fake = fakeDeps([going, held]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Move to next issue: “Next week”" }));
		await screen.findByText("Held for the next issue");
		await waitFor(() => expect(exportText()).not.toContain("Next week"));
		fireEvent.click(screen.getByRole("button", { name: "Mark as sent" }));
		fireEvent.click(await screen.findByRole("button", { name: "Yes, mark #3 as sent" }));
		await screen.findByRole("heading", { name: "My Newsletter: draft issue #4" });
		expect(fake.captures().map((c) => [c.title, c.held])).toEqual([["Next week", undefined]]);
		fireEvent.click(screen.getByRole("button", { name: "Past issues" }));
		fireEvent.click(await screen.findByRole("button", { name: /#3 · 2026-11-24 · 1 links/ }));
		await waitFor(() => expect(exportText()).toContain("### [Going out]"));
	});

	it("flags problems before sending", async () => {
		render(<App deps={fakeDeps([makeCapture({ title: "Bare", note: "" })]).deps} />);
		const checklist = await screen.findByRole("list", { name: "Checklist" });
		expect(checklist.textContent).toContain("“Bare” has no note.");
		expect(checklist.textContent).toContain("The section “Tools” is empty.");
	});

	it("flags a section the export leaves out, as the curator's own partial renders it", async () => {
		const fake = fakeDeps([makeCapture({ title: "A tool", section: "tools", note: "n" })]);
		fake.setNewsletter({
			...DEFAULT_NEWSLETTER,
			sections: DEFAULT_NEWSLETTER.sections.map((s) => (s.id === "tools" ? { ...s, partial: "quiet" } : s)),
			partials: { md: { quiet: "{% comment %}nothing yet{% endcomment %}" } },
		});
		render(<App deps={fake.deps} />);
		const checklist = await screen.findByRole("list", { name: "Checklist" });
		await waitFor(() =>
			expect(checklist.textContent).toContain("The export leaves out “Tools” (1 link): check its template “quiet”."),
		);
	});

	it("deleting a section moves its links to the chosen section", async () => {
		const tool = makeCapture({ title: "A tool", section: "tools", note: "n" });
		const fake = fakeDeps([tool]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		fireEvent.change(screen.getByLabelText("Move its 1 links to", { selector: "#section-tools-move-to" }), {
			target: { value: "outages" },
		});
		fireEvent.click(screen.getByRole("button", { name: "Delete section “Tools”" }));
		await waitFor(() => expect(fake.newsletter().sections.map((x) => x.id)).toEqual(["articles", "outages"]));
		expect(fake.captures()[0]?.section).toBe("outages");
	});

	it("shows the capture shortcut with a way to change it", async () => {
		const fake = fakeDeps([]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		await screen.findByText(/Press Alt\+Shift\+L to open the capture popup/);
		fireEvent.click(screen.getByRole("button", { name: "Change shortcut" }));
		expect(fake.deps.openShortcutSettings).toHaveBeenCalled();
	});

	it("opens a huge draft quickly: the top at once, every card soon after without a click", async () => {
		const many = Array.from({ length: 200 }, (_, i) => makeCapture({ title: `Item ${i}`, note: "n" }, i));
		render(<App deps={fakeDeps(many).deps} />);
		// Polled by hand and found by tag: testing-library's waitFor and role queries over hundreds of
		// cards hold back the idle-time batches that render the rest.
		const until = async (done: () => boolean) => {
			for (let waited = 0; !done() && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
		};
		const cards = () => document.querySelectorAll("article");
		await until(() => cards().length > 0);
		expect(cards()[0]?.getAttribute("aria-label")).toBe("Item 0");
		expect(cards().length).toBeLessThan(200);
		await until(() => cards().length === 200);
		expect(cards()).toHaveLength(200);
		expect(cards()[199]?.getAttribute("aria-label")).toBe("Item 199");
		const markdown = () => (document.getElementById("export-md") as HTMLTextAreaElement | null)?.value ?? "";
		await until(() => markdown().includes("### [Item 199]"));
		expect(markdown()).toContain("### [Item 199]");
	}, 30_000);

	it("restores a backup, and refuses a broken one without changing anything", async () => {
		const fake = fakeDeps([]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		const input = screen.getByLabelText("Restore from backup") as HTMLInputElement;
		const broken = new File(['{"format":"linkletter-backup","version":1,"captures":"x"}'], "b.json");
		fireEvent.change(input, { target: { files: [broken] } });
		await screen.findByText(/Could not restore b\.json: .* Nothing was changed\./);
		expect(fake.deps.restoreBackup).not.toHaveBeenCalled();
		const good = serializeBackup({
			exportedAt: "2026-11-24T00:00:00Z",
			newsletter: DEFAULT_NEWSLETTER,
			draft: { number: 1, date: "2026-11-24", intro: "", outro: "" },
			captures: [makeCapture({ title: "From backup" })],
			issues: [],
			templates: {},
			trackingParams: [],
		});
		fireEvent.change(input, { target: { files: [new File([good], "good.json")] } });
		await screen.findByText(/Restored: 1 links added/);
		fireEvent.click(screen.getByRole("button", { name: "Draft issue" }));
		await screen.findByRole("article", { name: "From backup" });
	});

	it("keeps an intro being typed when another window saves a link meanwhile", async () => {
		const fake = fakeDeps([]);
		render(<App deps={fake.deps} />);
		const intro = (await screen.findByLabelText("Intro")) as HTMLTextAreaElement;
		fireEvent.input(intro, { target: { value: "This week, half a sentence" } });
		await fake.deps.restore(makeCapture({ title: "From the popup" }));
		fake.notifyOtherWindow();
		await screen.findByRole("article", { name: "From the popup" });
		expect((screen.getByLabelText("Intro") as HTMLTextAreaElement).value).toBe("This week, half a sentence");
		fireEvent.click(screen.getByRole("button", { name: "Save issue details" }));
		await screen.findByText("Issue details saved.");
		await waitFor(() => expect(exportText()).toContain("This week, half a sentence"));
	});

	it("freezes every format as sent; the past issue shows exactly that", async () => {
		const fake = fakeDeps([makeCapture({ title: "Going out", note: "n" }, 1)]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Going out" });
		fireEvent.click(screen.getByRole("button", { name: "Mark as sent" }));
		fireEvent.click(await screen.findByRole("button", { name: "Yes, mark #3 as sent" }));
		await screen.findByRole("heading", { name: "My Newsletter: draft issue #4" });
		const sent = fake.sent[0];
		expect(Object.keys(sent?.templates ?? {}).sort()).toEqual(["html", "json", "md", "txt"]);
		expect(sent?.outputs?.md).toContain("### [Going out]");
		// Whatever the templates become later, the past issue shows what went out.
		if (sent?.outputs) sent.outputs.md = "exactly what went out\n";
		fireEvent.click(screen.getByRole("button", { name: "Past issues" }));
		fireEvent.click(await screen.findByRole("button", { name: /^#3 · / }));
		await waitFor(() => expect(exportText()).toBe("exactly what went out\n"));
	});

	it("a date never chosen follows the calendar, and is fixed when the issue is sent", async () => {
		const fake = fakeDeps([makeCapture({ title: "Dated", note: "n" })]);
		fake.setMeta({ number: 3, date: "2026-11-01", intro: "", outro: "", autoDate: true });
		render(<App deps={fake.deps} />);
		await waitFor(() => expect(exportText()).toContain("December 1, 2026"));
		expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2026-12-01");
		fireEvent.click(screen.getByRole("button", { name: "Mark as sent" }));
		fireEvent.click(await screen.findByRole("button", { name: "Yes, mark #3 as sent" }));
		await screen.findByRole("heading", { name: "My Newsletter: draft issue #4" });
		expect(fake.sent[0]?.meta).toEqual({ number: 3, date: "2026-12-01", intro: "", outro: "" });
		expect(fake.meta()).toMatchObject({ number: 4, autoDate: true });
	});

	it("saves the intro as it is typed, so the preview and the sent issue have it", async () => {
		const fake = fakeDeps([makeCapture({ title: "Thing", note: "n" })]);
		render(<App deps={fake.deps} />);
		fireEvent.input(await screen.findByLabelText("Intro"), { target: { value: "Hello, readers." } });
		await waitFor(() => expect(fake.meta().intro).toBe("Hello, readers."), { timeout: 2000 });
		await waitFor(() => expect(exportText()).toContain("Hello, readers."));
	});

	it("asks before an issue file replaces the details of a draft that has links", async () => {
		const fake = fakeDeps([makeCapture({ title: "Already here", note: "n" })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Already here" });
		const file = new File([readFileSync(EXAMPLE, "utf8")], "issue.json", { type: "application/json" });
		fireEvent.change(screen.getByLabelText("Import issue file"), { target: { files: [file] } });
		await screen.findByText(/This draft already has 1 links/);
		expect(fake.captures()).toHaveLength(1);
		fireEvent.click(screen.getByRole("button", { name: "Import anyway" }));
		await screen.findByText("Imported 18 links from issue.json.");
		expect(fake.captures()).toHaveLength(19);
	});

	it("moves focus into the editor on Edit and back to the capture after Cancel", async () => {
		render(<App deps={fakeDeps([makeCapture({ title: "Focus me", note: "n" })]).deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Focus me”" }));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Title")));
		fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit “Focus me”" })));
	});
});
