import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { App } from "../../options/app.tsx";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";

async function sentIssueWith(fake: ReturnType<typeof fakeDeps>) {
	render(<App deps={fake.deps} />);
	await screen.findByRole("article", { name: "Archived postmortem" });
	fireEvent.click(screen.getByRole("button", { name: "Mark as sent" }));
	fireEvent.click(await screen.findByRole("button", { name: "Yes, mark #3 as sent" }));
	await screen.findByRole("heading", { name: "My Newsletter: draft issue #4" });
}

const typed = (text: string) =>
	fireEvent.input(screen.getByLabelText("Search saved links"), { target: { value: text } });
const results = () =>
	screen.queryByRole("list", { name: "Search results" })
		? within(screen.getByRole("list", { name: "Search results" }))
				.getAllByRole("link")
				.map((a) => a.textContent)
		: [];

describe("search in the options page", () => {
	it("finds a past issue's capture by a word of its note as it is typed, and opens it in its issue", async () => {
		const fake = fakeDeps([
			makeCapture({ title: "Archived postmortem", note: "The DNS resolver fell over.", section: "outages" }, 1),
		]);
		await sentIssueWith(fake);
		await fake.deps.restore(makeCapture({ title: "Draft tool", note: "A resolver cache.", section: "tools" }, 2));
		fake.notifyOtherWindow();
		fireEvent.click(screen.getByRole("button", { name: "Search" }));
		await screen.findByText(/Type to search 2 saved links/);
		typed("resol");
		await waitFor(() => expect(results()).toEqual(["Draft tool", "Archived postmortem"]));
		expect(screen.getByText("2 results.").getAttribute("role")).toBe("status");
		expect([...document.querySelectorAll(".search-results mark")].map((m) => m.textContent)).toEqual([
			"resol",
			"resol",
		]);
		typed("dns resol");
		await waitFor(() => expect(results()).toEqual(["Archived postmortem"]));
		fireEvent.click(screen.getByRole("button", { name: "Open in issue: Archived postmortem" }));
		const issue = await screen.findByRole("button", { name: /^#3 · .* · 1 links — My Newsletter Issue #3/ });
		expect(issue.getAttribute("aria-expanded")).toBe("true");
		await waitFor(() => expect(document.activeElement?.textContent).toBe("Archived postmortem"));
		expect(document.activeElement?.getAttribute("aria-current")).toBe("true");
	});

	it("filters by section, site and issue", async () => {
		const fake = fakeDeps([
			makeCapture({ title: "Archived postmortem", note: "kafka", section: "outages", url: "https://a.example/1" }, 1),
		]);
		await sentIssueWith(fake);
		await fake.deps.restore(makeCapture({ title: "Kafka tool", note: "", section: "tools", siteName: "Tools Hub" }, 2));
		fake.notifyOtherWindow();
		fireEvent.click(screen.getByRole("button", { name: "Search" }));
		typed("kafka");
		await waitFor(() => expect(results()).toHaveLength(2));
		fireEvent.change(screen.getByLabelText("Section"), { target: { value: "tools" } });
		await waitFor(() => expect(results()).toEqual(["Kafka tool"]));
		fireEvent.change(screen.getByLabelText("Section"), { target: { value: "" } });
		fireEvent.change(screen.getByLabelText("Issue"), { target: { value: "3" } });
		await waitFor(() => expect(results()).toEqual(["Archived postmortem"]));
		fireEvent.change(screen.getByLabelText("Issue"), { target: { value: "" } });
		fireEvent.change(screen.getByLabelText("Site"), { target: { value: "Tools Hub" } });
		await waitFor(() => expect(results()).toEqual(["Kafka tool"]));
		// A draft result opens the draft with that capture focused.
		fireEvent.click(screen.getByRole("button", { name: "Open in issue: Kafka tool" }));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("article", { name: "Kafka tool" })));
	});

	it("shows 50 results and counts the rest", async () => {
		const many = Array.from({ length: 70 }, (_, i) => makeCapture({ title: `Queue tip ${i}`, note: "n" }, 100 + i));
		render(<App deps={fakeDeps(many).deps} />);
		await screen.findByRole("heading", { name: /draft issue #3/ });
		fireEvent.click(screen.getByRole("button", { name: "Search" }));
		await screen.findByText(/Type to search 70 saved links/);
		typed("queue");
		await screen.findByText("70 results; the best 50 shown, 20 more. Add a word or a filter to narrow them.");
		expect(results()).toHaveLength(50);
		expect(results()[0]).toBe("Queue tip 69");
	});
});

describe("past issues", () => {
	it("list their titles, open to their links, and filter by a word of a link", async () => {
		const fake = fakeDeps([makeCapture({ title: "Archived postmortem", note: "n", url: "https://x.example/pm" }, 1)]);
		await sentIssueWith(fake);
		fireEvent.click(screen.getByRole("button", { name: "Past issues" }));
		const issue = await screen.findByRole("button", { name: /^#3 · 2026-11-24 · 1 links — My Newsletter Issue #3$/ });
		expect(screen.queryByRole("link", { name: "Archived postmortem" })).toBeNull();
		fireEvent.click(issue);
		expect(screen.getByRole("link", { name: "Archived postmortem" }).getAttribute("href")).toBe("https://x.example/pm");
		fireEvent.input(screen.getByLabelText("Filter past issues"), { target: { value: "nothing like it" } });
		await screen.findByText("0 of 1 issues match.");
		expect(screen.queryByRole("button", { name: /^#3/ })).toBeNull();
		fireEvent.input(screen.getByLabelText("Filter past issues"), { target: { value: "postmort" } });
		await screen.findByText("1 of 1 issues match.");
		expect(screen.getByRole("link", { name: "Archived postmortem" }).querySelector("mark")?.textContent).toBe(
			"postmort",
		);
		fireEvent.input(screen.getByLabelText("Filter past issues"), { target: { value: "issue #3" } });
		await screen.findByText("1 of 1 issues match.");
	});
});
