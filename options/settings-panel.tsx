import { useEffect, useRef, useState } from "preact/hooks";
import type { Newsletter } from "../src/core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../src/core/url.ts";
import type { OptionsDeps } from "./deps.ts";
import { useLeaveGuard } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

/** Tracking parameters as typed (spaces, commas or lines between them), each once. */
function paramList(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** The newsletter's name and title template, the tracking-parameter list, and the capture shortcut. */
export function SettingsPanel(props: {
	newsletter: Newsletter;
	trackingParams: string[];
	deps: Pick<OptionsDeps, "saveNewsletter" | "saveTrackingParams" | "shortcut" | "openShortcutSettings">;
	/** Called after the settings landed, so the page shows what is stored. */
	onSaved?: () => void;
}) {
	const { deps } = props;
	const [name, setName] = useState(props.newsletter.name);
	const [titleTemplate, setTitleTemplate] = useState(props.newsletter.titleTemplate);
	const [params, setParams] = useState(props.trackingParams.join("\n"));
	const [shortcut, setShortcut] = useState<string>();
	// Settings saved elsewhere (another tab, a restore) show here at once; a field being edited keeps what was typed.
	const stored = {
		name: props.newsletter.name,
		title: props.newsletter.titleTemplate,
		params: props.trackingParams.join("\n"),
	};
	const seen = useRef(stored);
	// Compared as they would be saved: a trailing space or a comma in place of a line break is not an edit.
	useLeaveGuard(
		() =>
			name.trim() !== stored.name ||
			titleTemplate.trim() !== stored.title ||
			paramList(params).join("\n") !== stored.params,
	);
	useEffect(() => {
		const before = seen.current;
		if (stored.name !== before.name) setName((typed) => (typed === before.name ? stored.name : typed));
		if (stored.title !== before.title) setTitleTemplate((typed) => (typed === before.title ? stored.title : typed));
		if (stored.params !== before.params) setParams((typed) => (typed === before.params ? stored.params : typed));
		seen.current = stored;
	}, [stored.name, stored.title, stored.params]);
	const [status, setStatus] = useState<string>();
	const { failure, run } = useSave();
	useEffect(() => {
		deps.shortcut().then(setShortcut, () => setShortcut(""));
	}, [deps]);

	const save = async (event: Event) => {
		event.preventDefault();
		if (!name.trim()) {
			setStatus("The newsletter needs a name.");
			return;
		}
		const list = paramList(params);
		const newsletter = { ...props.newsletter, name: name.trim(), titleTemplate: titleTemplate.trim() };
		setStatus(undefined);
		await run(async () => {
			await deps.saveNewsletter(newsletter);
			await deps.saveTrackingParams(list);
			setStatus("Settings saved.");
			props.onSaved?.();
		});
	};
	return (
		<section aria-labelledby="settings-heading">
			<h2 id="settings-heading">Newsletter</h2>
			<form onSubmit={save} class="settings">
				<label for="newsletter-name">Newsletter name</label>
				<input
					id="newsletter-name"
					value={name}
					onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
				/>
				<label for="title-template">Issue title</label>
				<input
					id="title-template"
					value={titleTemplate}
					aria-describedby="title-template-help"
					onInput={(e) => setTitleTemplate((e.currentTarget as HTMLInputElement).value)}
				/>
				<p id="title-template-help" class="help">
					{"{{newsletter}}"} is the name, {"{{number}}"} the issue number.
				</p>
				<label for="tracking-params">Tracking parameters to strip</label>
				<textarea
					id="tracking-params"
					rows={6}
					value={params}
					aria-describedby="tracking-help"
					onInput={(e) => setParams((e.currentTarget as HTMLTextAreaElement).value)}
				/>
				<p id="tracking-help" class="help">
					One per line; “utm_*” strips every parameter starting with “utm_”.{" "}
					<button type="button" onClick={() => setParams(DEFAULT_TRACKING_PARAMS.join("\n"))}>
						Restore the default list
					</button>
				</p>
				<div class="actions">
					<button type="submit">Save settings</button>
				</div>
				<p role="status">{status}</p>
				<SaveFailure failure={failure} />
			</form>
			<h2>Keyboard shortcut</h2>
			<p>
				{shortcut === undefined
					? "…"
					: shortcut
						? `Press ${shortcut} to open the capture popup on any page.`
						: "No shortcut is set for opening the capture popup."}{" "}
				<button type="button" onClick={() => void deps.openShortcutSettings()}>
					Change shortcut
				</button>
			</p>
		</section>
	);
}
