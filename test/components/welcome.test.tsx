import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../options/app.tsx";
import { fakeDeps } from "./options-fakes.ts";

describe("the first-run welcome", () => {
	it("names the newsletter, its title and sections, says how to capture with the real shortcut, and renames", async () => {
		const fake = fakeDeps([], { welcome: async () => true, shortcut: async () => "Ctrl+Shift+Y" });
		render(<App deps={fake.deps} />);
		const welcome = await screen.findByRole("region", { name: "Welcome to Linkletter" });
		expect(welcome.textContent).toContain("Your newsletter is My Newsletter.");
		expect(welcome.textContent).toContain("this one will be “My Newsletter Issue #3”");
		expect(welcome.textContent).toContain("Links go into sections: Articles, Tools and Outages.");
		expect(welcome.textContent).toContain("toolbar");
		expect(welcome.textContent).toContain("right-click");
		await waitFor(() => expect(welcome.textContent).toContain("Or press Ctrl+Shift+Y."));
		fireEvent.input(screen.getByLabelText("Name your newsletter"), { target: { value: "Queue Weekly" } });
		fireEvent.click(screen.getByRole("button", { name: "Save name" }));
		await screen.findByText("Your newsletter is now called Queue Weekly.");
		expect(fake.newsletter().name).toBe("Queue Weekly");
		await screen.findByRole("heading", { name: "Queue Weekly: draft issue #3" });
		// Still there until dismissed, now with the new name.
		expect(screen.getByRole("region", { name: "Welcome to Linkletter" }).textContent).toContain(
			"Your newsletter is Queue Weekly.",
		);
	});

	it("is dismissed for good", async () => {
		const dismissWelcome = vi.fn(async () => {});
		render(<App deps={fakeDeps([], { welcome: async () => true, dismissWelcome }).deps} />);
		fireEvent.click(await screen.findByRole("button", { name: "Got it, hide the welcome" }));
		await waitFor(() => expect(screen.queryByRole("region", { name: "Welcome to Linkletter" })).toBeNull());
		expect(dismissWelcome).toHaveBeenCalledOnce();
	});

	it("is not shown when the page says the profile is not new", async () => {
		render(<App deps={fakeDeps([]).deps} />);
		await screen.findByRole("heading", { name: "My Newsletter: draft issue #3" });
		expect(screen.queryByRole("region", { name: "Welcome to Linkletter" })).toBeNull();
	});
});
