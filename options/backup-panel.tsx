import { useState } from "preact/hooks";
import { type Backup, parseBackup } from "../src/core/backup.ts";
import type { RestoreReport } from "../src/db/backup.ts";
import type { OptionsDeps } from "./deps.ts";

/** An error as the end of a sentence the panel adds to (no doubled full stop). */
export function reason(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}

function describeRestore(r: RestoreReport): string {
	const parts = [`${r.added} links added`, `${r.updated} updated`, `${r.issues} past issues added`];
	return `Restored: ${parts.join(", ")}.${r.settings ? " Settings and templates were taken from the backup." : " Your settings were kept."}`;
}

/** Download everything as one file; restore from one, merging so nothing is lost. */
export function BackupPanel(props: {
	deps: Pick<OptionsDeps, "backup" | "restoreBackup" | "download" | "today">;
	onRestored: () => void;
}) {
	const { deps } = props;
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	const download = async () => {
		try {
			deps.download(`linkletter-backup-${deps.today()}.json`, await deps.backup(), "application/json");
			setMessage({ error: false, text: "Backup downloaded." });
		} catch (e) {
			setMessage({ error: true, text: `Could not make a backup: ${reason(e)}.` });
		}
	};
	const restore = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		if (!file) return;
		try {
			// The same reader as the CLI's: the same files are refused with the same words.
			const backup: Backup = parseBackup(await file.text());
			setMessage({ error: false, text: describeRestore(await deps.restoreBackup(backup)) });
			props.onRestored();
		} catch (e) {
			setMessage({
				error: true,
				text: `Could not restore ${file.name}: ${reason(e)}. Nothing was changed.`,
			});
		} finally {
			input.value = "";
		}
	};
	return (
		<section aria-labelledby="backup-heading">
			<h2 id="backup-heading">Backup</h2>
			<p>Everything Linkletter keeps — links, past issues, sections, templates — in one file.</p>
			<div class="actions">
				<button type="button" onClick={download}>
					Download backup
				</button>
			</div>
			<label for="restore-file">Restore from backup</label>
			<input id="restore-file" type="file" accept=".json,application/json" onChange={restore} />
			<p role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
			</p>
		</section>
	);
}
