import { useEffect, useRef, useState } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import { CaptureEditor } from "./capture-editor.tsx";
import { type CardActions, cardId, type MoveRequest } from "./card-actions.ts";
import { CardMenu } from "./card-menu.tsx";
import type { OptionsDeps } from "./deps.ts";
import { renderMarkdownView } from "./markdown-view.tsx";
import { memo } from "./memo.ts";
import { fieldsOf, type OpenEditors } from "./open-editors.ts";

/** The keys that move a focused card: Alt+↑/↓ within its section, Alt+←/→ to the section before or after. */
const MOVE_KEYS: Record<string, MoveRequest> = {
	ArrowUp: { kind: "by", by: -1 },
	ArrowDown: { kind: "by", by: 1 },
	ArrowLeft: { kind: "across", by: -1 },
	ArrowRight: { kind: "across", by: 1 },
	Home: { kind: "top" },
	End: { kind: "bottom" },
};

/** "Tyler Treat — Brave New Geek · 2017-09-20": the byline as the export shows it, with the date. */
function bylineOf(capture: Capture): string {
	const who = [capture.author, capture.siteName].filter(Boolean).join(" — ");
	return [who, capture.publishedAt?.slice(0, 10)].filter(Boolean).join(" · ");
}

/** One capture in the draft as it will read (note, quote, byline, group, via), or its editor. */
export const CaptureCard = memo(function CaptureCard(props: {
	capture: Capture;
	sections: readonly Section[];
	deps: OptionsDeps;
	/** The page's open editors: a card remounted while its editor was open opens it again, text and all. */
	editors: OpenEditors;
	actions: CardActions;
	/** First / last in its section: the menu does not offer a move that does nothing. */
	first: boolean;
	last: boolean;
}) {
	const { capture, actions } = props;
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
		const suggestions = actions.suggestions();
		return (
			<CaptureEditor
				id={capture.id}
				editors={props.editors}
				sections={[...props.sections]}
				tagSuggestions={suggestions.tags}
				groupSuggestions={suggestions.groups}
				deps={props.deps}
				onSaved={actions.edited}
				onDone={() => {
					setEditing(false);
					setReturnFocus(true);
					actions.changed();
				}}
			/>
		);
	}
	const byline = bylineOf(capture);
	const version = `${capture.id}:${capture.updatedAt}`;
	const onKeyDown = (event: KeyboardEvent) => {
		const request = MOVE_KEYS[event.key];
		if (!request || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		const target = event.target as HTMLElement;
		if (target.closest("input, textarea, select, [contenteditable]")) return;
		event.preventDefault();
		actions.move(capture, request);
	};
	return (
		<article
			id={cardId(capture.id)}
			data-capture-id={capture.id}
			class={capture.held ? "capture held" : "capture"}
			aria-label={capture.title}
			tabIndex={-1}
			aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
			onKeyDown={onKeyDown}
		>
			<div class="card-head">
				<span class="handle" draggable aria-hidden="true" title="Drag to move" data-drag={capture.id}>
					⠿
				</span>
				<h3>
					<a href={capture.url} target="_blank" rel="noreferrer noopener">
						{capture.title}
					</a>
				</h3>
				{capture.group && <span class="badge group">{capture.group}</span>}
			</div>
			{(capture.held || capture.incomplete || capture.alsoPlaced || capture.sponsored) && (
				<p class="flags">
					{capture.held && <span class="badge warn">Held for the next issue</span>}
					{capture.incomplete && <span class="badge warn">Saved as a link only: add a note</span>}
					{capture.alsoPlaced && <span class="badge">Also placed in another section</span>}
					{capture.sponsored && <span class="badge">Sponsored</span>}
				</p>
			)}
			{capture.note ? (
				<div class="note">{renderMarkdownView(capture.note, `${version}:note`)}</div>
			) : (
				<p class="note missing">No note yet.</p>
			)}
			{capture.quote && <blockquote>{renderMarkdownView(capture.quote, `${version}:quote`)}</blockquote>}
			{byline && <p class="byline">{byline}</p>}
			{capture.via && (
				<p class="via">
					Via{" "}
					{capture.via.url ? (
						<a href={capture.via.url} target="_blank" rel="noreferrer noopener">
							{capture.via.name}
						</a>
					) : (
						capture.via.name
					)}
				</p>
			)}
			{(capture.tags ?? []).length > 0 && <p class="tags">{(capture.tags ?? []).map((t) => `#${t}`).join(" ")}</p>}
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
				<CardMenu
					capture={capture}
					sections={props.sections}
					first={props.first}
					last={props.last}
					onMove={(request) => actions.move(capture, request)}
				/>
				<button
					type="button"
					class="quiet"
					onClick={() => actions.toggleHold(capture)}
					aria-label={
						capture.held ? `Include in this issue: “${capture.title}”` : `Move to next issue: “${capture.title}”`
					}
				>
					{capture.held ? "Include in this issue" : "Move to next issue"}
				</button>
				<button
					type="button"
					class="danger"
					onClick={() => actions.remove(capture)}
					aria-label={`Delete “${capture.title}”`}
				>
					Delete
				</button>
			</div>
		</article>
	);
});
