import { useMemo, useState } from "preact/hooks";
import { byPosition, type Capture, type Section } from "../src/core/capture.ts";
import { CaptureCard } from "./capture-card.tsx";
import type { DraftData, OptionsDeps } from "./deps.ts";
import type { OpenEditors } from "./open-editors.ts";
import { usedTags } from "./tags-input.tsx";

/** Sections in the newsletter's order; captures of unknown sections are listed last, never hidden. */
function bySection(draft: DraftData): { section: Section; captures: Capture[] }[] {
	const known = new Set(draft.newsletter.sections.map((s) => s.id));
	const groups = draft.newsletter.sections.map((section) => ({
		section,
		captures: draft.captures.filter((c) => c.section === section.id).sort(byPosition),
	}));
	const orphans = draft.captures.filter((c) => !known.has(c.section));
	if (orphans.length > 0) {
		groups.push({
			section: { id: "", name: "Unsorted", layout: "entries" },
			captures: orphans,
		});
	}
	return groups;
}

/** Captures shown per section before "Show more": keeps a huge draft quick to open. */
const PAGE = 100;

/** The draft issue, section by section, in the order saved. */
export function DraftList(props: {
	draft: DraftData;
	deps: OptionsDeps;
	editors: OpenEditors;
	onChanged: () => void;
	onDelete: (capture: Capture) => void;
	onMove: (capture: Capture, by: -1 | 1) => void;
	onToggleHold: (capture: Capture) => void;
}) {
	const { draft } = props;
	const [shown, setShown] = useState<Record<string, number>>({});
	const tags = useMemo(() => usedTags([...draft.captures, ...draft.recent.flatMap((i) => i.captures)]), [draft]);
	return (
		<section class="draft" aria-label="Draft issue">
			{draft.captures.length === 0 && (
				<p class="empty">Nothing saved yet. Click the Linkletter button on a page you want to feature.</p>
			)}
			{bySection(draft).map(({ section, captures }) => (
				<section key={section.id} class="section" aria-labelledby={`section-${section.id}`}>
					<h2 id={`section-${section.id}`}>
						{section.name} <span class="count">({captures.length})</span>
					</h2>
					<ol>
						{captures.slice(0, shown[section.id] ?? PAGE).map((capture) => (
							<li key={capture.id}>
								<CaptureCard
									capture={capture}
									sections={draft.newsletter.sections}
									tagSuggestions={tags}
									deps={props.deps}
									editors={props.editors}
									onChanged={props.onChanged}
									onDelete={props.onDelete}
									onMove={props.onMove}
									onToggleHold={props.onToggleHold}
								/>
							</li>
						))}
					</ol>
					{captures.length > (shown[section.id] ?? PAGE) && (
						<button
							type="button"
							onClick={() => setShown({ ...shown, [section.id]: (shown[section.id] ?? PAGE) + PAGE * 5 })}
						>
							Show more of {section.name} ({captures.length - (shown[section.id] ?? PAGE)} not shown)
						</button>
					)}
				</section>
			))}
		</section>
	);
}
