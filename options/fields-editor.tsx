import { useState } from "preact/hooks";
import { ISSUE_FIELD_TYPES, type IssueFieldDef, type IssueFieldType, type Newsletter } from "../src/core/newsletter.ts";
import { useGuardSince } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

export const FIELD_TYPE_NAMES: Record<IssueFieldType, string> = {
	text: "Text",
	markdown: "Markdown",
	date: "Date",
	list: "List",
};

const FIELD_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The definitions as typed, or what is wrong with them. */
export function checkFieldDefs(defs: readonly IssueFieldDef[]): string | undefined {
	const seen = new Set<string>();
	for (const def of defs) {
		if (!def.label.trim()) return "Every field needs a label.";
		if (!FIELD_ID.test(def.id)) {
			return `The name “${def.id}” must start with a letter and hold only letters, digits, “_” and “-”.`;
		}
		if (seen.has(def.id)) return `Two fields are named “${def.id}”.`;
		seen.add(def.id);
	}
	return undefined;
}

/** "Period start" → "period_start": the name templates use, until the curator picks another. */
function idFromLabel(label: string): string {
	const id = label
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "_")
		.replace(/^[^a-z]+|_+$/g, "");
	return id || "field";
}

/** Define the issue-level fields (text, Markdown, date, list); recurring ones carry over to the next issue. */
export function FieldsEditor(props: { newsletter: Newsletter; onSave: (newsletter: Newsletter) => Promise<void> }) {
	const [defs, setDefs] = useState<IssueFieldDef[]>(() => props.newsletter.fields ?? []);
	const [label, setLabel] = useState("");
	const [type, setType] = useState<IssueFieldType>("text");
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	const { failure, run } = useSave();
	// Changes since the last save (or the start) are asked about when the tab closes.
	const markSaved = useGuardSince(defs);
	const change = (i: number, patch: Partial<IssueFieldDef>) =>
		setDefs((d) => d.map((def, j) => (j === i ? { ...def, ...patch } : def)));
	const add = (event: Event) => {
		event.preventDefault();
		if (!label.trim()) {
			setMessage({ error: true, text: "Give the new field a label." });
			return;
		}
		const taken = new Set(defs.map((d) => d.id));
		let id = idFromLabel(label);
		for (let n = 2; taken.has(id); n++) id = `${idFromLabel(label)}_${n}`;
		setDefs([...defs, { id, label: label.trim(), type }]);
		setLabel("");
		setMessage(undefined);
	};
	const save = async () => {
		const problem = checkFieldDefs(defs);
		if (problem) {
			setMessage({ error: true, text: problem });
			return;
		}
		const fields = defs.map((d) => {
			const out: IssueFieldDef = { id: d.id, label: d.label.trim(), type: d.type };
			if (d.recurring) out.recurring = true;
			return out;
		});
		setMessage(undefined);
		await run(async () => {
			await props.onSave({ ...props.newsletter, fields });
			markSaved(defs);
			setMessage({ error: false, text: "Fields saved." });
		});
	};
	return (
		<section aria-labelledby="fields-heading">
			<h2 id="fields-heading">Issue fields</h2>
			<p class="help">
				Templates read a field as {"{{ issue.fields.name }}"}; a recurring field carries its value over to the next
				issue.
			</p>
			<ol class="sections">
				{defs.map((def, i) => {
					const id = (k: string) => `field-${i}-${k}`;
					return (
						<li key={i} class="section-row" aria-label={def.label || `Field ${i + 1}`}>
							<label for={id("label")}>Label</label>
							<input
								id={id("label")}
								value={def.label}
								onInput={(e) => change(i, { label: (e.currentTarget as HTMLInputElement).value })}
							/>
							<label for={id("id")}>Name in templates</label>
							<input
								id={id("id")}
								value={def.id}
								spellcheck={false}
								onInput={(e) => change(i, { id: (e.currentTarget as HTMLInputElement).value.trim() })}
							/>
							<label for={id("type")}>Type</label>
							<select
								id={id("type")}
								value={def.type}
								onChange={(e) => change(i, { type: (e.currentTarget as HTMLSelectElement).value as IssueFieldType })}
							>
								{ISSUE_FIELD_TYPES.map((t) => (
									<option key={t} value={t}>
										{FIELD_TYPE_NAMES[t]}
									</option>
								))}
							</select>
							<span class="check">
								<input
									id={id("recurring")}
									type="checkbox"
									checked={def.recurring === true}
									onChange={(e) => change(i, { recurring: (e.currentTarget as HTMLInputElement).checked })}
								/>
								<label for={id("recurring")}>Recurring</label>
							</span>
							<div class="actions">
								<button
									type="button"
									class="danger"
									aria-label={`Remove field “${def.label}”`}
									onClick={() => setDefs(defs.filter((_, j) => j !== i))}
								>
									Remove
								</button>
							</div>
						</li>
					);
				})}
			</ol>
			<form class="row" onSubmit={add} aria-label="Add an issue field">
				<span>
					<label for="new-field-label">New field label</label>
					<input
						id="new-field-label"
						value={label}
						onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
					/>
				</span>
				<span>
					<label for="new-field-type">New field type</label>
					<select
						id="new-field-type"
						value={type}
						onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as IssueFieldType)}
					>
						{ISSUE_FIELD_TYPES.map((t) => (
							<option key={t} value={t}>
								{FIELD_TYPE_NAMES[t]}
							</option>
						))}
					</select>
				</span>
				<button type="submit">Add field</button>
			</form>
			<div class="actions">
				<button type="button" class="primary" onClick={() => void save()}>
					Save fields
				</button>
			</div>
			<p role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
			</p>
			<SaveFailure failure={failure} />
		</section>
	);
}
