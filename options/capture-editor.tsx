import { useEffect, useRef, useState } from "preact/hooks";
import { type Capture, editCapture, normalizeCapture, type Section } from "../src/core/capture.ts";
import { isSavableUrl } from "../src/core/url.ts";
import { ConflictError } from "../src/db/errors.ts";
import type { OptionsDeps } from "./deps.ts";
import { type EditorFields, editorInput, type OpenEditors } from "./open-editors.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";
import { TagsInput } from "./tags-input.tsx";

/**
 * Edit one capture in place. A change made meanwhile in another window is
 * shown, never overwritten silently. What is typed is kept in `editors`
 * (by capture id) until the edit is saved or cancelled. With `gone` (the
 * capture left the draft in another window) the edit can be saved as a new
 * capture, or discarded.
 */
export function CaptureEditor(props: {
	id: string;
	editors: OpenEditors;
	sections: Section[];
	deps: OptionsDeps;
	onDone: () => void;
	gone?: string;
	/** Tags used before, suggested as the curator types. */
	tagSuggestions?: readonly string[];
	/** Groups used before, offered in the Group field. */
	groupSuggestions?: readonly string[];
	/** After a saved edit (not a gone capture saved anew): the capture before and after, for Undo. */
	onSaved?: (before: Capture, after: Capture) => void;
}) {
	const { deps, editors } = props;
	const open = editors.get(props.id);
	if (!open) throw new Error(`No open editor for capture ${props.id}`);
	const capture = open.capture;
	const [fields, setFields] = useState<EditorFields>(open.fields);
	const [error, setError] = useState<string>();
	const { failure, run } = useSave();
	const titleRef = useRef<HTMLInputElement>(null);
	// Opening the editor puts the cursor in it, as a keyboard or screen-reader user expects.
	useEffect(() => titleRef.current?.focus(), []);
	const [conflict, setConflict] = useState<ConflictError>();
	const id = (name: string) => `edit-${capture.id}-${name}`;
	const put = (next: EditorFields) => {
		editors.set(capture.id, { capture, fields: next });
		setFields(next);
	};
	type TextField = Exclude<keyof EditorFields, "sponsored">;
	const set = (key: TextField) => (event: Event) =>
		put({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value });
	const isList = props.sections.find((s) => s.id === fields.section)?.layout === "list";
	/** A labelled one-line field; `help` is read with it. */
	const line = (key: TextField, label: string, extra: { type?: "text" | "url"; help?: string; list?: string } = {}) => (
		<div class="field">
			<label for={id(key)}>{label}</label>
			<input
				id={id(key)}
				type={extra.type ?? "text"}
				value={fields[key]}
				onInput={set(key)}
				list={extra.list}
				aria-describedby={extra.help ? id(`${key}-help`) : undefined}
			/>
			{extra.help && (
				<p id={id(`${key}-help`)} class="help">
					{extra.help}
				</p>
			)}
		</div>
	);

	/** The write for this edit: a guarded update, or (the capture is gone) a new capture. */
	const write = (expectedUpdatedAt: number) => async () => {
		if (props.gone) {
			const now = deps.now();
			await deps.restore(
				normalizeCapture({ ...capture, ...editorInput(fields), issue: null, held: false }, { now, id: deps.newId() }),
			);
		} else {
			const next = editCapture(capture, editorInput(fields), Math.max(deps.now(), expectedUpdatedAt + 1));
			await deps.update([{ next, expectedUpdatedAt }]);
			props.onSaved?.(capture, next);
		}
		editors.delete(capture.id);
		props.onDone();
	};
	const save = async (expectedUpdatedAt: number) => {
		if (!isSavableUrl(fields.url.trim())) {
			setError("Only http and https links can be saved.");
			return;
		}
		setError(undefined);
		setConflict(undefined);
		try {
			// Checked before writing: an invalid capture is the curator's to fix, not a failed write to retry.
			editCapture(capture, editorInput(fields), expectedUpdatedAt + 1);
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
			return;
		}
		const outcome = await run(write(expectedUpdatedAt));
		if (!outcome.ok && outcome.error instanceof ConflictError) setConflict(outcome.error);
	};
	const onSubmit = (event: Event) => {
		event.preventDefault();
		void save(capture.updatedAt);
	};
	const cancel = () => {
		editors.delete(capture.id);
		props.onDone();
	};

	return (
		<form class="editor" onSubmit={onSubmit} aria-label={`Edit “${capture.title}”`}>
			{props.gone && (
				<p role="alert" class="error">
					{props.gone}
				</p>
			)}
			<div class="field">
				<label for={id("title")}>Title</label>
				<input id={id("title")} ref={titleRef} value={fields.title} onInput={set("title")} />
			</div>
			{line("url", "URL", { type: "url" })}
			<div class="field">
				<label for={id("note")}>Note</label>
				<textarea
					id={id("note")}
					rows={4}
					value={fields.note}
					onInput={set("note")}
					aria-describedby={id("note-help")}
				/>
				<p id={id("note-help")} class="help">
					Markdown: **bold**, _italic_, [text](https://…).
				</p>
			</div>
			<div class="pair">
				<div class="field">
					<label for={id("section")}>Section</label>
					<select id={id("section")} value={fields.section} onChange={set("section")}>
						{props.sections.map((s) => (
							<option key={s.id} value={s.id}>
								{s.name}
							</option>
						))}
					</select>
				</div>
				{line("group", "Group", {
					list: id("groups"),
					help: isList ? "Entries with the same group nest under one bullet." : "Used when the section is a list.",
				})}
				<datalist id={id("groups")}>
					{(props.groupSuggestions ?? []).map((g) => (
						<option key={g} value={g} />
					))}
				</datalist>
			</div>
			<div class="field">
				<label for={id("quote")}>Quote</label>
				<textarea id={id("quote")} rows={3} value={fields.quote} onInput={set("quote")} />
			</div>
			<fieldset class="byline-fields">
				<legend>Byline and credit</legend>
				<div class="pair">
					{line("author", "Author")}
					{line("siteName", "Site name")}
				</div>
				<div class="pair">
					{line("publishedAt", "Published", { help: "As the page gives it, e.g. 2026-11-24." })}
					{line("image", "Image URL", { type: "url" })}
				</div>
				<div class="field">
					<label for={id("description")}>Description</label>
					<textarea id={id("description")} rows={2} value={fields.description} onInput={set("description")} />
				</div>
				<div class="pair">
					{line("viaName", "Via", { help: "Who pointed you to it: “Thanks to … for this one”." })}
					{line("viaUrl", "Via link", { type: "url" })}
				</div>
			</fieldset>
			<TagsInput
				id={id("tags")}
				value={fields.tags}
				suggestions={props.tagSuggestions ?? []}
				onChange={(tags) => put({ ...fields, tags })}
			/>
			<label for={id("custom")}>Custom fields</label>
			<textarea
				id={id("custom")}
				rows={2}
				value={fields.custom}
				placeholder="event-date: 2026-12-10"
				aria-describedby={id("custom-help")}
				onInput={set("custom")}
			/>
			<p id={id("custom-help")} class="help">
				One “name: value” a line; templates read it as entry.fields.name.
			</p>
			<span class="check">
				<input
					id={id("sponsored")}
					type="checkbox"
					checked={fields.sponsored}
					onChange={(e) => put({ ...fields, sponsored: (e.currentTarget as HTMLInputElement).checked })}
				/>
				<label for={id("sponsored")}>Sponsored</label>
			</span>
			<div role="alert">{error && <p class="error">{error}</p>}</div>
			<SaveFailure failure={failure} />
			<div class="actions">
				<button type="submit" class="primary">
					{props.gone ? "Save as a new capture" : "Save"}
				</button>
				{conflict?.current && conflict.current.issueKey === 0 && (
					<button type="button" onClick={() => conflict.current && save(conflict.current.updatedAt)}>
						Overwrite with my version
					</button>
				)}
				<button type="button" onClick={cancel}>
					{props.gone ? "Discard my edit" : "Cancel"}
				</button>
			</div>
		</form>
	);
}
