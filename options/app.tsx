import { useCallback, useEffect, useState } from "preact/hooks";
import type { Capture } from "../src/core/capture.ts";
import type { DraftData, OptionsDeps } from "./deps.ts";
import { DraftList } from "./draft-list.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { ImportIssue } from "./import-issue.tsx";

/** The issue editor: the draft by section, import, and the export. */
export function App({ deps }: { deps: OptionsDeps }) {
	const [draft, setDraft] = useState<DraftData>();
	const [error, setError] = useState<string>();
	const [undo, setUndo] = useState<Capture>();

	const reload = useCallback(() => {
		deps.load().then(setDraft, (e: unknown) => setError(`Could not read your saved links: ${String(e)}`));
	}, [deps]);

	useEffect(() => {
		reload();
		return deps.onChange(reload);
	}, [deps, reload]);

	const remove = async (capture: Capture) => {
		try {
			await deps.remove(capture);
			setUndo(capture);
			reload();
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
		}
	};
	const restore = async () => {
		if (!undo) return;
		await deps.restore(undo);
		setUndo(undefined);
		reload();
	};

	return (
		<main>
			<header>
				<h1>{draft ? `Draft: issue #${draft.meta.number}` : "Linkletter"}</h1>
				<ImportIssue deps={deps} onImported={reload} />
			</header>
			<div role="alert" class="alerts">
				{error && <p class="error">{error}</p>}
			</div>
			<div role="status" class="undo">
				{undo && (
					<p>
						Deleted “{undo.title}”.{" "}
						<button type="button" onClick={restore}>
							Undo
						</button>
					</p>
				)}
			</div>
			{draft && (
				<div class="columns">
					<DraftList draft={draft} deps={deps} onChanged={reload} onDelete={remove} />
					<ExportPanel draft={draft} deps={deps} />
				</div>
			)}
		</main>
	);
}
