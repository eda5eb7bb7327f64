import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import type { DraftData, OptionsDeps } from "../../options/deps.ts";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../../src/core/url.ts";
import type { GuardedEdit } from "../../src/db/captures.ts";
import { makeCapture } from "../helpers/captures.ts";

/** Just enough of the options page's outside world: a draft that update() changes. */
function fakeDeps(initial: Capture[]) {
	let captures = [...initial];
	const update = vi.fn(async (edits: GuardedEdit[]) => {
		for (const { next } of edits) captures = captures.map((c) => (c.id === next.id ? next : c));
	});
	const unused = async () => {
		throw new Error("not used here");
	};
	const deps: OptionsDeps = {
		now: () => 9_000_000_000_000,
		newId: () => "id",
		today: () => "2026-12-01",
		load: async (): Promise<DraftData> => ({
			newsletter: DEFAULT_NEWSLETTER,
			meta: { number: 3, date: "2026-11-24", intro: "", outro: "" },
			captures: [...captures],
			templates: {},
			trackingParams: [...DEFAULT_TRACKING_PARAMS],
			recent: [],
		}),
		update,
		remove: unused,
		restore: unused,
		importIssue: unused,
		saveMeta: unused,
		saveNewsletter: unused,
		saveTemplates: unused,
		saveTrackingParams: unused,
		send: unused,
		listSent: async () => [],
		shortcut: async () => "",
		openShortcutSettings: unused,
		backup: async () => "",
		restoreBackup: unused,
		copy: unused,
		download: () => {},
		onChange: () => () => {},
	};
	return { deps, update, captures: () => captures };
}

describe("the checklist's one-click strip", () => {
	it("saves the link without its leftover trackers and clears the item", async () => {
		const tracked = {
			...makeCapture({ title: "Grain corridor reopens", section: "articles", note: "Read it." }),
			url: "https://www.nytimes.com/2024/03/05/world/grain.html?smid=nytcore-ios-share&page=2",
		};
		const clean = makeCapture({ title: "Clean link", section: "articles", note: "Fine." });
		const fake = fakeDeps([tracked, clean]);
		render(<App deps={fake.deps} />);

		const checklist = await screen.findByRole("list", { name: "Checklist" });
		const item = within(checklist).getByText(/“Grain corridor reopens” still has tracking parameters/);
		// Only the capture with trackers gets the button.
		expect(within(checklist).getAllByRole("button", { name: "Strip trackers" })).toHaveLength(1);
		fireEvent.click(within(item).getByRole("button", { name: "Strip trackers" }));

		await waitFor(() => expect(fake.update).toHaveBeenCalledTimes(1));
		const [edit] = fake.update.mock.calls[0]?.[0] ?? [];
		expect(edit?.next.url).toBe("https://www.nytimes.com/2024/03/05/world/grain.html?page=2");
		expect(edit?.expectedUpdatedAt).toBe(tracked.updatedAt);
		expect(fake.captures().find((c) => c.id === tracked.id)?.note).toBe("Read it.");
		await waitFor(() => expect(screen.queryByText(/still has tracking parameters/)).toBeNull());
	});
});
