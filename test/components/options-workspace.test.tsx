import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import { byPosition } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";

const exportText = () => (screen.getByLabelText("Markdown") as HTMLTextAreaElement).value;
const titlesIn = (section: RegExp) =>
	within(screen.getByRole("region", { name: section }))
		.queryAllByRole("article")
		.map((el) => el.getAttribute("aria-label"));
const storedOrder = (fake: ReturnType<typeof fakeDeps>, section: string) =>
	fake
		.captures()
		.filter((c) => c.section === section)
		.sort(byPosition)
		.map((c) => c.title);
/** Open a card's Move menu as a curator does (its summary), and wait for its items. */
async function moveMenu(title: string) {
	const card = within(screen.getByRole("article", { name: title }));
	fireEvent.click(card.getByText("Move", { selector: "summary" }));
	await card.findByRole("button", { name: "Move to top" });
	return card;
}
const toast = () => screen.getByText(/Moved|Deleted|Restored|Undone|Saved|stays|held|back in/, { selector: "span" });

function threeArticles() {
	return [
		makeCapture({ title: "One", note: "n" }, 1),
		makeCapture({ title: "Two", note: "n" }, 2),
		makeCapture({ title: "Three", note: "n" }, 3),
		makeCapture({ title: "A tool", section: "tools", note: "n" }, 4),
	];
}

