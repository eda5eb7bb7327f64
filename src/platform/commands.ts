import { browser } from "./browser.ts";

/** The keyboard shortcut that opens the popup, as the browser has it now ("" when unset). */
export async function captureShortcut(): Promise<string> {
	const commands = await browser.commands.getAll();
	return commands.find((c) => c.name === "_execute_action")?.shortcut ?? "";
}

/** Open the browser's own page for changing extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
	const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
	if (commands.openShortcutSettings) {
		await commands.openShortcutSettings();
		return;
	}
	await browser.tabs.create({ url: "chrome://extensions/shortcuts" });
}
