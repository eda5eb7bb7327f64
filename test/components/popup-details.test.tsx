import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { Popup } from "../../popup/popup.tsx";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./popup-fakes.ts";

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const byPage = {
	url: "https://example.com/post",
	title: "Post",
	author: "Ann Author",
	siteName: "Example — news and views",
	publishedAt: "2024-05-03T10:00:00Z",
	description: "What the post says.",
	referrer: "https://news.example/item?id=1",
};
const detailsLine = () => screen.getByText("Details").closest("summary")?.textContent ?? "";

describe("popup Details: the byline and credit", () => {
	it("shows author, site and date on one collapsed line, and saves what the curator corrects there", async () => {
		const { deps, saved } = fakeDeps({ readPage: async () => byPage });
		render(<Popup deps={deps} />);
		await waitFor(() => expect(detailsLine()).toContain("Ann Author · Example — news and views · 2024-05-03"));
		expect((screen.getByText("Details").closest("details") as HTMLDetailsElement).open).toBe(false);
		fireEvent.input(field("Site name"), { target: { value: "Example" } });
		fireEvent.input(field("Author"), { target: { value: "" } });
		fireEvent.input(field("Description"), { target: { value: "A better summary." } });
		fireEvent.input(field("Via"), { target: { value: "DevOps Weekly" } });
		fireEvent.input(field("Credit link"), { target: { value: "https://devops.example/42" } });
		expect(detailsLine()).toContain("Example · 2024-05-03 · via DevOps Weekly");
		await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).not.toHaveProperty("disabled", true));
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(saved[0]).toMatchObject({
			siteName: "Example",
			publishedAt: "2024-05-03T10:00:00Z",
			description: "A better summary.",
			via: { name: "DevOps Weekly", url: "https://devops.example/42" },
		});
		// Emptied, the author is left out rather than taken from the page again.
		expect(saved[0]?.author).toBeUndefined();
	});

	it("opens an earlier capture with its corrected byline, not the page's", async () => {
		const earlier = makeCapture({
			url: "https://example.com/post",
			author: "Ann B. Author",
			siteName: "Example",
			via: { name: "DevOps Weekly", url: "https://devops.example/42" },
		});
		const { deps, saved } = fakeDeps({ readPage: async () => byPage }, { matches: [earlier] });
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Author").value).toBe("Ann B. Author"));
		expect(field("Site name").value).toBe("Example");
		expect(field("Credit link").value).toBe("https://devops.example/42");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(saved[0]).toMatchObject({ id: earlier.id, author: "Ann B. Author", siteName: "Example" });
	});

	it("a suggested credit opens Details; renaming the credit drops the suggestion's link", async () => {
		const { deps, saved } = fakeDeps({ readPage: async () => byPage });
		render(<Popup deps={deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Credit news.example" }));
		expect((screen.getByText("Details").closest("details") as HTMLDetailsElement).open).toBe(true);
		expect(field("Credit link").value).toBe("https://news.example/item?id=1");
		fireEvent.input(field("Via"), { target: { value: "A friend" } });
		expect(field("Credit link").value).toBe("");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText(/Saved to/);
		expect(saved[0]?.via).toEqual({ name: "A friend" });
	});

	it("asks for tag suggestions only when the tags are opened", async () => {
		const knownTags = vi.fn(async () => ["dns"]);
		const { deps } = fakeDeps({ knownTags });
		render(<Popup deps={deps} />);
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		expect(knownTags).not.toHaveBeenCalled();
		const tags = screen.getByText("Tags and sponsorship").closest("details") as HTMLDetailsElement;
		tags.open = true;
		fireEvent(tags, new Event("toggle"));
		await waitFor(() => expect(knownTags).toHaveBeenCalledTimes(1));
	});
});
