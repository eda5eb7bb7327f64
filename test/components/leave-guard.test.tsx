import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { PartialsEditor } from "../../options/partials-editor.tsx";
import { StyleMapEditor } from "../../options/style-map-editor.tsx";
import { DEFAULT_NEWSLETTER, type Newsletter } from "../../src/core/newsletter.ts";

/** Whether closing the tab now would ask first: the page cancels the browser's beforeunload event. */
function leavingAsks(): boolean {
	const event = new Event("beforeunload", { cancelable: true });
	window.dispatchEvent(event);
	return event.defaultPrevented;
}

describe("closing the tab with a form typed in but not saved asks first", () => {
	it("partials: asks once a partial is added or typed, and no longer once it is saved", async () => {
		const onSave = vi.fn(async (_p: Record<string, string>) => {});
		render(
			<PartialsEditor format="md" formatName="Markdown" partials={{ entry: "{{ entry.title }}" }} onSave={onSave} />,
		);
		expect(leavingAsks()).toBe(false);
		fireEvent.input(screen.getByLabelText("Partial “entry”"), { target: { value: "{{ entry.url }}" } });
		expect(leavingAsks()).toBe(true);
		fireEvent.click(screen.getByRole("button", { name: "Save partials" }));
		await screen.findByText("Partials saved.");
		expect(onSave).toHaveBeenCalledWith({ entry: "{{ entry.url }}" });
		expect(leavingAsks()).toBe(false);
		fireEvent.click(screen.getByRole("button", { name: "Add a partial" }));
		expect(leavingAsks()).toBe(true);
	});

	it("HTML styles: asks while a style is typed, and no longer once it is saved", async () => {
		const onSave = vi.fn(async (_n: Newsletter) => {});
		render(<StyleMapEditor newsletter={DEFAULT_NEWSLETTER} onSave={onSave} />);
		expect(leavingAsks()).toBe(false);
		fireEvent.click(screen.getByRole("button", { name: "Add a style" }));
		fireEvent.input(screen.getByLabelText("Element"), { target: { value: "h2" } });
		fireEvent.input(screen.getByLabelText("CSS"), { target: { value: "color: #333" } });
		expect(leavingAsks()).toBe(true);
		fireEvent.click(screen.getByRole("button", { name: "Save styles" }));
		await waitFor(() => expect(onSave).toHaveBeenCalled());
		await waitFor(() => expect(leavingAsks()).toBe(false));
	});
});
