import { useEffect, useRef, useState } from "preact/hooks";
import type { IssueMeta } from "../src/core/newsletter.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

type Form = {
	number: string;
	date: string;
	intro: string;
	outro: string;
	sponsorName: string;
	sponsorText: string;
	sponsorLinkText: string;
	sponsorUrl: string;
};

function toForm(meta: IssueMeta): Form {
	return {
		number: String(meta.number),
		date: meta.date,
		intro: meta.intro,
		outro: meta.outro,
		sponsorName: meta.sponsor?.name ?? "",
		sponsorText: meta.sponsor?.text ?? "",
		sponsorLinkText: meta.sponsor?.linkText ?? "",
		sponsorUrl: meta.sponsor?.url ?? "",
	};
}

function same(a: Form, b: Form): boolean {
	return (Object.keys(a) as (keyof Form)[]).every((k) => a[k] === b[k]);
}

/** Turn the form into issue details, or say what is wrong with it. */
export function formToMeta(form: Form): IssueMeta | string {
	const number = Number(form.number);
	if (!Number.isInteger(number) || number < 1) return "The issue number must be a whole number from 1 up.";
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) return "Give the issue a date.";
	const meta: IssueMeta = { number, date: form.date, intro: form.intro, outro: form.outro };
	if (form.sponsorName.trim() || form.sponsorText.trim()) {
		if (!form.sponsorName.trim()) return "The sponsor block needs the sponsor's name.";
		const url = form.sponsorUrl.trim();
		if (url && !/^https?:\/\//i.test(url)) return "The sponsor link must start with http:// or https://.";
		meta.sponsor = {
			name: form.sponsorName.trim(),
			text: form.sponsorText.trim(),
			...(form.sponsorLinkText.trim() ? { linkText: form.sponsorLinkText.trim() } : {}),
			...(url ? { url } : {}),
		};
	}
	return meta;
}

const AUTOSAVE_MS = 500;

/** The draft issue's number, date, intro, outro and sponsor block. */
export function IssueDetails(props: { meta: IssueMeta; onSave: (meta: IssueMeta) => Promise<void> }) {
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
		const meta = formToMeta(values);
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

	const bind = (key: keyof Form) => ({
		id: `issue-${key}`,
		value: form[key],
		onInput: (e: Event) => {
			const next = { ...form, [key]: (e.currentTarget as HTMLInputElement).value };
			setForm(next);
			schedule(next);
		},
	});
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
			<fieldset>
				<legend>Sponsor (optional)</legend>
				<label for="issue-sponsorName">Sponsor name</label>
				<input {...bind("sponsorName")} />
				<label for="issue-sponsorText">Sponsor message</label>
				<textarea rows={2} {...bind("sponsorText")} />
				<label for="issue-sponsorLinkText">Sponsor link text</label>
				<input {...bind("sponsorLinkText")} />
				<label for="issue-sponsorUrl">Sponsor link</label>
				<input type="url" {...bind("sponsorUrl")} />
			</fieldset>
			<label for="issue-outro">Outro</label>
			<textarea rows={2} {...bind("outro")} />
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
