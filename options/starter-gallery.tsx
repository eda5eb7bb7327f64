import { useEffect, useRef, useState } from "preact/hooks";
import type { Format } from "../src/core/render/index.ts";
import { FORMAT_NAMES } from "./export-panel.tsx";
import { SaveFailure, useSave } from "./save-failure.tsx";

/** What the chooser shows of a starter. */
export interface StarterChoice {
	id: string;
	name: string;
	description: string;
	formats: readonly Format[];
}

/** What choosing a starter would replace that the curator edited (applyStarter's lists). */
export interface StarterEdits {
	editedTemplates: readonly Format[];
	editedPartials: readonly { format: Format; name: string }[];
	editedHtmlStyles: boolean;
}

/** The curator's edits a starter would replace, one line each. */
export function editedList(edits: StarterEdits): string[] {
	return [
		...edits.editedTemplates.map((f) => `The ${FORMAT_NAMES[f]} template`),
		...edits.editedPartials.map((p) => `The ${FORMAT_NAMES[p.format]} partial “${p.name}”`),
		...(edits.editedHtmlStyles ? ["The HTML style map"] : []),
	];
}

/**
 * Choose a starter: its templates, partials, sections and fields. A
 * template, partial or style map the curator edited is never replaced
 * without asking: a dialog lists them, to replace or to keep.
 */
export function StarterGallery(props: {
	starters: readonly StarterChoice[];
	/** What choosing this starter would replace of the curator's own edits. */
	edits: (id: string) => StarterEdits;
	/** Apply the starter; `overwriteEdited` replaces the curator's edited templates too. */
	choose: (id: string, overwriteEdited: boolean) => Promise<void>;
}) {
	const [chosen, setChosen] = useState(props.starters[0]?.id ?? "");
	const [asking, setAsking] = useState<string[]>();
	const [status, setStatus] = useState<string>();
	const { failure, run } = useSave();
	const dialogRef = useRef<HTMLDivElement>(null);
	// The question takes the focus, so a keyboard user answers it next.
	useEffect(() => {
		if (asking) dialogRef.current?.querySelector("button")?.focus();
	}, [asking]);
	const name = props.starters.find((s) => s.id === chosen)?.name ?? chosen;
	const apply = async (overwriteEdited: boolean) => {
		setAsking(undefined);
		await run(async () => {
			await props.choose(chosen, overwriteEdited);
			setStatus(`Now using the ${name} starter.`);
		});
	};
	const start = (event: Event) => {
		event.preventDefault();
		setStatus(undefined);
		const edited = editedList(props.edits(chosen));
		if (edited.length === 0) void apply(false);
		else setAsking(edited);
	};
	return (
		<section aria-labelledby="starters-heading">
			<h2 id="starters-heading">Starters</h2>
			<form onSubmit={start} aria-label="Choose a starter">
				<fieldset>
					<legend>Start from</legend>
					{props.starters.map((s) => (
						<div key={s.id} class="starter">
							<input
								type="radio"
								id={`starter-${s.id}`}
								name="starter"
								value={s.id}
								checked={chosen === s.id}
								aria-describedby={`starter-${s.id}-about`}
								onChange={() => setChosen(s.id)}
							/>
							<label for={`starter-${s.id}`}>{s.name}</label>
							<p id={`starter-${s.id}-about`} class="help">
								{s.description} ({s.formats.map((f) => FORMAT_NAMES[f]).join(", ")})
							</p>
						</div>
					))}
				</fieldset>
				<button type="submit" disabled={!chosen || asking !== undefined}>
					Use this starter
				</button>
			</form>
			{asking && (
				<div
					ref={dialogRef}
					role="alertdialog"
					aria-modal="false"
					aria-labelledby="starter-ask"
					class="ask"
					onKeyDown={(e) => e.key === "Escape" && setAsking(undefined)}
				>
					<p id="starter-ask">The {name} starter would replace what you edited:</p>
					<ul>
						{asking.map((line) => (
							<li key={line}>{line}</li>
						))}
					</ul>
					<div class="actions">
						<button type="button" onClick={() => void apply(false)}>
							Keep my edits
						</button>
						<button type="button" onClick={() => void apply(true)}>
							Replace them
						</button>
						<button type="button" onClick={() => setAsking(undefined)}>
							Cancel
						</button>
					</div>
				</div>
			)}
			<p role="status">{status}</p>
			<SaveFailure failure={failure} />
		</section>
	);
}
