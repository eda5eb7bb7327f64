import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Capture } from "../src/core/capture.ts";
import { compileIssue, issueTitle } from "../src/core/issue.ts";
import type { SentIssue } from "../src/core/newsletter.ts";
import { renderOptions } from "../src/core/render/index.ts";
import { buildSearchIndex, findTerm, foldText, queryTerms, search } from "../src/core/search.ts";
import type { OptionsDeps } from "./deps.ts";
import { ExportPanel } from "./export-panel.tsx";
import { Marked } from "./search-view.tsx";

/** A capture to show in its past issue, from a search result. */
export interface PastFocus {
	issue: number;
	captureId: string;
}

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

/** A sent issue's links, by section in the issue's order; the focused one highlighted and focused. */
function IssueLinks({
	sent,
	only,
	focusId,
	terms,
}: {
	sent: SentIssue;
	only?: ReadonlySet<string>;
	focusId?: string;
	terms: string;
}) {
	const focused = useRef<HTMLLIElement>(null);
	useLayoutEffect(() => {
		focused.current?.focus();
		focused.current?.scrollIntoView?.({ block: "center" });
	}, [focusId]);
	const index = useMemo(() => buildSearchIndex(sent.captures), [sent]);
	const titles = useMemo(
		() => new Map(search(index, { text: terms }, sent.captures.length).hits.map((h) => [h.capture.id, h.title])),
		[index, terms, sent],
	);
	const sections = sent.newsletter.sections
		.map((section) => ({ section, captures: sent.captures.filter((c) => c.section === section.id) }))
		.filter((s) => s.captures.length > 0);
	const known = new Set(sent.newsletter.sections.map((s) => s.id));
	const other = sent.captures.filter((c) => !known.has(c.section));
	const groups = other.length > 0 ? [...sections, { section: { id: "", name: "Other" }, captures: other }] : sections;
	const item = (c: Capture) => (
		<li
			key={c.id}
			ref={c.id === focusId ? focused : undefined}
			tabIndex={c.id === focusId ? -1 : undefined}
			class={c.id === focusId ? "past-link found" : "past-link"}
			aria-current={c.id === focusId ? "true" : undefined}
		>
			<a href={c.url} target="_blank" rel="noopener noreferrer">
				<Marked text={titles.get(c.id) ?? { text: c.title || c.url, ranges: [] }} />
			</a>
		</li>
	);
	return (
		<div class="past-links">
			{groups.map(({ section, captures }) => {
				const shown = only ? captures.filter((c) => only.has(c.id)) : captures;
				if (shown.length === 0) return null;
				return (
					<div key={section.id}>
						<h4>{section.name}</h4>
						<ul>{shown.map(item)}</ul>
					</div>
				);
			})}
		</div>
	);
}

/**
 * Sent issues, newest first, each with its number, title, date and count;
 * opened, its links by section and its export exactly as sent. The filter
 * keeps the issues whose title or links match every word typed.
 */
export function PastIssues({
	deps,
	version,
	focus,
}: {
	deps: OptionsDeps;
	version: number;
	/** Open this issue with this capture highlighted (from search). */
	focus?: PastFocus;
}) {
	const [issues, setIssues] = useState<SentIssue[]>();
	const [open, setOpen] = useState<number | undefined>(focus?.issue);
	const [filter, setFilter] = useState("");
	useEffect(() => {
		deps.listSent().then(setIssues, () => setIssues([]));
	}, [deps, version]);
	useEffect(() => {
		if (focus) setOpen(focus.issue);
	}, [focus]);
	const titled = useMemo(
		() => (issues ?? []).map((sent) => ({ sent, title: issueTitle(sent.newsletter, sent.number) })),
		[issues],
	);
	// Built on the first filtered keystroke, not when the list opens: most visits never filter.
	const index = useMemo(() => {
		let built: ReturnType<typeof buildSearchIndex> | undefined;
		return () => {
			built ??= buildSearchIndex(titled.flatMap((i) => i.sent.captures));
			return built;
		};
	}, [titled]);
	const matches = useMemo(() => {
		if (!filter.trim()) return undefined;
		const found = new Set(search(index(), { text: filter }, Number.POSITIVE_INFINITY).hits.map((h) => h.capture.id));
		const terms = queryTerms(filter);
		const byTitle = new Set(
			titled
				.filter(({ sent, title }) => {
					const folded = foldText(`${title} ${sent.meta.date}`);
					return terms.every((term, i) => findTerm(folded, term, i === terms.length - 1) !== -1);
				})
				.map(({ sent }) => sent.number),
		);
		return { found, byTitle };
	}, [filter, index, titled]);
	if (!issues) return <p>Loading…</p>;
	if (issues.length === 0) return <p>No issue has been sent yet.</p>;
	const shown = titled.filter(
		({ sent }) => !matches || matches.byTitle.has(sent.number) || sent.captures.some((c) => matches.found.has(c.id)),
	);
	return (
		<section aria-labelledby="past-heading">
			<h2 id="past-heading">Past issues</h2>
			<label for="past-filter">Filter past issues</label>
			<input
				id="past-filter"
				type="search"
				value={filter}
				aria-describedby="past-count"
				onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
			/>
			<p id="past-count" role="status">
				{matches ? `${shown.length} of ${issues.length} issues match.` : `${issues.length} issues sent.`}
			</p>
			<ul class="past">
				{shown.map(({ sent, title }) => {
					const expanded = open === sent.number;
					const only = matches && !matches.byTitle.has(sent.number) ? matches.found : undefined;
					return (
						<li key={sent.number}>
							<button
								type="button"
								aria-expanded={expanded}
								aria-controls={`past-${sent.number}`}
								onClick={() => setOpen(expanded ? undefined : sent.number)}
							>
								#{sent.number} · {sent.meta.date} · {sent.captures.length} links — {title}
							</button>
							{expanded && (
								<div id={`past-${sent.number}`} class="past-issue">
									<IssueLinks
										sent={sent}
										only={only}
										terms={filter}
										focusId={focus?.issue === sent.number ? focus.captureId : undefined}
									/>
									<SentIssueView sent={sent} deps={deps} />
								</div>
							)}
						</li>
					);
				})}
			</ul>
		</section>
	);
}
