import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { FieldsEditor } from "../../options/fields-editor.tsx";
import { IssueDetails } from "../../options/issue-details.tsx";
import { PartialsEditor } from "../../options/partials-editor.tsx";
import { SectionsEditor } from "../../options/sections-editor.tsx";
import { StyleMapEditor } from "../../options/style-map-editor.tsx";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter } from "../../src/core/newsletter.ts";

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

	it("issue fields: asks once a field is added, and no longer once the fields are saved", async () => {
		const onSave = vi.fn(async (_n: Newsletter) => {});
		render(<FieldsEditor newsletter={DEFAULT_NEWSLETTER} onSave={onSave} />);
		fireEvent.input(screen.getByLabelText("New field label"), { target: { value: "Summary" } });
		fireEvent.click(screen.getByRole("button", { name: "Add field" }));
		expect(leavingAsks()).toBe(true);
		fireEvent.click(screen.getByRole("button", { name: "Save fields" }));
		await screen.findByText("Fields saved.");
		expect(leavingAsks()).toBe(false);
	});

	it("sections: a name typed but not yet saved (it saves when the field is left) asks", async () => {
		const onSave = vi.fn(async (_n: Newsletter) => {});
		render(
			<SectionsEditor newsletter={DEFAULT_NEWSLETTER} captures={[]} now={() => 9_000_000_000_000} onSave={onSave} />,
		);
		const first = DEFAULT_NEWSLETTER.sections[0]?.name as string;
		const name = within(screen.getByRole("listitem", { name: first })).getByLabelText(`Name of “${first}”`);
		expect(leavingAsks()).toBe(false);
		fireEvent.input(name, { target: { value: "Renamed" } });
		expect(leavingAsks()).toBe(true);
		// Only a space more: the name saved would be the same.
		fireEvent.input(name, { target: { value: `${first} ` } });
		expect(leavingAsks()).toBe(false);
	});

	it("issue details: text the autosave will write does not ask; text it cannot write does", async () => {
		const meta: IssueMeta = { number: 7, date: "2026-12-01", intro: "", outro: "" };
		let refuse = false;
		const onSave = vi.fn(async (_m: IssueMeta) => {
			if (refuse) throw new Error("There is no room left to save.");
		});
		render(<IssueDetails meta={meta} onSave={onSave} />);
		fireEvent.input(screen.getByLabelText("Intro"), { target: { value: "Written as I go." } });
		expect(leavingAsks()).toBe(false);
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
		expect(leavingAsks()).toBe(false);

		// A mistake in the form: the autosave writes nothing.
		fireEvent.input(screen.getByLabelText("Issue number"), { target: { value: "" } });
		expect(leavingAsks()).toBe(true);
		fireEvent.input(screen.getByLabelText("Issue number"), { target: { value: "7" } });
		// The browser refuses the write: the typed text is not stored.
		refuse = true;
		fireEvent.input(screen.getByLabelText("Intro"), { target: { value: "Written, and refused." } });
		await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
		await waitFor(() => expect(leavingAsks()).toBe(true));
	});
});
