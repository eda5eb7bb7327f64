import { useEffect, useMemo, useState } from "preact/hooks";
import { compileIssue } from "../src/core/issue.ts";
import type { SentIssue } from "../src/core/newsletter.ts";
import { renderOptions } from "../src/core/render/index.ts";
import type { OptionsDeps } from "./deps.ts";
import { ExportPanel } from "./export-panel.tsx";

function SentIssueView({ sent, deps }: { sent: SentIssue; deps: Pick<OptionsDeps, "copy" | "download"> }) {
	// Compiled from the frozen copy with the templates of the day: exactly as it went out.
	const issue = useMemo(() => compileIssue(sent.captures, sent.newsletter, sent.meta), [sent]);
	const options = useMemo(() => renderOptions(sent.newsletter), [sent]);
	return (
		<ExportPanel
			issue={issue}
			templates={sent.templates}
			frozen={sent.outputs}
			renderOptions={options}
			deps={deps}
			heading={`${issue.title}, as sent`}
		/>
	);
}

/** Sent issues, newest first; each can be exported again exactly as sent. */
export function PastIssues({ deps, version }: { deps: OptionsDeps; version: number }) {
	const [issues, setIssues] = useState<SentIssue[]>();
	const [open, setOpen] = useState<number>();
	useEffect(() => {
		deps.listSent().then(setIssues, () => setIssues([]));
	}, [deps, version]);
	if (!issues) return <p>Loading…</p>;
	if (issues.length === 0) return <p>No issue has been sent yet.</p>;
	const shown = issues.find((i) => i.number === open);
	return (
		<section aria-labelledby="past-heading">
			<h2 id="past-heading">Past issues</h2>
			<ul class="past">
				{issues.map((i) => (
					<li key={i.number}>
						<button type="button" aria-pressed={open === i.number} onClick={() => setOpen(i.number)}>
							#{i.number} · {i.meta.date} · {i.captures.length} links
						</button>
					</li>
				))}
			</ul>
			{shown && <SentIssueView sent={shown} deps={deps} />}
		</section>
	);
}
