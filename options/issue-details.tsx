import { useEffect, useRef, useState } from "preact/hooks";
import type { Section } from "../src/core/capture.ts";
import {
	type IssueFieldDef,
	type IssueFieldValue,
	type IssueMeta,
	issueSponsors,
	type Sponsor,
} from "../src/core/newsletter.ts";
import { useLeaveGuard } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

type SponsorForm = { name: string; text: string; linkText: string; url: string; recurring: boolean };

type Form = {
	number: string;
	date: string;
	intro: string;
	outro: string;
	outroRecurring: boolean;
	sponsors: SponsorForm[];
	/** Field values as typed; a list one item per line. */
	fields: Record<string, string>;
	sectionIntros: Record<string, string>;
};

function toForm(meta: IssueMeta): Form {
	const fields: Record<string, string> = {};
	for (const [id, value] of Object.entries(meta.fields ?? {}))
		fields[id] = Array.isArray(value) ? value.join("\n") : value;
	return {
		number: String(meta.number),
		date: meta.date,
		intro: meta.intro,
		outro: meta.outro,
		outroRecurring: meta.outroRecurring === true,
		sponsors: issueSponsors(meta).map((s) => ({
			name: s.name,
			text: s.text,
			linkText: s.linkText ?? "",
			url: s.url ?? "",
			recurring: s.recurring === true,
		})),
		fields,
		sectionIntros: { ...meta.sectionIntros },
	};
}

/** Two forms that would store the same details (empty text counts as absent). */
function same(a: Form, b: Form): boolean {
	const canon = (f: Form) =>
		JSON.stringify({
			...f,
			fields: Object.entries(f.fields)
				.filter(([, v]) => v !== "")
				.sort(),
			sectionIntros: Object.entries(f.sectionIntros)
				.filter(([, v]) => v !== "")
				.sort(),
		});
	return canon(a) === canon(b);
}

