import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { Popup } from "../../popup/popup.tsx";
import { StorageFullError } from "../../src/db/errors.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./popup-fakes.ts";

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe("popup", () => {
	it("fills the fields from the page, focuses Note and preselects the last section", async () => {
		const { deps } = fakeDeps();
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("URL").value).toBe("https://example.com/post"));
		expect(field("Title").value).toBe("Page title");
		expect(field("Quote").value).toBe("a *quoted* line");
		expect(document.activeElement).toBe(field("Note"));
		await waitFor(() => expect(field("Section").value).toBe("tools"));
	});

	it("saves on Ctrl+Enter in the note with the page's details, then says so and closes", async () => {
		const { deps, saved } = fakeDeps();
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		fireEvent.input(field("Note"), { target: { value: "Worth reading." } });
		fireEvent.keyDown(field("Note"), { key: "Enter", ctrlKey: true });
		await screen.findByText("Saved to Tools.");
		expect(saved).toHaveLength(1);
		expect(deps.readUnsaved("example.com/post")).toBeUndefined();
		expect(saved[0]).toMatchObject({
			url: "https://example.com/post",
			note: "Worth reading.",
			section: "tools",
			author: "Ann Author",
			quoteUrl: "https://example.com/post#:~:text=a%20quoted%20line",
		});
		await waitFor(() => expect(deps.close).toHaveBeenCalled());
	});

	it("keeps what is typed so a closed popup can bring it back", async () => {
		const { deps, unsaved } = fakeDeps();
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("URL").value).toBe("https://example.com/post"));
		fireEvent.input(field("Note"), { target: { value: "half" } });
		expect(unsaved.at(-1)).toMatchObject({ note: "half", url: "example.com/post" });
	});

	it("brings back a note typed before the popup closed, before storage has answered", async () => {
		const { deps } = fakeDeps(
			{ load: () => new Promise(() => {}) },
			{},
			{ url: "example.com/post", note: "from before", updatedAt: 1 },
		);
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Note").value).toBe("from before"));
	});

	it("an unsaved note wins over the stored one it was typed on top of", async () => {
		const earlier = makeCapture({ url: "https://example.com/post", note: "stored note" });
		const { deps } = fakeDeps(
			{},
			{ matches: [earlier] },
			{
				url: "example.com/post",
				note: "stored note, then more",
				updatedAt: 1,
			},
		);
		render(<Popup deps={deps} />);
		await screen.findByText(/Already saved/);
		expect(field("Note").value).toBe("stored note, then more");
	});

	it("typing before the stored note arrives keeps both, so Save loses neither", async () => {
		const earlier = makeCapture({ url: "https://example.com/post", note: "my old note" });
		let answer: (() => void) | undefined;
		const fake = fakeDeps({}, { matches: [earlier] });
		const load = fake.deps.load;
		fake.deps.load = (key) => new Promise((resolve) => (answer = () => resolve(load(key))));
		render(<Popup deps={fake.deps} />);
		await waitFor(() => expect(document.activeElement).toBe(field("Note")));
		fireEvent.input(field("Note"), { target: { value: "a new thought" } });
		await waitFor(() => expect(answer).toBeDefined());
		answer?.();
		await screen.findByText(/Already saved/);
		expect(field("Note").value).toBe("my old note\n\na new thought");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(fake.saved[0]).toMatchObject({ id: earlier.id, note: "my old note\n\na new thought" });
	});

	it("finds the earlier capture under the curator's own tracking parameters", async () => {
		const earlier = makeCapture({ url: "https://ex.com/b", note: "first time" });
		const { deps } = fakeDeps(
			{
				loadTab: async () => ({ id: 1, url: "https://ex.com/b?source=tw", title: "B" }),
				readPage: async () => ({ url: "https://ex.com/b?source=tw", title: "B" }),
			},
			{ matches: [earlier], trackingParams: ["source"] },
		);
		render(<Popup deps={deps} />);
		await screen.findByText(/Already saved/);
		expect(field("Note").value).toBe("first time");
	});

	it("opens the earlier capture of the same page for editing", async () => {
		const earlier = makeCapture({ url: "https://example.com/post", note: "my old note", section: "outages" });
		const { deps, saved } = fakeDeps({}, { matches: [earlier] });
		render(<Popup deps={deps} />);
		await screen.findByText(/Already saved on .* in Outages/);
		expect(field("Note").value).toBe("my old note");
		expect(field("Section").value).toBe("outages");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText("Saved to Outages.");
		expect(saved[0]?.id).toBe(earlier.id);
	});

	it("says a link was featured in a sent issue and still allows saving", async () => {
		const featured = { ...makeCapture({ url: "https://example.com/post" }), issue: 41 };
		const { deps, saved } = fakeDeps({}, { matches: [featured] });
		render(<Popup deps={deps} />);
		await screen.findByText(/Featured in #41/);
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(saved[0]?.id).toBe("new-id");
	});

	it("on an unreadable page, fills from the tab and says the page could not be read", async () => {
		const { deps } = fakeDeps({ readPage: async () => undefined });
		render(<Popup deps={deps} />);
		await screen.findByText(/could not read this page/);
		await waitFor(() => expect(field("URL").value).toBe("https://example.com/post"));
		expect(field("Title").value).toBe("Tab title — Example");
	});

	it("refuses to save a non-http page and stores nothing", async () => {
		const { deps, saved } = fakeDeps({
			loadTab: async () => ({ id: 3, url: "chrome://extensions/", title: "Extensions" }),
			readPage: async () => undefined,
		});
		render(<Popup deps={deps} />);
		await screen.findByText(/could not read this page/);
		expect(screen.getAllByText(/Only http and https pages can be saved/).length).toBeGreaterThan(0);
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await waitFor(() => expect(screen.getAllByText(/Only http and https pages can be saved/)).toHaveLength(2));
		expect(saved).toHaveLength(0);
	});

	it("when the disk is full, says so and keeps the note in the form", async () => {
		const { deps } = fakeDeps({
			save: async () => {
				throw new StorageFullError();
			},
		});
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		fireEvent.input(field("Note"), { target: { value: "precious words" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/no room left to save/);
		expect(field("Note").value).toBe("precious words");
		expect(deps.close).not.toHaveBeenCalled();
	});

	it("closes on Escape", async () => {
		const { deps } = fakeDeps();
		render(<Popup deps={deps} />);
		fireEvent.keyDown(field("Note"), { key: "Escape" });
		expect(deps.close).toHaveBeenCalled();
	});

	it("suggests crediting the site the page was opened from", async () => {
		const { deps, saved } = fakeDeps({
			readPage: async () => ({
				url: "https://example.com/post",
				title: "Post",
				referrer: "https://news.ycombinator.com/item?id=1&utm_source=x",
			}),
		});
		render(<Popup deps={deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Credit news.ycombinator.com" }));
		expect(field("Via").value).toBe("news.ycombinator.com");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(saved[0]?.via).toEqual({ name: "news.ycombinator.com", url: "https://news.ycombinator.com/item?id=1" });
	});

	it("offers a Group, with the groups used before, only in a list section", async () => {
		const { deps, saved } = fakeDeps({}, { groups: ["PagerDuty", "GitHub"] });
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		expect(screen.queryByLabelText("Group")).toBeNull();
		fireEvent.change(field("Section"), { target: { value: "outages" } });
		const options = [...document.querySelectorAll("#groups option")].map((o) => o.getAttribute("value"));
		expect(options).toEqual(["PagerDuty", "GitHub"]);
		fireEvent.input(field("Group"), { target: { value: "PagerDuty" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText("Saved to Outages.");
		expect(saved[0]).toMatchObject({ section: "outages", group: "PagerDuty" });
	});

	it("gives the date of the issue that featured the link", async () => {
		const featured = { ...makeCapture({ url: "https://example.com/post" }), issue: 12 };
		const { deps } = fakeDeps({}, { matches: [featured], issueDates: new Map([[12, "2026-10-02"]]) });
		render(<Popup deps={deps} />);
		await screen.findByText(/Featured in #12 on .*2026/);
	});

	it("marks the tab's toolbar button once the page is saved", async () => {
		const { deps } = fakeDeps();
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(deps.markSaved).toHaveBeenCalledWith(1);
	});

	it("a Save pressed while the page is still being read waits for it, and saves what the page said", async () => {
		let answer: (snapshot: Awaited<ReturnType<typeof deps.readPage>>) => void = () => {};
		const { deps, saved } = fakeDeps({ readPage: () => new Promise((resolve) => (answer = resolve)) });
		render(<Popup deps={deps} />);
		// Storage has answered, so Save is enabled; the page has not.
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		fireEvent.input(field("Note"), { target: { value: "Quick save." } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByRole("button", { name: "Saving…" });
		expect(saved).toHaveLength(0);
		answer({
			url: "https://example.com/post?utm_source=x",
			canonical: "https://example.com/post",
			title: "Page title",
			author: "Ann Author",
		});
		await screen.findByText("Saved to Tools.");
		expect(saved).toHaveLength(1);
		expect(saved[0]).toMatchObject({
			url: "https://example.com/post",
			title: "Page title",
			note: "Quick save.",
			author: "Ann Author",
		});
	});

	it("a Save pressed before an unreadable page gives up still saves, from the tab", async () => {
		let fail: (error: Error) => void = () => {};
		const { deps, saved } = fakeDeps({ readPage: () => new Promise((_, reject) => (fail = reject)) });
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByRole("button", { name: "Saving…" });
		fail(new Error("The page did not answer in time."));
		await screen.findByText("Saved to Tools.");
		expect(saved[0]).toMatchObject({ title: "Tab title — Example" });
	});

	it("strips the curator's own tracking parameters", async () => {
		const { deps } = fakeDeps(
			{
				loadTab: async () => ({ id: 1, url: "https://example.com/a?src=feed&id=2", title: "A" }),
				readPage: async () => ({ url: "https://example.com/a?src=feed&id=2", title: "A" }),
			},
			{ trackingParams: ["src"] },
		);
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("URL").value).toBe("https://example.com/a?id=2"));
	});
});
