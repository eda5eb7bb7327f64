import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import type { OptionsDeps } from "../../options/deps.ts";
import type { PopupDeps } from "../../popup/deps.ts";
import { Popup } from "../../popup/popup.tsx";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { StorageFullError } from "../../src/db/errors.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";
import { fakeDeps as fakePopupDeps } from "./popup-fakes.ts";

/** A disk that is full until `free()`: these writes throw StorageFullError meanwhile, as the db layer does. */
function fillUp<D extends object>(deps: D, writes: (keyof D)[]): { free(): void } {
	const state = { full: true };
	for (const key of writes) {
		const original = deps[key] as (...args: unknown[]) => Promise<unknown>;
		(deps as Record<keyof D, unknown>)[key] = async (...args: unknown[]) => {
			if (state.full) throw new StorageFullError();
			return original(...args);
		};
	}
	return {
		free: () => {
			state.full = false;
		},
	};
}

const OPTIONS_WRITES: (keyof OptionsDeps)[] = [
	"update",
	"remove",
	"restore",
	"saveMeta",
	"saveNewsletter",
	"saveTemplates",
	"saveTrackingParams",
	"send",
];
const COULD_NOT_SAVE = /Couldn’t save — There is no room left to save/;
const value = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe("options page with storage full", () => {
	it("issue details: the typed intro stays, the page says the write failed, and Retry saves it", async () => {
		const fake = fakeDeps([makeCapture({ title: "Thing", note: "n" })]);
		const disk = fillUp(fake.deps, OPTIONS_WRITES);
		render(<App deps={fake.deps} />);
		fireEvent.input(await screen.findByLabelText("Intro"), { target: { value: "A long, careful intro." } });
		const form = screen.getByRole("form", { name: "Issue details" });
		await within(form).findByText(COULD_NOT_SAVE, {}, { timeout: 2000 });
		expect(within(form).queryByText("Saved.")).toBeNull();
		// The page reloads what is stored after a write; the typed intro must survive that.
		fake.notifyOtherWindow();
		await new Promise((r) => setTimeout(r, 50));
		expect(value("Intro")).toBe("A long, careful intro.");
		disk.free();
		fireEvent.click(within(form).getByRole("button", { name: "Retry" }));
		await within(form).findByText("Saved.");
		expect(fake.meta().intro).toBe("A long, careful intro.");
		expect(within(form).queryByText(COULD_NOT_SAVE)).toBeNull();
	});

	it("settings: no unhandled error; the typed name stays with a Retry", async () => {
		const fake = fakeDeps([]);
		const disk = fillUp(fake.deps, OPTIONS_WRITES);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		fireEvent.input(screen.getByLabelText("Newsletter name"), { target: { value: "Ops Digest" } });
		fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
		await screen.findByText(COULD_NOT_SAVE);
		expect(value("Newsletter name")).toBe("Ops Digest");
		expect(screen.queryByText("Settings saved.")).toBeNull();
		disk.free();
		fireEvent.click(screen.getByRole("button", { name: "Retry" }));
		await screen.findByText("Settings saved.");
		expect(fake.newsletter().name).toBe("Ops Digest");
	});

	it("sections editor: a new section's name stays until it is really added", async () => {
		const fake = fakeDeps([]);
		const disk = fillUp(fake.deps, OPTIONS_WRITES);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		fireEvent.input(screen.getByLabelText("New section name"), { target: { value: "Incidents" } });
		fireEvent.click(screen.getByRole("button", { name: "Add section" }));
		const sections = screen.getByRole("region", { name: "Sections" });
		await within(sections).findByText(COULD_NOT_SAVE);
		expect(value("New section name")).toBe("Incidents");
		disk.free();
		fireEvent.click(within(sections).getByRole("button", { name: "Retry" }));
		await waitFor(() => expect(fake.newsletter().sections.map((s) => s.name)).toContain("Incidents"));
		await waitFor(() => expect(value("New section name")).toBe(""));
	});

	it("capture editor: the note stays in the editor with a Retry", async () => {
		const capture = makeCapture({ title: "Edited", note: "old" }, 1);
		const fake = fakeDeps([capture]);
		const disk = fillUp(fake.deps, OPTIONS_WRITES);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Edited”" }));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "new careful note" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		const editor = screen.getByRole("form", { name: "Edit “Edited”" });
		await within(editor).findByText(COULD_NOT_SAVE);
		expect(value("Note")).toBe("new careful note");
		disk.free();
		fireEvent.click(within(editor).getByRole("button", { name: "Retry" }));
		await screen.findByRole("article", { name: "Edited" });
		expect(fake.captures()[0]?.note).toBe("new careful note");
	});

	it("template editor: the typed template survives a reload, and Retry stores it", async () => {
		const fake = fakeDeps([makeCapture({ title: "T", note: "n" })]);
		const disk = fillUp(fake.deps, OPTIONS_WRITES);
		render(<App deps={fake.deps} />);
		const template = (await screen.findByLabelText("Template (Markdown)")) as HTMLTextAreaElement;
		fireEvent.input(template, { target: { value: "My own {{ issue.title }}" } });
		await screen.findByText(COULD_NOT_SAVE);
		fake.notifyOtherWindow();
		await new Promise((r) => setTimeout(r, 50));
		expect(value("Template (Markdown)")).toBe("My own {{ issue.title }}");
		disk.free();
		fireEvent.click(screen.getByRole("button", { name: "Retry" }));
		await waitFor(() => expect(fake.templates().md).toBe("My own {{ issue.title }}"));
		await waitFor(() => expect(screen.queryByText(COULD_NOT_SAVE)).toBeNull());
	});
});

