import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_TRACKING_PARAMS } from "../../src/core/url.ts";
import { makeCapture } from "../helpers/captures.ts";
import { fakeDeps as sharedFakeDeps } from "./options-fakes.ts";

/** The shared fake options world, with the default tracker list and update() watched. */
function fakeDeps(initial: Capture[]) {
	const fake = sharedFakeDeps(initial);
	const base = { ...fake.deps };
	const update = vi.fn(base.update);
	fake.deps.update = update;
	fake.deps.load = async () => ({ ...(await base.load()), trackingParams: [...DEFAULT_TRACKING_PARAMS] });
	return { deps: fake.deps, update, captures: fake.captures };
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
