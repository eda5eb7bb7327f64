import type { Section } from "../src/core/capture.ts";
import { CaptureEditor } from "./capture-editor.tsx";
import type { OptionsDeps } from "./deps.ts";
import type { OpenEditors } from "./open-editors.ts";

/**
 * The editors whose capture left the draft (deleted, or sent) while the
 * curator was typing: each keeps its text, says what happened, and can save
 * the edit as a new capture or discard it.
 */
export function GoneEditors(props: {
	/** Capture id → what happened to it; ids still in the draft are skipped. */
	gone: ReadonlyMap<string, string>;
	inDraft: ReadonlySet<string>;
	editors: OpenEditors;
	sections: Section[];
	deps: OptionsDeps;
	onDone: (id: string) => void;
}) {
	const shown = [...props.gone].filter(([id]) => props.editors.has(id) && !props.inDraft.has(id));
	if (shown.length === 0) return null;
	return (
		<section class="gone" aria-label="Edits kept from captures no longer in the draft">
			{shown.map(([id, message]) => (
				<CaptureEditor
					key={id}
					id={id}
					editors={props.editors}
					sections={props.sections}
					deps={props.deps}
					gone={message}
					onDone={() => props.onDone(id)}
				/>
			))}
		</section>
	);
}
