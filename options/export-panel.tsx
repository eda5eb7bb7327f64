import { useMemo, useState } from "preact/hooks";
import { compileIssue } from "../src/core/issue.ts";
import { renderIssue } from "../src/core/render/index.ts";
import type { DraftData, OptionsDeps } from "./deps.ts";

/** A file name for the issue: "SRE Weekly Issue #90" → "sre-weekly-issue-90.md". */
export function exportFilename(title: string, extension: string): string {
	const slug = title
		.normalize("NFKD")
		.replace(/[^\p{L}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "")
		.toLowerCase();
	return `${slug || "issue"}.${extension}`;
}

/** The issue as Markdown, with Copy and Download. */
export function ExportPanel({ draft, deps }: { draft: DraftData; deps: OptionsDeps }) {
	const [status, setStatus] = useState<string>();
	const issue = useMemo(() => compileIssue(draft.captures, draft.newsletter, draft.meta), [draft]);
	const markdown = useMemo(() => renderIssue(issue, "md"), [issue]);

	const copy = async () => {
		try {
			await deps.copy({ text: markdown, html: renderIssue(issue, "html") });
			setStatus("Copied: paste into your email tool for formatted text, or into an editor for Markdown.");
		} catch (e) {
			setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
		}
	};
	const download = () => {
		deps.download(exportFilename(issue.title, "md"), markdown, "text/markdown");
		setStatus("Downloaded.");
	};

	return (
		<section class="export" aria-labelledby="export-heading">
			<h2 id="export-heading">Export</h2>
			<label for="export-md">Markdown</label>
			<textarea id="export-md" readOnly rows={24} value={markdown} />
			<div class="actions">
				<button type="button" onClick={copy}>
					Copy
				</button>
				<button type="button" onClick={download}>
					Download
				</button>
			</div>
			<p role="status">{status}</p>
		</section>
	);
}
