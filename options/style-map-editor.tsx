import { useState } from "preact/hooks";
import type { Newsletter } from "../src/core/newsletter.ts";
import { DEFAULT_HTML_STYLES, STYLE_ELEMENT } from "../src/core/render/html-styles.ts";
import { useGuardSince } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

type Row = { element: string; css: string };

/** One declaration: "property: value", nothing that could end the attribute or open a rule. */
const DECLARATION = /^\s*-?[a-zA-Z][a-zA-Z0-9-]*\s*:\s*[^;:{}<>"]+?\s*$/;

/** The style map as typed, or what is wrong with it. */
export function checkStyleMap(rows: readonly Row[]): Record<string, string> | string {
	const out: Record<string, string> = {};
	for (const { element, css } of rows) {
		const name = element.trim().toLowerCase();
		if (!name && !css.trim()) continue;
		if (!STYLE_ELEMENT.test(name)) return `“${element}” is not an HTML element name (such as h2, p or a).`;
		if (Object.hasOwn(out, name)) return `“${name}” is styled twice.`;
		const declarations = css
			.split(";")
			.map((d) => d.trim())
			.filter(Boolean);
		if (declarations.length === 0) return `Give “${name}” some CSS, or remove it.`;
		const bad = declarations.find((d) => !DECLARATION.test(d));
		if (bad !== undefined) return `“${bad}” (for ${name}) is not a CSS declaration such as “color: #333”.`;
		out[name] = `${declarations.join(";")};`;
	}
	return out;
}

/** The inline CSS the HTML export gives each element: element → CSS, checked before it is saved. */
export function StyleMapEditor(props: { newsletter: Newsletter; onSave: (newsletter: Newsletter) => Promise<void> }) {
	const [rows, setRows] = useState<Row[]>(() =>
		Object.entries(props.newsletter.htmlStyles ?? {}).map(([element, css]) => ({ element, css })),
	);
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	const { failure, run } = useSave();
	// Changes since the last save (or the start) are asked about when the tab closes.
	const markSaved = useGuardSince(rows);
	const change = (i: number, patch: Partial<Row>) =>
		setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
	const save = async (event: Event) => {
		event.preventDefault();
		const checked = checkStyleMap(rows);
		if (typeof checked === "string") {
			setMessage({ error: true, text: checked });
			return;
		}
		const { htmlStyles: _old, ...rest } = props.newsletter;
		const next: Newsletter = Object.keys(checked).length > 0 ? { ...rest, htmlStyles: checked } : rest;
		setMessage(undefined);
		await run(async () => {
			await props.onSave(next);
			markSaved(rows);
			setMessage({ error: false, text: "Styles saved." });
		});
	};
	return (
		<section aria-labelledby="styles-heading">
			<h2 id="styles-heading">HTML styles</h2>
			<form onSubmit={save} aria-label="HTML styles">
				<p class="help">
					Inline CSS for each element of the HTML export, in place of the default (email clients ignore style sheets).
				</p>
				<ol class="sections">
					{rows.map((row, i) => (
						<li key={i} class="row" aria-label={row.element || `Style ${i + 1}`}>
							<span>
								<label for={`style-${i}-element`}>Element</label>
								<input
									id={`style-${i}-element`}
									value={row.element}
									list="style-elements"
									spellcheck={false}
									onInput={(e) => change(i, { element: (e.currentTarget as HTMLInputElement).value })}
								/>
							</span>
							<span>
								<label for={`style-${i}-css`}>CSS</label>
								<input
									id={`style-${i}-css`}
									value={row.css}
									spellcheck={false}
									placeholder={DEFAULT_HTML_STYLES[row.element.trim()] ?? "color: #333"}
									onInput={(e) => change(i, { css: (e.currentTarget as HTMLInputElement).value })}
								/>
							</span>
							<button
								type="button"
								class="danger"
								aria-label={`Remove style ${row.element}`}
								onClick={() => setRows(rows.filter((_, j) => j !== i))}
							>
								Remove
							</button>
						</li>
					))}
				</ol>
				<datalist id="style-elements">
					{Object.keys(DEFAULT_HTML_STYLES).map((e) => (
						<option key={e} value={e} />
					))}
				</datalist>
				<div class="actions">
					<button type="button" onClick={() => setRows([...rows, { element: "", css: "" }])}>
						Add a style
					</button>
					<button type="submit">Save styles</button>
				</div>
				<p role="status" class={message?.error ? "error" : undefined}>
					{message?.text}
				</p>
				<SaveFailure failure={failure} />
			</form>
		</section>
	);
}