describe("an editor whose capture changes in another window", () => {
	it("deleted elsewhere: the typed text stays, the page says so, and it can be saved again", async () => {
		const capture = makeCapture({ title: "Fragile", note: "v1" }, 1);
		const fake = fakeDeps([capture]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Fragile”" }));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "half an hour of writing" } });
		await fake.deps.remove(capture);
		fake.notifyOtherWindow();
		await screen.findByText(/“Fragile” was deleted in another window while you were editing it/);
		expect(value("Note")).toBe("half an hour of writing");
		fireEvent.click(screen.getByRole("button", { name: "Save as a new capture" }));
		await screen.findByRole("article", { name: "Fragile" });
		expect(fake.captures().map((c) => c.note)).toEqual(["half an hour of writing"]);
	});

	it("sent elsewhere: the typed text stays and the page names the issue", async () => {
		const capture = makeCapture({ title: "Gone out", note: "v1" }, 1);
		const fake = fakeDeps([capture]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Gone out”" }));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "my late rewrite" } });
		const meta = fake.meta();
		await fake.deps.send(
			{
				number: meta.number,
				sentAt: 10,
				newsletter: DEFAULT_NEWSLETTER,
				meta,
				captures: [{ ...capture, issue: meta.number }],
				templates: {},
				outputs: {},
			},
			{ ...meta, number: meta.number + 1 },
			[],
		);
		fake.notifyOtherWindow();
		await screen.findByText(/“Gone out” went out in issue #3 while you were editing it/);
		expect(value("Note")).toBe("my late rewrite");
	});

	it("moved to another section elsewhere: the editor stays open with the typed text", async () => {
		const capture = makeCapture({ title: "Mover", note: "v1", section: "articles" }, 1);
		const fake = fakeDeps([capture]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Mover”" }));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "still typing" } });
		await fake.deps.update([{ next: { ...capture, section: "tools", updatedAt: 2 }, expectedUpdatedAt: 1 }]);
		fake.notifyOtherWindow();
		await waitFor(() =>
			expect(within(screen.getByRole("region", { name: /Tools/ })).getByLabelText("Note")).toBeTruthy(),
		);
		expect(value("Note")).toBe("still typing");
	});
});

describe("archive persistence", () => {
	it("says whether the browser keeps the archive, and asks again on request", async () => {
		let kept = false;
		const requestPersistence = vi.fn(async () => {
			kept = true;
			return true;
		});
		const fake = fakeDeps([], { storagePersisted: async () => kept, requestPersistence });
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
		await screen.findByText(/Archive kept by the browser: no/);
		fireEvent.click(screen.getByRole("button", { name: "Ask the browser to keep it" }));
		await screen.findByText(/Archive kept by the browser: yes/);
		expect(requestPersistence).toHaveBeenCalledTimes(1);
	});
});

describe("popup with storage full", () => {
	it("keeps the note, says the write failed, and Retry saves the same capture", async () => {
		const fake = fakePopupDeps();
		const disk = fillUp<PopupDeps>(fake.deps, ["save"]);
		render(<Popup deps={fake.deps} />);
		await waitFor(() => expect(value("Section")).toBe("tools"));
		fireEvent.input(screen.getByLabelText("Note"), { target: { value: "precious words" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(COULD_NOT_SAVE);
		expect(value("Note")).toBe("precious words");
		expect(fake.deps.close).not.toHaveBeenCalled();
		disk.free();
		fireEvent.click(screen.getByRole("button", { name: "Retry" }));
		await screen.findByText("Saved to Tools.");
		expect(fake.saved.map((c) => c.note)).toEqual(["precious words"]);
	});
});
