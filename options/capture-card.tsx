import { useEffect, useRef, useState } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import { CaptureEditor } from "./capture-editor.tsx";
import type { OptionsDeps } from "./deps.ts";
import { fieldsOf, type OpenEditors } from "./open-editors.ts";

/** One capture in the draft: read view with Edit and Delete, or its editor. */
export function CaptureCard(props: {
	capture: Capture;
	sections: Section[];
	/** Tags used before, for the editor's suggestions. */
	tagSuggestions?: readonly string[];
	deps: OptionsDeps;
	/** The page's open editors: a card remounted while its editor was open opens it again, text and all. */
	editors: OpenEditors;
	onChanged: () => void;
	onDelete: (capture: Capture) => void;
	onMove: (capture: Capture, by: -1 | 1) => void;
	onToggleHold: (capture: Capture) => void;
}) {
	const { capture } = props;
	const [editing, setEditing] = useState(() => props.editors.has(capture.id));
	const [returnFocus, setReturnFocus] = useState(false);
	const editRef = useRef<HTMLButtonElement>(null);
	// Closing the editor gives focus back to where the curator was: this capture's Edit button.
	useEffect(() => {
		if (!editing && returnFocus) {
			editRef.current?.focus();
			setReturnFocus(false);
		}
	}, [editing, returnFocus]);
	if (editing) {
		return (
			<CaptureEditor
				id={capture.id}
				editors={props.editors}
				sections={props.sections}
				tagSuggestions={props.tagSuggestions}
				deps={props.deps}
				onDone={() => {
					setEditing(false);
					setReturnFocus(true);
					props.onChanged();
				}}
			/>
		);
	}
	const byline = [capture.author, capture.siteName].filter(Boolean).join(" — ");
	return (
		<article class={capture.held ? "capture held" : "capture"} aria-label={capture.title} data-capture-id={capture.id}>
			{capture.held && <p class="flag">Held for the next issue</p>}
			{capture.incomplete && <p class="flag">Saved as a link only: add a note</p>}
			{capture.alsoPlaced && <p class="flag">Also placed in another section</p>}
			<h3>
				<a href={capture.url} target="_blank" rel="noreferrer noopener">
					{capture.title}
				</a>
			</h3>
			{byline && <p class="byline">{byline}</p>}
			{capture.note ? <p class="note">{capture.note}</p> : <p class="note missing">No note yet.</p>}
			{capture.quote && <blockquote>{capture.quote}</blockquote>}
			{(capture.sponsored || (capture.tags ?? []).length > 0) && (
				<p class="tags">
					{capture.sponsored && <span class="flag">Sponsored</span>}{" "}
					{(capture.tags ?? []).map((t) => `#${t}`).join(" ")}
				</p>
			)}
			<div class="actions">
				<button
					type="button"
					ref={editRef}
					onClick={() => {
						props.editors.set(capture.id, { capture, fields: fieldsOf(capture) });
						setEditing(true);
					}}
					aria-label={`Edit “${capture.title}”`}
				>
					Edit
				</button>
				<button type="button" onClick={() => props.onDelete(capture)} aria-label={`Delete “${capture.title}”`}>
					Delete
				</button>
				<button type="button" onClick={() => props.onMove(capture, -1)} aria-label={`Move “${capture.title}” up`}>
					↑
				</button>
				<button type="button" onClick={() => props.onMove(capture, 1)} aria-label={`Move “${capture.title}” down`}>
					↓
				</button>
				<button
					type="button"
					onClick={() => props.onToggleHold(capture)}
					aria-label={
						capture.held ? `Include “${capture.title}” in this issue` : `Move “${capture.title}” to the next issue`
					}
				>
					{capture.held ? "Include in this issue" : "Move to next issue"}
				</button>
			</div>
		</article>
	);
}
