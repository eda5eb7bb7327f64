import type { Ref } from "preact";
import { useRef } from "preact/hooks";
import { TagsInput } from "../options/tags-input.tsx";
import type { Section } from "../src/core/capture.ts";
import { DetailsFields } from "./details-fields.tsx";

/** The editable fields of a capture in the popup. */
export type Fields = {
	title: string;
	url: string;
	note: string;
	quote: string;
	section: string;
	group: string;
	via: string;
	/** The credit's link; "" for a credit by name alone. */
	viaUrl: string;
	author: string;
	siteName: string;
	/** As the page or the curator wrote it; usually an ISO date. */
	publishedAt: string;
	description: string;
	/** Separated by commas. */
	tags: string;
	/** "yes" when the capture is a paid placement, else "". */
	sponsored: string;
};

/** The labelled controls; every change goes through `onChange(key, value)`. */
export function CaptureFields(props: {
	fields: Fields;
	sections: readonly Section[];
	groups: readonly string[];
	/** Tags used before, offered as the curator types. */
	tags?: readonly string[];
	viaSuggestion: string | undefined;
	noteRef: Ref<HTMLTextAreaElement>;
	onChange: (key: keyof Fields, value: string) => void;
	onSuggestVia: () => void;
	/** The tags were opened: time to ask for suggestions. */
	onTagsOpen?: () => void;
}) {
	const { fields, onChange } = props;
	const bind = (key: keyof Fields) => (event: Event) => onChange(key, (event.currentTarget as HTMLInputElement).value);
	const isList = props.sections.find((s) => s.id === fields.section)?.layout === "list";
	const details = useRef<HTMLDetailsElement>(null);
	const tagsOpen = fields.tags !== "" || fields.sponsored === "yes";
	return (
		<>
			<label for="title">Title</label>
			<input id="title" value={fields.title} onInput={bind("title")} />
			<label for="url">URL</label>
			<input id="url" type="url" value={fields.url} onInput={bind("url")} />
			<label for="note">Note</label>
			<textarea id="note" ref={props.noteRef} rows={5} value={fields.note} onInput={bind("note")} />
			<label for="section">Section</label>
			<select id="section" value={fields.section} onChange={bind("section")} disabled={props.sections.length === 0}>
				{props.sections.map((s) => (
					<option key={s.id} value={s.id}>
						{s.name}
					</option>
				))}
			</select>
			{isList && (
				<>
					<label for="group">Group</label>
					<input id="group" list="groups" value={fields.group} onInput={bind("group")} />
					<datalist id="groups">
						{props.groups.map((g) => (
							<option key={g} value={g} />
						))}
					</datalist>
				</>
			)}
			<label for="quote">Quote</label>
			<textarea id="quote" rows={3} value={fields.quote} onInput={bind("quote")} />
			<DetailsFields
				fields={fields}
				bind={bind}
				viaSuggestion={props.viaSuggestion}
				detailsRef={details}
				onSuggestVia={() => {
					props.onSuggestVia();
					if (details.current) details.current.open = true;
				}}
			/>
			<details
				class="more"
				open={tagsOpen}
				ref={(el) => {
					if (el?.open) props.onTagsOpen?.();
				}}
				onToggle={(e) => {
					if ((e.currentTarget as HTMLDetailsElement).open) props.onTagsOpen?.();
				}}
			>
				<summary>Tags and sponsorship</summary>
				<TagsInput
					id="tags"
					value={fields.tags}
					suggestions={props.tags ?? []}
					onChange={(value) => onChange("tags", value)}
				/>
				<span class="check">
					<input
						id="sponsored"
						type="checkbox"
						checked={fields.sponsored === "yes"}
						onChange={(e) => onChange("sponsored", (e.currentTarget as HTMLInputElement).checked ? "yes" : "")}
					/>
					<label for="sponsored">Sponsored</label>
				</span>
			</details>
		</>
	);
}
