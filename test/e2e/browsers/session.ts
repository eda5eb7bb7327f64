/**
 * One description of a flow, two browsers: the core flows are written against
 * this small surface, which Chromium (playwright-core) and Firefox
 * (puppeteer-core over WebDriver BiDi) each implement. Controls are found the
 * way a screen reader names them: by their label, or by role and name.
 */
export interface Session {
	readonly browserName: "Chromium" | "Firefox";
	/** chrome-extension://ID or moz-extension://UUID */
	readonly extensionOrigin: string;
	/** The fixture site on 127.0.0.1. */
	readonly siteOrigin: string;
	/** Every path the fixture site was asked for, in order. */
	readonly siteRequests: readonly string[];
	/** Open a web page in a new tab and wait for it to load. */
	openPage(url: string): Promise<Tab>;
	/** Open an extension page (path under the extension root) and wait until `readySelector` is there. */
	openExtensionPage(path: string, readySelector?: string): Promise<Tab>;
	/** The browser's id for the tab, asked of the extension itself. */
	tabIdOf(tab: Tab): Promise<number>;
	close(): Promise<void>;
}

/** The few things a driver must do natively; everything else is shared (see tab.ts). */
export interface NativeTab {
	url(): string;
	evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
	click(selector: string): Promise<void>;
	focus(selector: string): Promise<void>;
	/** Key presses as a person types them. */
	type(text: string): Promise<void>;
	/** A key or chord: "Enter", "Control+Enter", "Control+V". */
	press(chord: string): Promise<void>;
	uploadFile(selector: string, path: string): Promise<void>;
	/** Wait for a file download started by `action`; resolve with its name and text. */
	download(action: () => Promise<void>): Promise<{ name: string; text: string }>;
	bringToFront(): Promise<void>;
	close(): Promise<void>;
}

export type Role = "button" | "link" | "tab" | "heading" | "article" | "status" | "alert" | "checkbox";

export interface Tab {
	readonly native: NativeTab;
	url(): string;
	evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
	/** The value of the form control labelled `label` ("" when it has none yet). */
	value(label: string): Promise<string>;
	/** Focus the control labelled `label`, clear it, and type `text`. */
	fill(label: string, text: string): Promise<void>;
	focus(label: string): Promise<void>;
	/** Choose an option of the select labelled `label` by its visible text. */
	select(label: string, option: string): Promise<void>;
	click(role: Role, name: string | RegExp): Promise<void>;
	/** Text of every element with `role` joined (status, alert…), or of the whole page. */
	text(role?: Role): Promise<string>;
	/** Whether an element of that role and name is on the page now. */
	has(role: Role, name: string | RegExp): Promise<boolean>;
	type(text: string): Promise<void>;
	press(chord: string): Promise<void>;
	uploadFile(label: string, path: string): Promise<void>;
	download(action: () => Promise<void>): Promise<{ name: string; text: string }>;
	/** The id of the focused element. */
	focusedId(): Promise<string | undefined>;
	close(): Promise<void>;
}
