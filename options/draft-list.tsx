import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { byPosition, type Capture, type Section } from "../src/core/capture.ts";
import { CaptureCard } from "./capture-card.tsx";
import { type CardActions, sectionHeadingId } from "./card-actions.ts";
import type { DraftData, OptionsDeps } from "./deps.ts";
import type { OpenEditors } from "./open-editors.ts";

export interface DraftSection {
	section: Section;
	captures: Capture[];
}

/** Sections in the newsletter's order; captures of unknown sections are listed last, never hidden. */
export function bySection(draft: Pick<DraftData, "newsletter" | "captures">): DraftSection[] {
	const known = new Set(draft.newsletter.sections.map((s) => s.id));
	const buckets = new Map<string, Capture[]>(draft.newsletter.sections.map((s) => [s.id, []]));
	const orphans: Capture[] = [];
	for (const c of draft.captures) (known.has(c.section) ? buckets.get(c.section) : orphans)?.push(c);
	const groups = draft.newsletter.sections.map((section) => ({
		section,
		captures: (buckets.get(section.id) ?? []).sort(byPosition),
	}));
	if (orphans.length > 0) {
		groups.push({ section: { id: "", name: "Unsorted", layout: "entries" }, captures: orphans.sort(byPosition) });
	}
	return groups;
}

/** Cards painted with the page; the rest follow in batches while the browser is idle. */
const FIRST_PAINT = 60;
const BATCH = 150;

const DRAG_TYPE = "application/x-linkletter-capture";

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
function whenIdle(callback: () => void): () => void {
	const w = window as IdleWindow;
	if (w.requestIdleCallback) {
		const handle = w.requestIdleCallback(callback, { timeout: 200 });
		return () => w.cancelIdleCallback?.(handle);
	}
	const timer = setTimeout(callback, 16);
	return () => clearTimeout(timer);
}

/** Rendering more cards in idle time until all are there: a 1,000-link draft paints its top at once. */
function useRenderLimit(total: number): number {
	const [limit, setLimit] = useState(FIRST_PAINT);
	useEffect(() => {
		if (limit >= total) return;
		return whenIdle(() => setLimit((l) => l + BATCH));
	}, [limit, total]);
	return limit;
}

/**
 * The draft issue, section by section, in the order saved. Cards move by
 * drag and drop (by their handle), by keyboard and by their Move menu; a
 * drop anywhere on a section lands where the marker shows.
 */
export function DraftList(props: {
	draft: DraftData;
	sections: DraftSection[];
	deps: OptionsDeps;
	editors: OpenEditors;
	actions: CardActions;
}) {
	const { draft, sections } = props;
	const limit = useRenderLimit(draft.captures.length);
	const dragging = useRef<string | undefined>(undefined);
	const marker = useRef<{ el: Element; cls: string } | undefined>(undefined);
	const byId = useMemo(() => new Map(draft.captures.map((c) => [c.id, c])), [draft.captures]);

	const mark = (el: Element | undefined, cls = "") => {
		if (marker.current && (marker.current.el !== el || marker.current.cls !== cls)) {
			marker.current.el.classList.remove(marker.current.cls);
			marker.current = undefined;
		}
		if (el && cls && !marker.current) {
			el.classList.add(cls);
			marker.current = { el, cls };
		}
	};
	/** Where a drop at this point of a section lands: before or after the card under the pointer, else at the end. */
	const placeAt = (event: DragEvent, group: DraftSection) => {
		const others = group.captures.filter((c) => c.id !== dragging.current);
		const item = (event.target as Element).closest<HTMLElement>("li[data-capture]");
		const over = item?.dataset.capture;
		if (!item || over === undefined || over === dragging.current) {
			return { index: others.length, el: item ?? undefined, cls: item ? "" : "drop-end" };
		}
		const box = item.getBoundingClientRect();
		const after = event.clientY > box.top + box.height / 2;
		const at = others.findIndex((c) => c.id === over);
		return { index: at + (after ? 1 : 0), el: item, cls: after ? "drop-after" : "drop-before" };
	};

	let budget = limit;
	return (
		<section
			class="draft"
			aria-label="Draft issue"
			onDragStart={(event) => {
				const id = (event.target as HTMLElement).dataset?.drag;
				if (!id || !event.dataTransfer) return;
				dragging.current = id;
				event.dataTransfer.effectAllowed = "move";
				event.dataTransfer.setData(DRAG_TYPE, id);
				const card = (event.target as HTMLElement).closest("article");
				if (card) event.dataTransfer.setDragImage(card, 24, 24);
				card?.classList.add("dragging");
			}}
			onDragEnd={(event) => {
				(event.target as HTMLElement).closest("article")?.classList.remove("dragging");
				dragging.current = undefined;
				mark(undefined);
			}}
		>
			{draft.captures.length === 0 && (
				<p class="empty">Nothing saved yet. Click the Linkletter button on a page you want to feature.</p>
			)}
			{sections.map((group) => {
				const { section, captures } = group;
				const shown = captures.slice(0, Math.max(0, budget));
				budget -= shown.length;
				return (
					<section
						key={section.id}
						class="section"
						aria-labelledby={sectionHeadingId(section.id)}
						onDragOver={(event) => {
							if (!dragging.current || !section.id) return;
							event.preventDefault();
							const { el, cls } = placeAt(event, group);
							mark(cls === "drop-end" ? (event.currentTarget as Element) : el, cls);
						}}
						onDragLeave={(event) => {
							if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) mark(undefined);
						}}
						onDrop={(event) => {
							const id = dragging.current;
							mark(undefined);
							if (!id || !section.id) return;
							event.preventDefault();
							const capture = byId.get(id);
							const { index } = placeAt(event, group);
							if (capture) props.actions.move(capture, { kind: "place", place: { section: section.id, index } });
						}}
					>
						<h2 id={sectionHeadingId(section.id)} tabIndex={-1}>
							{section.name} <span class="count">{captures.length}</span>
							{section.layout === "list" && <span class="layout">list</span>}
						</h2>
						{captures.length === 0 ? (
							<p class="section-empty">Nothing here yet. Drag a card here, or use its Move menu.</p>
						) : (
							<ol>
								{shown.map((capture, i) => (
									<li key={capture.id} data-capture={capture.id}>
										<CaptureCard
											capture={capture}
											sections={draft.newsletter.sections}
											deps={props.deps}
											editors={props.editors}
											actions={props.actions}
											first={i === 0}
											last={i === captures.length - 1}
										/>
									</li>
								))}
							</ol>
						)}
						{shown.length < captures.length && (
							<p class="more" aria-hidden="true">
								{captures.length - shown.length} more loading…
							</p>
						)}
					</section>
				);
			})}
		</section>
	);
}
