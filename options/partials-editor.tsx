import { useState } from "preact/hooks";
import { checkTemplate, type Format } from "../src/core/render/index.ts";
import { useGuardSince } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";
import { templateErrorText } from "./template-error.tsx";

type Row = { name: string; text: string };

const NAME = /^[A-Za-z][\w-]*$/;

/** The partials as typed, or what is wrong with their names. */
export function checkPartials(rows: readonly Row[]): Record<string, string> | string {
	const out: Record<string, string> = {};
	for (const { name, text } of rows) {
		if (!NAME.test(name))
			return `“${name}” cannot name a partial: use letters, digits, “_” and “-”, starting with a letter.`;
		if (Object.hasOwn(out, name)) return `Two partials are called “${name}”.`;
		out[name] = text;
	}
	return out;
}

/**
 * The curator's named partials of one format ({% render "name" %}, and the
 * Template a section chooses): add, rename, delete, edit. A mistake shows
 * with its line and column, as in the template editor; Save stores them all.
 */
export function PartialsEditor(props: {
	format: Format;
	formatName: string;
	partials: Readonly<Record<string, string>>;
	onSave: (partials: Record<string, string>) => Promise<void>;
}) {
	const [rows, setRows] = useState<Row[]>(() => Object.entries(props.partials).map(([name, text]) => ({ name, text })));
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	const { failure, run } = useSave();
	// Changes since the last save (or the start) are asked about when the tab closes.
	const markSaved = useGuardSince(rows);
	const change = (i: number, patch: Partial<Row>) => {
		setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
		setMessage(undefined);
	};
	const add = () => {
		const taken = new Set(rows.map((r) => r.name));
		let name = "partial";
		for (let n = 2; taken.has(name); n++) name = `partial-${n}`;
		setRows([...rows, { name, text: "" }]);
	};
	const save = async () => {
		const checked = checkPartials(rows);
		if (typeof checked === "string") {
			setMessage({ error: true, text: checked });
			return;
		}
		await run(async () => {
			await props.onSave(checked);
			markSaved(rows);
			setMessage({ error: false, text: "Partials saved." });
		});
	};
	const prefix = `partial-${props.format}`;
	return (
		<details class="partials-editor">
			<summary>
				Partials ({props.formatName}): {rows.length}
			</summary>
			<p class="help">
				A partial is rendered with {'{% render "name" %}'}, or by a section that chooses it as its Template.
			</p>
			{rows.map((row, i) => {
				const error = checkTemplate(row.text);
				const id = (k: string) => `${prefix}-${i}-${k}`;
				return (
					<fieldset key={i} class="partial">
						<legend>Partial {row.name}</legend>
						<label for={id("name")}>Partial name</label>
						<input
							id={id("name")}
							value={row.name}
							spellcheck={false}
							onInput={(e) => change(i, { name: (e.currentTarget as HTMLInputElement).value.trim() })}
						/>
						<label for={id("text")}>Partial “{row.name}”</label>
						<textarea
							id={id("text")}
							rows={8}
							spellcheck={false}
							value={row.text}
							aria-invalid={error ? "true" : undefined}
							onInput={(e) => change(i, { text: (e.currentTarget as HTMLTextAreaElement).value })}
						/>
						<div role="alert">{error && <p class="error">{templateErrorText(error, "")}</p>}</div>
						<button type="button" class="danger" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
							Delete partial {row.name}
						</button>
					</fieldset>
				);
			})}
			<div class="actions">
				<button type="button" onClick={add}>
					Add a partial
				</button>
				<button type="button" class="primary" onClick={() => void save()}>
					Save partials
				</button>
			</div>
			<p role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
			</p>
			<SaveFailure failure={failure} />
		</details>
	);
}
