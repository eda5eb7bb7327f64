import { useEffect, useRef, useState } from "preact/hooks";
import { byPosition, type Capture, type Section } from "../src/core/capture.ts";
import { CaptureCard } from "./capture-card.tsx";
import { type CardActions, sectionHeadingId } from "./card-actions.ts";
import type { DraftData, OptionsDeps } from "./deps.ts";
import { memo } from "./memo.ts";
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

/**
 * Cards painted with the page: more than a first screen holds (at 1280×900
 * the issue details leave room for two), and the rest follow in batches
 * while the browser is idle, small enough (a few ms each) that a key or a
 * click arriving meanwhile waits little for its turn.
 */
const FIRST_PAINT = 8;
const BATCH = 25;

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

/** Reuse `prev`'s group for every section whose captures are the same objects in the same order. */
export function shareSections(prev: readonly DraftSection[], next: DraftSection[]): DraftSection[] {
	const before = new Map(prev.map((g) => [g.section.id, g]));
	return next.map((g) => {
		const p = before.get(g.section.id);
		const same =
			p !== undefined &&
			p.section === g.section &&
			p.captures.length === g.captures.length &&
			p.captures.every((c, i) => c === g.captures[i]);
		return same ? p : g;
	});
}

/** What every section shares while a card is dragged: which card, and the drop marker. */
interface DragState {
	dragging: string | undefined;
	marker: { el: Element; cls: string } | undefined;
}

function mark(drag: DragState, el: Element | undefined, cls = ""): void {
	if (drag.marker && (drag.marker.el !== el || drag.marker.cls !== cls)) {
		drag.marker.el.classList.remove(drag.marker.cls);
		drag.marker = undefined;
	}
	if (el && cls && !drag.marker) {
		el.classList.add(cls);
		drag.marker = { el, cls };
	}
}

/** Where a drop at this point of a section lands: before or after the card under the pointer, else at the end. */
function placeAt(event: DragEvent, group: DraftSection, dragging: string | undefined) {
	const others = group.captures.filter((c) => c.id !== dragging);
	const item = (event.target as Element).closest<HTMLElement>("li[data-capture]");
	const over = item?.dataset.capture;
	if (!item || over === undefined || over === dragging) {
		return { index: others.length, el: item ?? undefined, cls: item ? "" : "drop-end" };
	}
	const box = item.getBoundingClientRect();
	const after = event.clientY > box.top + box.height / 2;
	const at = others.findIndex((c) => c.id === over);
	return { index: at + (after ? 1 : 0), el: item, cls: after ? "drop-after" : "drop-before" };
}

/** One section of the draft: its heading and cards; re-renders only when its own captures change. */
const SectionView = memo(function SectionView(props: {
	group: DraftSection;
	/** How many of its cards are rendered yet. */
	shown: number;
	sections: readonly Section[];
	deps: OptionsDeps;
	editors: OpenEditors;
	actions: CardActions;
	drag: DragState;
	/** The dragged capture, wherever it comes from. */
	find: (id: string) => Capture | undefined;
}) {
	const { group, drag } = props;
	const { section, captures } = group;
	return (
		<section
			class="section"
			aria-labelledby={sectionHeadingId(section.id)}
			onDragOver={(event) => {
				if (!drag.dragging || !section.id) return;
				event.preventDefault();
				const { el, cls } = placeAt(event, group, drag.dragging);
				mark(drag, cls === "drop-end" ? (event.currentTarget as Element) : el, cls);
			}}
			onDragLeave={(event) => {
				if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) mark(drag, undefined);
			}}
			onDrop={(event) => {
				const id = drag.dragging;
				mark(drag, undefined);
				if (!id || !section.id) return;
				event.preventDefault();
				const capture = props.find(id);
				const { index } = placeAt(event, group, id);
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
					{captures.slice(0, props.shown).map((capture, i) => (
						<li key={capture.id} data-capture={capture.id}>
							<CaptureCard
								capture={capture}
								sections={props.sections}
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
			{props.shown < captures.length && (
				<p class="more" aria-hidden="true">
					{captures.length - props.shown} more loading…
				</p>
			)}
		</section>
	);
});

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
	const drag = useRef<DragState>({ dragging: undefined, marker: undefined }).current;
	const latest = useRef(draft.captures);
	latest.current = draft.captures;
	const find = useRef((id: string) => latest.current.find((c) => c.id === id)).current;
	let budget = limit;
	return (
		<section
			class="draft"
			aria-label="Draft issue"
			onDragStart={(event) => {
				const id = (event.target as HTMLElement).dataset?.drag;
				if (!id || !event.dataTransfer) return;
				drag.dragging = id;
				event.dataTransfer.effectAllowed = "move";
				event.dataTransfer.setData(DRAG_TYPE, id);
				const card = (event.target as HTMLElement).closest("article");
				if (card) event.dataTransfer.setDragImage(card, 24, 24);
				card?.classList.add("dragging");
			}}
			onDragEnd={(event) => {
				(event.target as HTMLElement).closest("article")?.classList.remove("dragging");
				drag.dragging = undefined;
				mark(drag, undefined);
			}}
		>
			{draft.captures.length === 0 && (
				<p class="empty">Nothing saved yet. Click the Linkletter button on a page you want to feature.</p>
			)}
			{sections.map((group) => {
				const shown = Math.min(group.captures.length, Math.max(0, budget));
				budget -= shown;
				return (
					<SectionView
						key={group.section.id}
						group={group}
						shown={shown}
						sections={draft.newsletter.sections}
						deps={props.deps}
						editors={props.editors}
						actions={props.actions}
						drag={drag}
						find={find}
					/>
				);
			})}
		</section>
	);
}
