import { useEffect, useState } from "preact/hooks";
import { issueTitle } from "../src/core/issue.ts";
import type { Newsletter } from "../src/core/newsletter.ts";
import type { OptionsDeps } from "./deps.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

function list(names: readonly string[]): string {
	if (names.length <= 1) return names.join("");
	return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The first-run welcome: what the newsletter is called, how its issues are
 * titled, its sections, and the three ways to save a page; the name can be
 * changed right here. Dismissed, it never comes back.
 */
export function Welcome(props: {
	newsletter: Newsletter;
	/** The draft's issue number, for an example title. */
	number: number;
	deps: Pick<OptionsDeps, "shortcut" | "saveNewsletter" | "dismissWelcome" | "openShortcutSettings">;
	onSaved: () => void;
	onDismissed: () => void;
}) {
	const { deps, newsletter } = props;
	const [name, setName] = useState(newsletter.name);
	const [shortcut, setShortcut] = useState<string>();
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
		setStatus(undefined);
		await run(async () => {
			await deps.saveNewsletter({ ...newsletter, name: name.trim() });
			setStatus(`Your newsletter is now called ${name.trim()}.`);
			props.onSaved();
		});
	};
	const dismiss = async () => {
		props.onDismissed();
		// Hidden at once; if the flag cannot be stored, the welcome simply shows again next time.
		await deps.dismissWelcome().catch(() => {});
	};
	const sections = newsletter.sections.filter((s) => !s.parent).map((s) => s.name);
	return (
		<section aria-labelledby="welcome-heading" class="welcome">
			<h2 id="welcome-heading">Welcome to Linkletter</h2>
			<p>
				Your newsletter is <strong>{newsletter.name}</strong>. Each issue is titled from the template{" "}
				<code>{newsletter.titleTemplate}</code>, so this one will be “{issueTitle(newsletter, props.number)}”.
				{sections.length > 0 && ` Links go into sections: ${list(sections)}.`} All of it can be changed in Settings.
			</p>
			<form onSubmit={save} class="welcome-name">
				<label for="welcome-name">Name your newsletter</label>
				<input id="welcome-name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
				<button type="submit">Save name</button>
			</form>
			<p role="status">{status}</p>
			<SaveFailure failure={failure} />
			<h3>Saving a page while you read</h3>
			<ul>
				<li>Click the Linkletter button in the browser's toolbar.</li>
				<li>
					{shortcut === undefined
						? "Or use the keyboard shortcut…"
						: shortcut
							? `Or press ${shortcut}.`
							: "Or set a keyboard shortcut: none is set yet."}{" "}
					{shortcut === "" && (
						<button type="button" onClick={() => void deps.openShortcutSettings()}>
							Set a shortcut
						</button>
					)}
				</li>
				<li>Or right-click the page or a link and choose “Save page to Linkletter” or “Save link to Linkletter”.</li>
			</ul>
			<p>Each save asks for a note and a section; on publishing day this page compiles them into the issue.</p>
			<button type="button" onClick={dismiss}>
				Got it, hide the welcome
			</button>
		</section>
	);
}
