import type { ComponentChildren } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import type { Issue } from "../src/core/issue.ts";
import {
	DEFAULT_TEMPLATES,
	FORMATS,
	type Format,
	isFormat,
	type RenderOptions,
	renderIssue,
} from "../src/core/render/index.ts";
import { slug } from "../src/core/slug.ts";
import type { OptionsDeps } from "./deps.ts";
import { PartialsEditor } from "./partials-editor.tsx";
import type { Failure } from "./save-failure.tsx";
import { TemplateEditor } from "./template-editor.tsx";
import { TemplateReference } from "./template-reference.tsx";

export const FORMAT_NAMES: Record<Format, string> = { md: "Markdown", html: "HTML", txt: "Plain text", json: "JSON" };
const MIME: Record<Format, string> = {
	md: "text/markdown",
	html: "text/html",
	txt: "text/plain",
	json: "application/json",
};

/** A file name for the issue: "SRE Weekly Issue #90" → "sre-weekly-issue-90.md". */
export function exportFilename(title: string, extension: string): string {
	return `${slug(title) || "issue"}.${extension}`;
}

/**
 * The preview loads nothing from the network: an image in a note stays a
 * placeholder until the email is really sent. (Linkletter makes no request
 * of its own, and a preview must not tell a tracker the curator looked.)
 */
const PREVIEW_POLICY =
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">";

/** The export with the no-network policy first in its head (before the doctype would mean quirks mode). */
export function withPreviewPolicy(html: string): string {
	const head = /<head(?:\s[^>]*)?>/i.exec(html);
	if (!head) return PREVIEW_POLICY + html;
	const at = head.index + head[0].length;
	return html.slice(0, at) + PREVIEW_POLICY + html.slice(at);
}

type Rendered = { output: string; error?: undefined } | { output?: undefined; error: Error };

function tryRender(issue: Issue, format: Format, template: string | undefined, options?: RenderOptions): Rendered {
	try {
		return { output: renderIssue(issue, format, template, options) };
	} catch (error) {
		return { error: error instanceof Error ? error : new Error(String(error)) };
	}
}

/**
 * The issue in every format: a live preview (HTML in a sandboxed frame), Copy
 * (rich HTML and plain text together), Download, and — when
 * `onTemplatesChange` is given — the template editor.
 */
export function ExportPanel(props: {
	issue: Issue;
	templates: Record<string, string>;
	deps: Pick<OptionsDeps, "copy" | "download">;
	onTemplatesChange?: (templates: Record<string, string>) => void;
	/** The templates could not be stored: shown in the editor, with Retry. */
	templateSaveFailure?: Failure | undefined;
	heading?: string;
	/** A sent issue's formats exactly as they went out; shown instead of rendering again. */
	frozen?: Record<string, string>;
	/** The newsletter's partials and HTML style map. */
	renderOptions?: RenderOptions;
	/** With the editor: store one format's partials. */
	onPartialsChange?: (format: Format, partials: Record<string, string>) => Promise<void>;
	/** Shown under the export's actions, above the template editors (the checklist and Mark as sent). */
	children?: ComponentChildren;
}) {
	const { issue, templates, frozen } = props;
	/** A format's text: as sent when frozen, else rendered with the curator's template. */
	const options = props.renderOptions;
	const renderFor = (f: Format, template: string | undefined): Rendered =>
		frozen?.[f] !== undefined ? { output: frozen[f] } : tryRender(issue, f, template, options);
	const [format, setFormat] = useState<Format>("md");
	const [status, setStatus] = useState<string>();
	const lastGood = useRef<Partial<Record<Format, string>>>({});
	const template = templates[format];
	const rendered = useMemo(() => renderFor(format, template), [issue, format, template, frozen, options]);
	// A template mistake never blanks the preview: the last good output stays until it is fixed.
	if (rendered.output !== undefined) lastGood.current[format] = rendered.output;
	const output =
		rendered.output ?? lastGood.current[format] ?? tryRender(issue, format, undefined, options).output ?? "";

	const copy = async () => {
		try {
			const html =
				format === "json" ? undefined : format === "html" ? output : renderFor("html", templates.html).output;
			const text = format === "html" ? (renderFor("txt", templates.txt).output ?? output) : output;
			await props.deps.copy(html === undefined ? { text } : { text, html });
			setStatus(
				format === "json"
					? "Copied the JSON."
					: `Copied: pasting into an email tool keeps the formatting; into a text editor gives ${format === "md" ? "Markdown" : "plain text"}.`,
			);
		} catch (e) {
			setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
		}
	};
	const download = () => {
		props.deps.download(exportFilename(issue.title, format), output, MIME[format]);
		setStatus("Downloaded.");
	};
	const editTemplate = (text: string | undefined) => {
		const next = { ...templates };
		if (text === undefined) delete next[format];
		else next[format] = text;
		props.onTemplatesChange?.(next);
	};
	const id = `export-${format}`;

	return (
		<section class="export" aria-labelledby="export-heading">
			<div class="pane-head">
				<h2 id="export-heading">{props.heading ?? "Export"}</h2>
				<div class="toolbar">
					<label for="export-format" class="inline-label">
						Format
					</label>
					<select
						id="export-format"
						value={format}
						onChange={(e) => {
							const value = (e.currentTarget as HTMLSelectElement).value;
							if (isFormat(value)) setFormat(value);
						}}
					>
						{FORMATS.map((f) => (
							<option key={f} value={f}>
								{FORMAT_NAMES[f]}
							</option>
						))}
					</select>
					<button type="button" class="primary" onClick={copy}>
						Copy
					</button>
					<button type="button" onClick={download}>
						Download
					</button>
				</div>
			</div>
			<p role="status" class="status">
				{status}
			</p>
			{format === "html" ? (
				<iframe class="preview" title="HTML preview" sandbox="" srcdoc={withPreviewPolicy(output)} />
			) : (
				<>
					<label for={id} class="sr-only">
						{FORMAT_NAMES[format]}
					</label>
					<textarea id={id} class="preview" readOnly rows={24} value={output} />
				</>
			)}
			{props.children}
			{props.onTemplatesChange && (
				<TemplateEditor
					formatName={FORMAT_NAMES[format]}
					value={template ?? DEFAULT_TEMPLATES[format]}
					isDefault={template === undefined}
					error={rendered.error}
					saveFailure={props.templateSaveFailure}
					onChange={editTemplate}
				/>
			)}
			{props.onPartialsChange && (
				<PartialsEditor
					key={`${format}:${JSON.stringify(options?.partials?.[format] ?? {})}`}
					format={format}
					formatName={FORMAT_NAMES[format]}
					partials={options?.partials?.[format] ?? {}}
					onSave={(partials) => props.onPartialsChange?.(format, partials) ?? Promise.resolve()}
				/>
			)}
			{props.onTemplatesChange && <TemplateReference issue={issue} />}
		</section>
	);
}
