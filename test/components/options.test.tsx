import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import type { DraftData, OptionsDeps } from "../../options/deps.ts";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { ConflictError } from "../../src/db/errors.ts";
import { makeCapture } from "../helpers/captures.ts";

function fakeDeps(initial: Capture[], overrides: Partial<OptionsDeps> = {}) {
	let captures = [...initial];
	const listeners = new Set<() => void>();
	const deps: OptionsDeps = {
		now: () => 9_000_000_000_000,
		newId: (() => {
			let n = 0;
			return () => `imported-${++n}`;
		})(),
		today: () => "2026-11-24",
		load: async (): Promise<DraftData> => ({
			newsletter: DEFAULT_NEWSLETTER,
			meta: { number: 3, date: "2026-11-24", intro: "", outro: "" },
			captures: [...captures],
		}),
		update: async (next) => {
			captures = captures.map((c) => (c.id === next.id ? next : c));
		},
		remove: async (capture) => {
			captures = captures.filter((c) => c.id !== capture.id);
		},
		restore: async (capture) => {
			captures.push(capture);
		},
		importIssue: async (_n, _m, added) => {
			captures.push(...added);
		},
		copy: vi.fn(async () => {}),
		download: vi.fn(),
		onChange: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		...overrides,
	};
	return {
		deps,
		captures: () => captures,
		notifyOtherWindow: () => {
			for (const l of listeners) l();
		},
	};
}

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
		expect(screen.getByRole("heading", { name: "Draft: issue #3" })).toBeTruthy();
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
});
