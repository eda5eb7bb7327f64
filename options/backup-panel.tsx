import { useRef, useState } from "preact/hooks";
import { type Backup, parseBackup } from "../src/core/backup.ts";
import type { Progress, RestoreReport } from "../src/db/backup.ts";
import type { OptionsDeps } from "./deps.ts";
import { ProgressBar } from "./progress-bar.tsx";

/** An error as the end of a sentence the panel adds to (no doubled full stop). */
export function reason(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}

/** Let the page paint (a status, a bar) before work that holds the main thread, such as parsing a large file. */
export const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
	// What is running, if anything: a second download or restore meanwhile is ignored.
	const [running, setRunning] = useState<{ label: string; unit: string; progress?: Progress }>();
	const busy = useRef(false);
	const exclusive = async (label: string, unit: string, work: () => Promise<void>) => {
		if (busy.current) return;
		busy.current = true;
		setMessage(undefined);
		setRunning({ label, unit });
		try {
			await nextFrame();
			await work();
		} finally {
			busy.current = false;
			setRunning(undefined);
		}
	};
	const download = () =>
		exclusive("Making the backup", "", async () => {
			try {
				deps.download(`linkletter-backup-${deps.today()}.json`, await deps.backup(), "application/json");
				setMessage({ error: false, text: "Backup downloaded." });
			} catch (e) {
				setMessage({ error: true, text: `Could not make a backup: ${reason(e)}.` });
			}
		});
	const restore = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		if (!file) return;
		await exclusive(`Reading ${file.name}`, "", async () => {
			try {
				// The same reader as the CLI's: the same files are refused with the same words.
				const backup: Backup = parseBackup(await file.text());
				const total = backup.captures.length + backup.issues.length;
				setRunning({ label: "Restoring", unit: "links and issues", progress: { done: 0, total } });
				const report = await deps.restoreBackup(backup, (progress) =>
					setRunning({ label: "Restoring", unit: "links and issues", progress }),
				);
				setMessage({ error: false, text: describeRestore(report) });
				props.onRestored();
			} catch (e) {
				setMessage({
					error: true,
					text: `Could not restore ${file.name}: ${reason(e)}. Nothing was changed.`,
				});
			} finally {
				input.value = "";
			}
		});
	};
	return (
		<section aria-labelledby="backup-heading">
			<h2 id="backup-heading">Backup</h2>
			<p>Everything Linkletter keeps — links, past issues, sections, templates — in one file.</p>
			<div class="actions">
				<button type="button" onClick={download} disabled={running !== undefined}>
					Download backup
				</button>
			</div>
			<label for="restore-file">Restore from backup</label>
			<input
				id="restore-file"
				type="file"
				accept=".json,application/json"
				onChange={restore}
				disabled={running !== undefined}
			/>
			{running && <ProgressBar label={running.label} unit={running.unit} progress={running.progress} />}
			<div role="status" class={message?.error ? "error" : undefined}>
				{message && <p>{message.text}</p>}
			</div>
		</section>
	);
}
