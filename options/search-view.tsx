import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import {
	buildSearchIndex,
	type Highlighted,
	isEmptyQuery,
	type SearchQuery,
	type SearchResults,
	search,
	searchFacets,
} from "../src/core/search.ts";
import type { OptionsDeps } from "./deps.ts";

/** Results shown at once; the rest are counted ("N more"), so a broad query stays quick. */
export const SHOWN_RESULTS = 50;

/** Text with its matched stretches in <mark>. */
export function Marked({ text }: { text: Highlighted }) {
	const parts = [];
	let at = 0;
	for (const [a, b] of text.ranges) {
		if (a > at) parts.push(text.text.slice(at, a));
		parts.push(<mark key={a}>{text.text.slice(a, b)}</mark>);
		at = b;
	}
	if (at < text.text.length) parts.push(text.text.slice(at));
	return <>{parts}</>;
}

const issueName = (issue: number | null) => (issue === null ? "Draft" : `Issue #${issue}`);

/**
 * Search the draft and every past issue as you type: every word must match
 * (title, note, site, author, link or quote), filtered by section, site and
 * issue; a result opens in its issue.
 */
export function SearchView(props: {
	deps: Pick<OptionsDeps, "listAllCaptures">;
	sections: readonly Section[];
	/** Changes when the stored data did: the captures are read again. */
	version: number;
	onOpen: (capture: Capture) => void;
}) {
	const { deps, version } = props;
	const [captures, setCaptures] = useState<Capture[]>();
	const [failed, setFailed] = useState(false);
	const [query, setQuery] = useState<SearchQuery>({ text: "" });
	useEffect(() => {
		deps.listAllCaptures().then(
			(all) => {
				setCaptures(all);
				setFailed(false);
			},
			() => setFailed(true),
		);
	}, [deps, version]);
	const index = useMemo(() => buildSearchIndex(captures ?? []), [captures]);
	const facets = useMemo(() => searchFacets(index), [index]);
	// Each keystroke that only adds letters looks among the last results' matches, not every capture.
	const last = useRef<SearchResults | undefined>(undefined);
	const results = useMemo(() => {
		last.current = search(index, query, SHOWN_RESULTS, last.current);
		return last.current;
	}, [index, query]);
	const sectionName = useMemo(() => new Map(props.sections.map((s) => [s.id, s.name])), [props.sections]);
	const set = (change: Partial<SearchQuery>) => setQuery((q) => ({ ...q, ...change }));
	const more = results.total - results.hits.length;

	return (
		<section aria-labelledby="search-heading" class="search">
			<h2 id="search-heading">Search</h2>
			<div class="search-controls">
				<div class="search-box">
					<label for="search-text">Search saved links</label>
					<input
						id="search-text"
						type="search"
						autoComplete="off"
						value={query.text}
						onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
					/>
				</div>
				<div>
					<label for="search-section">Section</label>
					<select
						id="search-section"
						value={query.section ?? ""}
						onChange={(e) => set({ section: (e.currentTarget as HTMLSelectElement).value || undefined })}
					>
						<option value="">Any section</option>
						{props.sections.map((s) => (
							<option key={s.id} value={s.id}>
								{s.name}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="search-site">Site</label>
					<select
						id="search-site"
						value={query.site ?? ""}
						onChange={(e) => set({ site: (e.currentTarget as HTMLSelectElement).value || undefined })}
					>
						<option value="">Any site</option>
						{facets.sites.map((site) => (
							<option key={site} value={site}>
								{site}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="search-issue">Issue</label>
					<select
						id="search-issue"
						value={query.issue === undefined ? "" : String(query.issue)}
						onChange={(e) => {
							const value = (e.currentTarget as HTMLSelectElement).value;
							set({ issue: value === "" ? undefined : value === "draft" ? "draft" : Number(value) });
						}}
					>
						<option value="">Any issue</option>
						{facets.issues.map((issue) => (
							<option key={issue} value={String(issue)}>
								{issue === "draft" ? "The draft" : `#${issue}`}
							</option>
						))}
					</select>
				</div>
			</div>
			<p role="status" class="search-count">
				{failed
					? "Could not read your saved links."
					: captures === undefined
						? "Reading your saved links…"
						: isEmptyQuery(query)
							? `Type to search ${captures.length.toLocaleString("en")} saved links.`
							: results.total === 0
								? "No saved link matches."
								: more > 0
									? `${results.total.toLocaleString("en")} results; the best ${results.hits.length} shown, ${more.toLocaleString("en")} more. Add a word or a filter to narrow them.`
									: `${results.total} ${results.total === 1 ? "result" : "results"}.`}
			</p>
			{results.hits.length > 0 && (
				<ol class="search-results" aria-label="Search results">
					{results.hits.map((hit) => (
						<li key={hit.capture.id} class="search-result">
							<p class="search-where">
								{issueName(hit.capture.issue)} · {sectionName.get(hit.capture.section) ?? "Unsorted"}
								{hit.site && ` · ${hit.site}`}
							</p>
							<h3>
								<a href={hit.capture.url} target="_blank" rel="noopener noreferrer">
									<Marked text={hit.title.text ? hit.title : { text: hit.capture.url, ranges: [] }} />
								</a>
							</h3>
							{hit.excerpt.text && (
								<p class="search-excerpt">
									<Marked text={hit.excerpt} />
								</p>
							)}
							<button
								type="button"
								aria-label={`Open in issue: ${hit.capture.title || hit.capture.url}`}
								onClick={() => props.onOpen(hit.capture)}
							>
								Open in issue
							</button>
						</li>
					))}
				</ol>
			)}
		</section>
	);
}
