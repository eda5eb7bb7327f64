import { render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import { DEFAULT_NEWSLETTER, type SentIssue } from "../../src/core/newsletter.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps } from "./options-fakes.ts";

function sentWith(url: string): SentIssue {
	return {
		number: 7,
		sentAt: 0,
		newsletter: DEFAULT_NEWSLETTER,
		meta: { number: 7, date: "2026-11-01", intro: "", outro: "" },
		captures: [{ ...makeCapture({ url, title: "Then", note: "n" }), issue: 7 }],
		templates: {},
	};
}

describe("opening the draft", () => {
	it("shows the draft before reading past issues, then flags a link featured in one of them", async () => {
		const url = "https://example.com/featured-before";
		let arrive: (issues: SentIssue[]) => void = () => {};
		// Whether the draft's card was on the page when the past issues were asked for.
		const draftShownFirst: boolean[] = [];
		const recentIssues = vi.fn(() => {
			draftShownFirst.push(screen.queryByRole("article", { name: "Again" }) !== null);
			return new Promise<SentIssue[]>((resolve) => {
				arrive = resolve;
			});
		});
		const fake = fakeDeps([makeCapture({ url, title: "Again", note: "n" })], { recentIssues });
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Again" });
		await vi.waitFor(() => expect(recentIssues).toHaveBeenCalled());
		expect(draftShownFirst).toEqual([true]);
		expect(screen.queryByText("“Again” was featured in #7.")).toBeNull();
		arrive([sentWith(url)]);
		await screen.findByText("“Again” was featured in #7.");
	});

	it("says so when the past issues cannot be read, and still shows the draft and its export", async () => {
		const fake = fakeDeps([makeCapture({ title: "Kept", note: "n" })], {
			recentIssues: () => Promise.reject(new Error("disk gone")),
		});
		render(<App deps={fake.deps} />);
		await screen.findByRole("article", { name: "Kept" });
		await screen.findByText(/Could not read your past issues: Error: disk gone/);
		expect(screen.getByRole("button", { name: "Copy" })).toBeTruthy();
	});
});
