import { useState } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import { CaptureEditor } from "./capture-editor.tsx";
import type { OptionsDeps } from "./deps.ts";

/** One capture in the draft: read view with Edit and Delete, or its editor. */
export function CaptureCard(props: {
	capture: Capture;
	sections: Section[];
	deps: OptionsDeps;
	onChanged: () => void;
	onDelete: (capture: Capture) => void;
}) {
	const { capture } = props;
	const [editing, setEditing] = useState(false);
	if (editing) {
		return (
			<CaptureEditor
				capture={capture}
				sections={props.sections}
				deps={props.deps}
				onDone={() => {
					setEditing(false);
					props.onChanged();
				}}
			/>
		);
	}
	const byline = [capture.author, capture.siteName].filter(Boolean).join(" — ");
	return (
		<article class="capture" aria-label={capture.title}>
			<h3>
				<a href={capture.url} target="_blank" rel="noreferrer noopener">
					{capture.title}
				</a>
			</h3>
			{byline && <p class="byline">{byline}</p>}
			{capture.note ? <p class="note">{capture.note}</p> : <p class="note missing">No note yet.</p>}
			{capture.quote && <blockquote>{capture.quote}</blockquote>}
			<div class="actions">
				<button type="button" onClick={() => setEditing(true)} aria-label={`Edit “${capture.title}”`}>
					Edit
				</button>
				<button type="button" onClick={() => props.onDelete(capture)} aria-label={`Delete “${capture.title}”`}>
					Delete
				</button>
			</div>
		</article>
	);
}
