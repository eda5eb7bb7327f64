import { useEffect, useRef, useState } from "preact/hooks";
import { type Capture, editCapture, type Section } from "../src/core/capture.ts";
import { isSavableUrl } from "../src/core/url.ts";
import { ConflictError } from "../src/db/errors.ts";
import type { OptionsDeps } from "./deps.ts";

type Fields = Pick<Capture, "title" | "url" | "note" | "section"> & {
	quote: string;
	group: string;
};

/** Edit one capture in place. A change made meanwhile in another window is shown, never overwritten silently. */
export function CaptureEditor(props: { capture: Capture; sections: Section[]; deps: OptionsDeps; onDone: () => void }) {
	const { capture, deps } = props;
	const [fields, setFields] = useState<Fields>({
		title: capture.title,
		url: capture.url,
		note: capture.note,
		section: capture.section,
		quote: capture.quote ?? "",
		group: capture.group ?? "",
	});
	const [error, setError] = useState<string>();
	// The version the curator started from: a change saved meanwhile elsewhere is a conflict, not overwritten.
	const [startedFrom] = useState(capture.updatedAt);
	const titleRef = useRef<HTMLInputElement>(null);
	// Opening the editor puts the cursor in it, as a keyboard or screen-reader user expects.
	useEffect(() => titleRef.current?.focus(), []);
	const [conflict, setConflict] = useState<ConflictError>();
	const id = (name: string) => `edit-${capture.id}-${name}`;
	const set = (key: keyof Fields) => (event: Event) =>
		setFields({
			...fields,
			[key]: (event.currentTarget as HTMLInputElement).value,
		});
	const isList = props.sections.find((s) => s.id === fields.section)?.layout === "list";

	const save = async (expectedUpdatedAt: number) => {
		if (!isSavableUrl(fields.url.trim())) {
			setError("Only http and https links can be saved.");
			return;
		}
		try {
			const next = editCapture(capture, fields, Math.max(deps.now(), expectedUpdatedAt + 1));
			await deps.update([{ next, expectedUpdatedAt }]);
			props.onDone();
		} catch (e) {
			if (e instanceof ConflictError) setConflict(e);
			setError(e instanceof Error ? e.message : String(e));
		}
	};
	const onSubmit = (event: Event) => {
		event.preventDefault();
		void save(startedFrom);
	};

	return (
		<form class="editor" onSubmit={onSubmit} aria-label={`Edit “${capture.title}”`}>
			<label for={id("title")}>Title</label>
			<input id={id("title")} ref={titleRef} value={fields.title} onInput={set("title")} />
			<label for={id("url")}>URL</label>
			<input id={id("url")} type="url" value={fields.url} onInput={set("url")} />
			<label for={id("note")}>Note</label>
			<textarea id={id("note")} rows={4} value={fields.note} onInput={set("note")} />
			<label for={id("section")}>Section</label>
			<select id={id("section")} value={fields.section} onChange={set("section")}>
				{props.sections.map((s) => (
					<option key={s.id} value={s.id}>
						{s.name}
					</option>
				))}
			</select>
			{isList && (
				<>
					<label for={id("group")}>Group</label>
					<input id={id("group")} value={fields.group} onInput={set("group")} />
				</>
			)}
			<label for={id("quote")}>Quote</label>
			<textarea id={id("quote")} rows={3} value={fields.quote} onInput={set("quote")} />
			<div role="alert">{error && <p class="error">{error}</p>}</div>
			<div class="actions">
				<button type="submit">Save</button>
				{conflict?.current && (
					<button type="button" onClick={() => conflict.current && save(conflict.current.updatedAt)}>
						Overwrite with my version
					</button>
				)}
				<button type="button" onClick={props.onDone}>
					Cancel
				</button>
			</div>
		</form>
	);
}