/** A list field's items: one per line, or separated by commas. */
export function listItems(text: string): string[] {
	return text
		.split(/[\n,]/)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** Turn the form into issue details, or say what is wrong with it. */
export function formToMeta(form: Form, defs: readonly IssueFieldDef[] = []): IssueMeta | string {
	const number = Number(form.number);
	if (!Number.isInteger(number) || number < 1) return "The issue number must be a whole number from 1 up.";
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) return "Give the issue a date.";
	const meta: IssueMeta = { number, date: form.date, intro: form.intro, outro: form.outro };
	if (form.outroRecurring) meta.outroRecurring = true;
	const sponsors: Sponsor[] = [];
	for (const [i, s] of form.sponsors.entries()) {
		if (!s.name.trim() && !s.text.trim() && !s.url.trim()) continue;
		if (!s.name.trim()) return `Sponsor ${i + 1} needs the sponsor's name.`;
		const url = s.url.trim();
		if (url && !/^https?:\/\//i.test(url)) return "A sponsor link must start with http:// or https://.";
		sponsors.push({
			name: s.name.trim(),
			text: s.text.trim(),
			...(s.linkText.trim() ? { linkText: s.linkText.trim() } : {}),
			...(url ? { url } : {}),
			...(s.recurring ? { recurring: true } : {}),
		});
	}
	if (sponsors.length > 0) meta.sponsors = sponsors;
	const fields: Record<string, IssueFieldValue> = {};
	for (const [id, text] of Object.entries(form.fields)) {
		const def = defs.find((d) => d.id === id);
		if (!text.trim()) continue;
		if (def?.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return `${def.label} must be a date.`;
		fields[id] = def?.type === "list" ? listItems(text) : def?.type === "markdown" ? text : text.trim();
	}
	if (Object.keys(fields).length > 0) meta.fields = fields;
	const intros = Object.fromEntries(Object.entries(form.sectionIntros).filter(([, v]) => v.trim() !== ""));
	if (Object.keys(intros).length > 0) meta.sectionIntros = intros;
	return meta;
}

const NO_SPONSOR: SponsorForm = { name: "", text: "", linkText: "", url: "", recurring: false };

const AUTOSAVE_MS = 500;

/** The draft issue's number, date, intro, outro, sponsors, field values and section intros. */
export function IssueDetails(props: {
	meta: IssueMeta;
	/** The newsletter's issue-level field definitions; each gets the input its type needs. */
	fields?: readonly IssueFieldDef[];
	/** The sections, for this issue's intro of each. */
	sections?: readonly Section[];
	onSave: (meta: IssueMeta) => Promise<void>;
}) {
	const defs = props.fields ?? [];
	const [base, setBase] = useState(() => toForm(props.meta));
	const [form, setForm] = useState(base);
	const [message, setMessage] = useState<{ error: boolean; text: string }>();
	// Details saved elsewhere replace the form only if the curator has not started editing it.
	useEffect(() => {
		const stored = toForm(props.meta);
		if (same(stored, base)) return;
		setBase(stored);
		if (same(form, base)) setForm(stored);
		else
			setMessage({ error: true, text: "These details were changed in another window. Saving replaces that change." });
	}, [props.meta]);
	const { failure, run } = useSave();
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	const pending = useRef<Form | undefined>(undefined);

	const store = async (values: Form, explicit: boolean) => {
		const meta = formToMeta(values, defs);
		if (typeof meta === "string") {
			setMessage({ error: true, text: meta });
			return;
		}
		// A date left as it was keeps following the calendar; a date the curator picks stays.
		if (props.meta.autoDate && values.date === props.meta.date) meta.autoDate = true;
		setMessage(undefined);
		// Only a write that landed moves the base: a failed one leaves the form as typed, and Retry repeats it.
		await run(async () => {
			await props.onSave(meta);
			setBase(values);
			setMessage({ error: false, text: explicit ? "Issue details saved." : "Saved." });
		});
	};
	const flush = () => {
		clearTimeout(timer.current);
		const values = pending.current;
		pending.current = undefined;
		if (values) void store(values, false);
	};
	// Saved as the curator types (half a second after the last key), so the preview and
	// "Mark as sent" never miss an intro that was written but not explicitly saved.
	const schedule = (values: Form) => {
		pending.current = values;
		clearTimeout(timer.current);
		timer.current = setTimeout(flush, AUTOSAVE_MS);
	};
	useEffect(() => flush, []);
	// Typed text the autosave cannot write (the form has a mistake, or the write failed) is asked about when
	// the tab closes; text still waiting for the autosave is written as the page goes (below).
	useLeaveGuard(
		() => !same(form, base) && (pending.current === undefined || typeof formToMeta(form, defs) === "string"),
	);
	// A closed or reloaded tab never runs the timer (nor unmounts the form): what was typed in its last
	// half second is written as the page is hidden. A write the page has issued lands after it is gone.
	useEffect(() => {
		const hidden = () => {
			if (document.visibilityState === "hidden") flush();
		};
		window.addEventListener("pagehide", flush);
		document.addEventListener("visibilitychange", hidden);
		return () => {
			window.removeEventListener("pagehide", flush);
			document.removeEventListener("visibilitychange", hidden);
		};
	});

	const update = (next: Form) => {
		setForm(next);
		schedule(next);
	};
	const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
	const bind = (key: "number" | "date" | "intro" | "outro") => ({
		id: `issue-${key}`,
		value: form[key],
		onInput: (e: Event) => update({ ...form, [key]: value(e) }),
	});
	const setSponsor = (i: number, patch: Partial<SponsorForm>) =>
		update({ ...form, sponsors: form.sponsors.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
	const fieldInput = (def: IssueFieldDef) => {
		const common = {
			id: `issue-field-${def.id}`,
			value: form.fields[def.id] ?? "",
			onInput: (e: Event) => update({ ...form, fields: { ...form.fields, [def.id]: value(e) } }),
		};
		if (def.type === "date") return <input type="date" {...common} />;
		if (def.type === "markdown") return <textarea rows={3} {...common} />;
		if (def.type === "list") return <textarea rows={3} aria-describedby="list-help" {...common} />;
		return <input {...common} />;
	};
	const save = (event: Event) => {
		event.preventDefault();
		clearTimeout(timer.current);
		pending.current = undefined;
		void store(form, true);
	};
	return (
		<form class="issue-details" onSubmit={save} aria-label="Issue details">
			<div class="row">
				<span>
					<label for="issue-number">Issue number</label>
					<input type="number" min={1} {...bind("number")} />
				</span>
				<span>
					<label for="issue-date">Date</label>
					<input type="date" {...bind("date")} />
				</span>
			</div>
			<label for="issue-intro">Intro</label>
			<textarea rows={3} {...bind("intro")} />
			{defs.length > 0 && (
				<fieldset>
					<legend>Fields</legend>
					{defs.map((def) => (
						<div key={def.id} class="field">
							<label for={`issue-field-${def.id}`}>{def.label}</label>
							{fieldInput(def)}
						</div>
					))}
					{defs.some((d) => d.type === "list") && (
						<p id="list-help" class="help">
							A list: one item per line, or separated by commas.
						</p>
					)}
				</fieldset>
			)}
			<fieldset>
				<legend>Sponsors (optional)</legend>
				{form.sponsors.map((s, i) => {
					const id = (k: string) => `issue-sponsor-${i}-${k}`;
					const n = form.sponsors.length > 1 ? ` ${i + 1}` : "";
					return (
						<fieldset key={i} class="sponsor">
							<legend>Sponsor{n}</legend>
							<label for={id("name")}>Sponsor{n} name</label>
							<input id={id("name")} value={s.name} onInput={(e) => setSponsor(i, { name: value(e) })} />
							<label for={id("text")}>Sponsor{n} message</label>
							<textarea id={id("text")} rows={2} value={s.text} onInput={(e) => setSponsor(i, { text: value(e) })} />
							<label for={id("linkText")}>Sponsor{n} link text</label>
							<input id={id("linkText")} value={s.linkText} onInput={(e) => setSponsor(i, { linkText: value(e) })} />
							<label for={id("url")}>Sponsor{n} link</label>
							<input id={id("url")} type="url" value={s.url} onInput={(e) => setSponsor(i, { url: value(e) })} />
							<span class="check">
								<input
									id={id("recurring")}
									type="checkbox"
									checked={s.recurring}
									onChange={(e) => setSponsor(i, { recurring: (e.currentTarget as HTMLInputElement).checked })}
								/>
								<label for={id("recurring")}>Sponsor{n} recurring</label>
							</span>
							<button
								type="button"
								onClick={() => update({ ...form, sponsors: form.sponsors.filter((_, j) => j !== i) })}
							>
								Remove sponsor{n}
							</button>
						</fieldset>
					);
				})}
				<button type="button" onClick={() => update({ ...form, sponsors: [...form.sponsors, NO_SPONSOR] })}>
					Add a sponsor
				</button>
			</fieldset>
			{(props.sections ?? []).length > 0 && (
				<details class="section-intros">
					<summary>Section intros for this issue</summary>
					{(props.sections ?? []).map((section) => (
						<div key={section.id} class="field">
							<label for={`issue-section-intro-${section.id}`}>Intro of {section.name}</label>
							<textarea
								id={`issue-section-intro-${section.id}`}
								rows={2}
								value={form.sectionIntros[section.id] ?? ""}
								onInput={(e) => update({ ...form, sectionIntros: { ...form.sectionIntros, [section.id]: value(e) } })}
							/>
						</div>
					))}
				</details>
			)}
			<label for="issue-outro">Outro</label>
			<textarea rows={2} {...bind("outro")} />
			<span class="check">
				<input
					id="issue-outroRecurring"
					type="checkbox"
					checked={form.outroRecurring}
					onChange={(e) => update({ ...form, outroRecurring: (e.currentTarget as HTMLInputElement).checked })}
				/>
				<label for="issue-outroRecurring">Outro recurring (carried to the next issue)</label>
			</span>
			<div class="actions">
				<button type="submit">Save issue details</button>
			</div>
			<p role="status" class={message?.error ? "error" : undefined}>
				{message?.text}
			</p>
			<SaveFailure failure={failure} />
		</form>
	);
}
