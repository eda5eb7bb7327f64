import { useRef, useState } from "preact/hooks";
import { normalizeCapture } from "../src/core/capture.ts";
import { type IssueFile, parseIssueFile } from "../src/core/issue-file.ts";
import type { Progress } from "../src/db/backup.ts";
import { nextFrame, reason } from "./backup-panel.tsx";
import type { OptionsDeps } from "./deps.ts";
import { ProgressBar } from "./progress-bar.tsx";

/**
 * Import an issue file (the shape of examples/sre-weekly-90/issue.json): its
 * newsletter name, title and issue details replace the draft's, its sections
 * join the curator's, its captures are added to the draft in file order. A
 * broken file changes nothing; over a draft that has links, it asks first.
 */
export function ImportIssue(props: { deps: OptionsDeps; draftSize: number; onImported: () => void }) {
	const { deps } = props;
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	const [waiting, setWaiting] = useState<{ name: string; file: IssueFile }>();
	// An import under way: its progress, and a second file or "Import anyway" meanwhile is ignored.
	const [running, setRunning] = useState<{ label: string; progress?: Progress }>();
	const busy = useRef(false);

	const apply = async (name: string, file: IssueFile) => {
		setWaiting(undefined);
		setRunning({ label: `Importing ${name}`, progress: { done: 0, total: file.captures.length } });
		try {
			const now = deps.now();
			const captures = file.captures.map((c, i) =>
				normalizeCapture({ ...c, position: now + i }, { now: now + i, id: deps.newId() }),
			);
			await deps.importIssue(file.newsletter, file.meta, captures, (progress) =>
				setRunning({ label: `Importing ${name}`, progress }),
			);
			setMessage({ error: false, text: `Imported ${captures.length} links from ${name}.` });
			props.onImported();
		} catch (e) {
			setMessage({ error: true, text: `Could not import ${name}: ${reason(e)}.` });
		} finally {
			setRunning(undefined);
		}
	};
	const exclusive = async (work: () => Promise<void>) => {
		if (busy.current) return;
		busy.current = true;
		try {
			await work();
		} finally {
			busy.current = false;
			setRunning(undefined);
		}
	};

	const onFile = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const chosen = input.files?.[0];
		if (!chosen || busy.current) return;
		busy.current = true;
		setMessage(undefined);
		setRunning({ label: `Reading ${chosen.name}` });
		try {
			await nextFrame();
			// The same reader as the CLI's: the same files are refused with the same words.
			const file = parseIssueFile(await chosen.text());
			if (props.draftSize > 0) {
				setMessage(undefined);
				setWaiting({ name: chosen.name, file });
			} else {
				await apply(chosen.name, file);
			}
		} catch (e) {
			setMessage({
				error: true,
				text: `Could not import ${chosen.name}: ${reason(e)}. Nothing was changed.`,
			});
		} finally {
			input.value = "";
			busy.current = false;
			setRunning(undefined);
		}
	};

	return (
		<div class="import">
			<label for="import-file">Import issue file</label>
			<input
				id="import-file"
				type="file"
				accept=".json,application/json"
				onChange={onFile}
				disabled={running !== undefined}
			/>
			{running && <ProgressBar label={running.label} unit="links" progress={running.progress} />}
			<div role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
				{waiting && (
					<p>
						This draft already has {props.draftSize} links. Importing {waiting.name} replaces the draft's number, date,
						intro and sponsor and the newsletter's name and title, and adds its {waiting.file.captures.length} links.{" "}
						<button type="button" onClick={() => exclusive(() => apply(waiting.name, waiting.file))}>
							Import anyway
						</button>{" "}
						<button type="button" onClick={() => setWaiting(undefined)}>
							Cancel
						</button>
					</p>
				)}
			</div>
		</div>
	);
}
