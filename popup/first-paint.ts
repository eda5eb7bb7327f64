import type { TabInfo } from "../src/platform/tabs.ts";

/** What the popup's first script leaves for the app that takes the form over. */
export interface FirstPaint {
	/** The tab, asked once: the app uses the same answer. */
	tab: Promise<TabInfo | undefined>;
	/** Ids of the fields the curator typed in before the app took over. */
	typed: ReadonlySet<string>;
	/** Stop the first script's own listeners: the app's take over. */
	release(): void;
}

/** "example.com" for the preview line; "" for an address without a host. */
export function siteOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, "");
	} catch {
		return "";
	}
}

function setValue(doc: Document, id: string, value: string, typed: ReadonlySet<string>): void {
	const field = doc.getElementById(id) as HTMLInputElement | null;
	if (field && !typed.has(id)) field.value = value;
}

function setText(doc: Document, id: string, text: string): void {
	const el = doc.getElementById(id);
	if (el) el.textContent = text;
}

/**
 * Make the static form in popup/index.html ready to type before the app
 * loads: the cursor in Note at once, URL and title from the tab as soon as
 * the browser answers. Nothing the curator types is touched.
 */
export function paintFirst(doc: Document, loadTab: () => Promise<TabInfo | undefined>, close: () => void): FirstPaint {
	const typed = new Set<string>();
	const form = doc.querySelector("form");
	const onInput = (event: Event) => {
		const id = (event.target as Element | null)?.id;
		if (id) typed.add(id);
	};
	// The app's handlers are not there yet: Enter must not reload the page, Escape already closes.
	const onSubmit = (event: Event) => event.preventDefault();
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "Escape") close();
	};
	form?.addEventListener("input", onInput);
	form?.addEventListener("submit", onSubmit);
	form?.addEventListener("keydown", onKeyDown);
	(doc.getElementById("note") as HTMLTextAreaElement | null)?.focus();
	const tab = loadTab();
	tab.then(
		(t) => {
			if (!t) return;
			setValue(doc, "url", t.url, typed);
			setValue(doc, "title", t.title, typed);
			setText(doc, "preview-title", t.title || t.url);
			setText(doc, "preview-site", siteOf(t.url));
		},
		() => {},
	);
	return {
		tab,
		typed,
		release() {
			form?.removeEventListener("input", onInput);
			form?.removeEventListener("submit", onSubmit);
			form?.removeEventListener("keydown", onKeyDown);
		},
	};
}

/** The values the static form holds now, by field id. */
export function formValues(doc: Document, ids: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const id of ids) {
		const field = doc.getElementById(id) as HTMLInputElement | null;
		if (field) values[id] = field.value;
	}
	return values;
}
