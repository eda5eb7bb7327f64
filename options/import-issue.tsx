import { useState } from "preact/hooks";
import { normalizeCapture } from "../src/core/capture.ts";
import { parseIssueFile } from "../src/core/issue-file.ts";
import type { OptionsDeps } from "./deps.ts";

/**
 * Import an issue file (the shape of examples/sre-weekly-90/issue.json): its
 * newsletter settings and issue details replace the draft's, its captures are
 * added to the draft in file order. A broken file changes nothing.
 */
export function ImportIssue({ deps, onImported }: { deps: OptionsDeps; onImported: () => void }) {
	const [message, setMessage] = useState<{ error: boolean; text: string }>();

	const onFile = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		if (!file) return;
		try {
			const parsed = parseIssueFile(await file.text());
			const now = deps.now();
			const captures = parsed.captures.map((c, i) =>
				normalizeCapture({ ...c, position: now + i }, { now: now + i, id: deps.newId() }),
			);
			await deps.importIssue(parsed.newsletter, parsed.meta, captures);
			setMessage({
				error: false,
				text: `Imported ${captures.length} links from ${file.name}.`,
			});
			onImported();
		} catch (e) {
			setMessage({
				error: true,
				text: `Could not import ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
			});
		} finally {
			input.value = "";
		}
	};

	return (
		<div class="import">
			<label for="import-file">Import issue file</label>
			<input id="import-file" type="file" accept=".json,application/json" onChange={onFile} />
			<p role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
			</p>
		</div>
	);
}
