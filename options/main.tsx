import { render } from "preact";
import { addCaptures, deleteCapture, listDraft, updateCapture } from "../src/db/captures.ts";
import { importIssue } from "../src/db/import.ts";
import { openDatabase } from "../src/db/open.ts";
import { loadDraftMeta, loadNewsletter } from "../src/db/settings.ts";
import { announceChange, onChange } from "../src/platform/changes.ts";
import { copyToClipboard, downloadText } from "../src/platform/clipboard.ts";
import { newId } from "../src/platform/id.ts";
import { App } from "./app.tsx";
import type { OptionsDeps } from "./deps.ts";

function localToday(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Wire the options page to the real browser and database, and show it. */
export function start(root: HTMLElement): void {
	const db = openDatabase();
	const write = async (action: (d: Awaited<typeof db>) => Promise<void>) => {
		await action(await db);
		announceChange();
	};
	const deps: OptionsDeps = {
		now: () => Date.now(),
		newId,
		today: localToday,
		async load() {
			const d = await db;
			const [newsletter, meta, captures] = await Promise.all([
				loadNewsletter(d),
				loadDraftMeta(d, localToday()),
				listDraft(d),
			]);
			return { newsletter, meta, captures };
		},
		update: (capture, expected) => write((d) => updateCapture(d, capture, expected)),
		remove: (capture) => write((d) => deleteCapture(d, capture.id, capture.updatedAt)),
		restore: (capture) => write((d) => addCaptures(d, [capture])),
		importIssue: (newsletter, meta, captures) => write((d) => importIssue(d, newsletter, meta, captures)),
		copy: copyToClipboard,
		download: downloadText,
		onChange,
	};
	render(<App deps={deps} />, root);
}

const root = document.getElementById("app");
if (root) start(root);
