import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { paintFirst } from "../../popup/first-paint.ts";
import { takeOver } from "../../popup/take-over.tsx";
import type { TabInfo } from "../../src/platform/tabs.ts";
import { fakeDeps } from "./popup-fakes.ts";

const html = readFileSync(join(import.meta.dirname, "../../popup/index.html"), "utf8");
/** The popup's static markup, as the browser has it before any script runs. */
const STATIC_APP = html.slice(html.indexOf("<main"), html.indexOf("</main>") + "</main>".length);
const TAB: TabInfo = { id: 1, url: "https://example.com/post?utm_source=x", title: "Tab title — Example" };
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

function type(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
	el.value = text;
	el.setSelectionRange(text.length, text.length);
	fireEvent.input(el);
}

function staticPopup(): HTMLElement {
	document.body.innerHTML = STATIC_APP;
	return document.getElementById("app") as HTMLElement;
}

afterEach(() => {
	document.body.innerHTML = "";
});

describe("popup, before the app loads", () => {
	it("the first script shows URL and title from the tab and puts the cursor in Note", async () => {
		staticPopup();
		const first = paintFirst(document, async () => TAB, vi.fn());
		expect(document.activeElement).toBe(field("Note"));
		await first.tab;
		expect(field("URL").value).toBe(TAB.url);
		expect(field("Title").value).toBe(TAB.title);
		expect(document.getElementById("preview-site")?.textContent).toBe("example.com");
	});

	it("Escape closes before the app has loaded", () => {
		staticPopup();
		const close = vi.fn();
		paintFirst(document, async () => TAB, close);
		fireEvent.keyDown(field("Note"), { key: "Escape" });
		expect(close).toHaveBeenCalled();
	});

	it("what was typed before the app loaded survives the takeover: same element, same text, same cursor, and it is saved", async () => {
		const root = staticPopup();
		const first = paintFirst(document, async () => TAB, vi.fn());
		await first.tab;
		const note = field("Note") as unknown as HTMLTextAreaElement;
		type(note, "Typed before the app.");
		const { deps, saved } = fakeDeps();
		takeOver(root, first, deps);
		expect(field("Note")).toBe(note);
		expect(note.value).toBe("Typed before the app.");
		expect(document.activeElement).toBe(note);
		expect(note.selectionStart).toBe("Typed before the app.".length);
		// The page's answers fill what was not typed, and leave the note alone.
		await waitFor(() => expect(field("URL").value).toBe("https://example.com/post"));
		await waitFor(() => expect(field("Section").value).toBe("tools"));
		expect(field("Title").value).toBe("Page title");
		expect(note.value).toBe("Typed before the app.");
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText("Saved to Tools.");
		expect(saved[0]).toMatchObject({ note: "Typed before the app.", title: "Page title" });
	});

	it("a note left unsaved last time and one typed before the app loaded are both kept", async () => {
		const root = staticPopup();
		const first = paintFirst(document, async () => TAB, vi.fn());
		await first.tab;
		type(field("Note"), "Typed now.");
		const { deps } = fakeDeps({}, {}, { url: "example.com/post", note: "Typed last time.", updatedAt: 1 });
		takeOver(root, first, deps);
		await waitFor(() => expect(field("Note").value).toBe("Typed last time.\n\nTyped now."));
	});
});