describe("the draft workspace", () => {
	it("deletes with Undo in a toast; focus goes to the next card, then back to the restored one", async () => {
		const fake = fakeDeps(threeArticles());
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Delete “Two”" }));
		expect(titlesIn(/Articles/)).toEqual(["One", "Three"]);
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("article", { name: "Three" })));
		expect(toast().textContent).toBe("Deleted “Two”.");
		await waitFor(() => expect(fake.captures().map((c) => c.title)).not.toContain("Two"));
		fireEvent.click(screen.getByRole("button", { name: "Undo" }));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("article", { name: "Two" })));
		expect(titlesIn(/Articles/)).toEqual(["One", "Two", "Three"]);
		await waitFor(() => expect(storedOrder(fake, "articles")).toEqual(["One", "Two", "Three"]));
	});

	it("after deleting a section's last card, focus goes to the section's heading", async () => {
		render(<App deps={fakeDeps(threeArticles()).deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Delete “A tool”" }));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: /^Tools/ })));
	});

	it("Ctrl+Z undoes the last action, but not while typing in a field", async () => {
		const fake = fakeDeps(threeArticles());
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Delete “One”" }));
		await waitFor(() => expect(fake.captures()).toHaveLength(3));
		fireEvent.keyDown(screen.getByLabelText("Intro"), { key: "z", ctrlKey: true });
		expect(screen.queryByRole("article", { name: "One" })).toBeNull();
		fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
		await screen.findByRole("article", { name: "One" });
		await waitFor(() => expect(fake.captures()).toHaveLength(4));
	});

	it("moves a focused card with Alt+arrows, announces each move, writes it, and Undo puts it back", async () => {
		const fake = fakeDeps(threeArticles());
		const update = vi.spyOn(fake.deps, "update");
		render(<App deps={fake.deps} />);
		const three = await screen.findByRole("article", { name: "Three" });
		fireEvent.keyDown(within(three).getByRole("link"), { key: "ArrowUp", altKey: true });
		expect(titlesIn(/Articles/)).toEqual(["One", "Three", "Two"]);
		expect(screen.getByRole("status", { name: "Last action" }).textContent).toContain(
			"Moved “Three” to 2 of 3 in Articles.",
		);
		await waitFor(() => expect(storedOrder(fake, "articles")).toEqual(["One", "Three", "Two"]));
		expect(update).toHaveBeenCalledTimes(1);
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("article", { name: "Three" })));
		fireEvent.keyDown(screen.getByRole("article", { name: "Three" }), { key: "ArrowRight", altKey: true });
		expect(titlesIn(/Tools/)).toEqual(["Three", "A tool"]);
		expect(toast().textContent).toBe("Moved “Three” to 1 of 2 in Tools.");
		await waitFor(() => expect(storedOrder(fake, "tools")).toEqual(["Three", "A tool"]));
		await waitFor(() => expect(exportText()).toMatch(/## Tools\n\n### \[Three\]/));
		fireEvent.click(screen.getByRole("button", { name: "Undo" }));
		await waitFor(() => expect(storedOrder(fake, "articles")).toEqual(["One", "Three", "Two"]));
		expect(titlesIn(/Tools/)).toEqual(["A tool"]);
	});

	it("starts a move's write before the page renders the move, and the write stores the moved card", async () => {
		const fake = fakeDeps(threeArticles());
		const store = fake.deps.update;
		// What the page showed when the write took its first step: a microtask after it was asked for,
		// as the real page's write does once the database is open (main.tsx awaits it).
		let shownWhenWriting: (string | null)[] | undefined;
		fake.deps.update = (edits) =>
			Promise.resolve().then(() => {
				shownWhenWriting = titlesIn(/Tools/);
				return store(edits);
			});
		render(<App deps={fake.deps} />);
		const three = await screen.findByRole("article", { name: "Three" });
		// A real key press: the page renders in a microtask of its own, as in the browser (no act() around it).
		three.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true }));
		await waitFor(() => expect(titlesIn(/Tools/)).toEqual(["Three", "A tool"]));
		expect(shownWhenWriting).toEqual(["A tool"]);
		await waitFor(() => expect(storedOrder(fake, "tools")).toEqual(["Three", "A tool"]));
	});

	it("moves from the card's Move menu: to top, to bottom, to another section", async () => {
		const fake = fakeDeps(threeArticles());
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Three" });
		// Closed, a menu holds no items (a long draft would build them for every card).
		expect(
			within(screen.getByRole("article", { name: "Three" })).queryByRole("button", { name: "Move to top" }),
		).toBeNull();
		fireEvent.click((await moveMenu("Three")).getByRole("button", { name: "Move to top" }));
		expect(titlesIn(/Articles/)).toEqual(["Three", "One", "Two"]);
		fireEvent.click((await moveMenu("Three")).getByRole("button", { name: "Move to bottom" }));
		expect(titlesIn(/Articles/)).toEqual(["One", "Two", "Three"]);
		fireEvent.click((await moveMenu("One")).getByRole("button", { name: "Move to Outages" }));
		expect(titlesIn(/Outages/)).toEqual(["One"]);
		await waitFor(() => expect(storedOrder(fake, "outages")).toEqual(["One"]));
		expect(storedOrder(fake, "articles")).toEqual(["Two", "Three"]);
		// Already at the top: nothing is offered that would do nothing.
		const two = await moveMenu("Two");
		expect((two.getByRole("button", { name: "Move to top" }) as HTMLButtonElement).disabled).toBe(true);
	});

	it("edits the byline and credit, which the export then shows; Undo takes the edit back", async () => {
		const a = makeCapture(
			{ title: "Mac thing", url: "https://example.com/m", note: "n", author: "", siteName: "Mac & i — Mac & i" },
			1,
		);
		const fake = fakeDeps([a]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “Mac thing”" }));
		fireEvent.input(screen.getByLabelText("Site name"), { target: { value: "Mac & i" } });
		fireEvent.input(screen.getByLabelText("Author"), { target: { value: "Dana Reyes" } });
		fireEvent.input(screen.getByLabelText("Published"), { target: { value: "2026-11-20" } });
		fireEvent.input(screen.getByLabelText("Description"), { target: { value: "A short summary." } });
		fireEvent.input(screen.getByLabelText("Via"), { target: { value: "DevOps Weekly" } });
		fireEvent.input(screen.getByLabelText("Via link"), { target: { value: "https://devopsweekly.example/" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		const card = await screen.findByRole("article", { name: "Mac thing" });
		expect(card.textContent).toContain("Dana Reyes — Mac & i · 2026-11-20");
		expect(within(card).getByRole("link", { name: "DevOps Weekly" }).getAttribute("href")).toBe(
			"https://devopsweekly.example/",
		);
		expect(fake.captures()[0]).toMatchObject({
			author: "Dana Reyes",
			siteName: "Mac & i",
			publishedAt: "2026-11-20",
			description: "A short summary.",
			via: { name: "DevOps Weekly", url: "https://devopsweekly.example/" },
		});
		await waitFor(() => expect(exportText()).toContain("Dana Reyes — Mac & i"));
		expect(exportText()).not.toContain("Mac & i — Mac & i");
		expect(exportText()).toContain("DevOps Weekly");
		fireEvent.click(screen.getByRole("button", { name: "Undo" }));
		await waitFor(() => expect(fake.captures()[0]?.siteName).toBe("Mac & i — Mac & i"));
		expect(fake.captures()[0]?.via).toBeUndefined();
	});

	it("clearing a byline field removes it from the export", async () => {
		const fake = fakeDeps([makeCapture({ title: "T", note: "n", via: { name: "t.co" }, author: "Someone" }, 1)]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “T”" }));
		fireEvent.input(screen.getByLabelText("Via"), { target: { value: "" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await waitFor(() => expect(fake.captures()[0]?.via).toBeUndefined());
		expect(fake.captures()[0]?.author).toBe("Someone");
		await waitFor(() => expect(exportText()).not.toContain("t.co"));
	});

	it("shows a card as it will read: the note as Markdown, the quote, the group", async () => {
		const fake = fakeDeps([
			makeCapture({
				title: "Down",
				section: "outages",
				group: "PagerDuty",
				note: "Read **this** [post](https://x.example/)",
			}),
		]);
		fake.setNewsletter(DEFAULT_NEWSLETTER);
		render(<App deps={fake.deps} />);
		const card = await screen.findByRole("article", { name: "Down" });
		expect(card.querySelector("strong")?.textContent).toBe("this");
		expect(within(card).getByRole("link", { name: "post" }).getAttribute("href")).toBe("https://x.example/");
		expect(within(card).getByText("PagerDuty")).toBeTruthy();
		expect(card.textContent).not.toContain("**");
	});

	it("suggests groups used before in the editor", async () => {
		const fake = fakeDeps([
			makeCapture({ title: "Old outage", section: "outages", group: "PagerDuty", note: "n" }),
			makeCapture({ title: "New outage", section: "outages", note: "n" }),
		]);
		render(<App deps={fake.deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Edit “New outage”" }));
		const group = screen.getByLabelText("Group") as HTMLInputElement;
		const list = document.getElementById(group.getAttribute("list") ?? "");
		expect([...(list?.querySelectorAll("option") ?? [])].map((o) => o.value)).toEqual(["PagerDuty"]);
	});

	it("settings saved in the settings view reach the draft's export title, and so do another window's", async () => {
		const fake = fakeDeps([makeCapture({ title: "Thing", note: "n" })]);
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Thing" });
		fireEvent.click(screen.getByRole("button", { name: "Settings" }));
		fireEvent.input(screen.getByLabelText("Newsletter name"), { target: { value: "Renamed Weekly" } });
		fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
		await screen.findByText("Settings saved.");
		fireEvent.click(screen.getByRole("button", { name: "Draft issue" }));
		await waitFor(() => expect(exportText()).toMatch(/^# Renamed Weekly Issue #3/));
		expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Renamed Weekly: draft issue #3");
		fake.setNewsletter({ ...fake.newsletter(), name: "Elsewhere Weekly" });
		fake.notifyOtherWindow();
		await waitFor(() => expect(exportText()).toMatch(/^# Elsewhere Weekly Issue #3/));
	});

	it("after Mark as sent, focus is on the new draft's heading", async () => {
		render(<App deps={fakeDeps([makeCapture({ title: "Going", note: "n" })]).deps} />);
		await screen.findByRole("article", { name: "Going" });
		fireEvent.click(screen.getByRole("button", { name: "Mark as sent" }));
		fireEvent.click(await screen.findByRole("button", { name: "Yes, mark #3 as sent" }));
		const heading = await screen.findByRole("heading", { name: "My Newsletter: draft issue #4" });
		await waitFor(() => expect(document.activeElement).toBe(heading));
	});
});
