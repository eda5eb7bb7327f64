import { useMemo, useState } from "preact/hooks";
import type { Issue } from "../src/core/issue.ts";
import { describeVariables, type ReferenceEntry, templateReference } from "../src/core/template/reference.ts";

function Entries(props: { title: string; entries: readonly ReferenceEntry[] }) {
	return (
		<section aria-label={`Template ${props.title.toLowerCase()}`}>
			<h4>{props.title}</h4>
			<dl class="reference-entries">
				{props.entries.map((e) => (
					<div key={e.name} class="reference-entry">
						<dt>
							<code>{e.name}</code> — {e.summary}
						</dt>
						<dd>
							<code>{e.example}</code> → <code>{e.exampleOutput}</code>
							{e.note && <p class="help">{e.note}</p>}
						</dd>
					</div>
				))}
			</dl>
		</section>
	);
}

/**
 * What a template can use, beside the editor: every variable with its value
 * in the current draft, every tag and filter with an example, and where the
 * engine differs from Liquid. Built from the engine's own tables
 * (templateReference, describeVariables), so it lists exactly what works.
 */
export function TemplateReference(props: { issue: Issue }) {
	// Built only once opened: hundreds of rows, and the draft's values walked again on every edit.
	const [open, setOpen] = useState(false);
	return (
		<details class="template-reference" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
			<summary>Template reference</summary>
			{open && <ReferenceBody issue={props.issue} />}
		</details>
	);
}

function ReferenceBody(props: { issue: Issue }) {
	const reference = useMemo(() => templateReference(), []);
	const variables = useMemo(() => describeVariables({ issue: props.issue }), [props.issue]);
	return (
		<>
			<section aria-label="Template variables">
				<h4>Variables (this draft’s values)</h4>
				<table>
					<thead>
						<tr>
							<th scope="col">Variable</th>
							<th scope="col">Value</th>
						</tr>
					</thead>
					<tbody>
						{variables.map((v) => (
							<tr key={v.path}>
								<td>
									<code>{v.path}</code>
								</td>
								<td>{v.preview}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
			<Entries title="Syntax" entries={reference.syntax} />
			<Entries title="Tags" entries={reference.tags} />
			<Entries title="Filters" entries={reference.filters} />
			<section aria-label="Differences from Liquid">
				<h4>Differences from Liquid</h4>
				<ul>
					{reference.differences.map((d) => (
						<li key={d}>{d}</li>
					))}
				</ul>
			</section>
			<section aria-label="Date directives">
				<h4>Date directives</h4>
				<ul class="reference-dates">
					{reference.dateDirectives.map((d) => (
						<li key={d.directive}>
							<code>{d.directive}</code> {d.sample}
						</li>
					))}
				</ul>
			</section>
		</>
	);
}
