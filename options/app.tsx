import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { byPosition, type Capture, draftIssueCaptures, editCapture } from "../src/core/capture.ts";
import { type CheckItem, checkExportShowsSections, checkIssue } from "../src/core/checklist.ts";
import { compileIssue } from "../src/core/issue.ts";
import type { SentIssue } from "../src/core/newsletter.ts";
import { datedMeta, newIssueMeta } from "../src/core/newsletter.ts";
import { DEFAULT_TEMPLATES, FORMATS, renderFormats, renderIssue, renderOptions } from "../src/core/render/index.ts";
import {
	moveCapture,
	moveCaptureAcross,
	moveCaptureTo,
	moveCaptureToBottom,
	moveCaptureToSection,
	moveCaptureToTop,
} from "../src/core/sections.ts";
import { BackupPanel } from "./backup-panel.tsx";
import { type CardActions, cardId, type MoveRequest, sectionHeadingId, useStableActions } from "./card-actions.ts";
import type { DraftData, OptionsDeps } from "./deps.ts";
import { bySection, DraftList, type DraftSection, shareSections } from "./draft-list.tsx";
import { DraftPane, type DraftPaneActions } from "./draft-pane.tsx";
import { FieldsEditor } from "./fields-editor.tsx";
import { afterNextPaint, atNextFrame } from "./frames.ts";
import { GoneEditors } from "./gone-editors.tsx";
import { ImportIssue } from "./import-issue.tsx";
import { IssueDetails } from "./issue-details.tsx";
import { useLeaveGuard } from "./leave-guard.ts";
import { goneMessage, hasUnsavedEdits, type OpenEditors } from "./open-editors.ts";
import { type PastFocus, PastIssues } from "./past-issues.tsx";
import { PersistStatus } from "./persist-status.tsx";
import { useSave } from "./save-failure.tsx";
import { SearchView } from "./search-view.tsx";
import { SectionsEditor } from "./sections-editor.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { StarterGallery } from "./starter-gallery.tsx";
import { STARTERS, startFrom } from "./starters.ts";
import { StyleMapEditor } from "./style-map-editor.tsx";
import { SyncPanel } from "./sync-panel.tsx";
import { usedTags } from "./tags-input.tsx";
import { type UndoEntry, UndoToast } from "./undo-toast.tsx";
import { useDeferred } from "./use-deferred.ts";
import { Welcome } from "./welcome.tsx";

type View = "draft" | "past" | "search" | "settings";
const VIEWS: Record<View, string> = {
	draft: "Draft issue",
	past: "Past issues",
	search: "Search",
	settings: "Settings",
};

function withoutHold(capture: Capture, now: number): Capture {
	const { held: _held, ...rest } = capture;
	return { ...rest, updatedAt: now };
}

/** Drafts up to this size open with their export at once; larger ones paint the draft first. */
const EXPORT_AT_ONCE = 50;

/**
 * The draft as loaded, reusing the objects of `prev` that did not change
 * (same capture version, same settings): memoised cards and sections then
 * skip the re-render a reload would otherwise cause on every card.
 */
function shareUnchanged(prev: DraftData | undefined, next: DraftData): DraftData {
	if (!prev) return next;
	const version = (c: Capture) => `${c.updatedAt}:${c.position}:${c.section}:${c.held === true}`;
	const old = new Map(prev.captures.map((c) => [c.id, c]));
	const captures = next.captures.map((c) => {
		const was = old.get(c.id);
		return was && version(was) === version(c) ? was : c;
	});
	const same = <T,>(a: T, b: T) => (JSON.stringify(a) === JSON.stringify(b) ? a : b);
	return { ...next, captures, newsletter: same(prev.newsletter, next.newsletter) };
}

/**
 * Focus the element with this id once it is on the page (a card may still be
 * rendering, or a reload arriving). Tried at the start of the next frame,
 * where the layout focus needs is the one the frame does anyway, not a
 * second one forced between frames.
 */
function focusSoon(id: string, tries = 40): void {
	atNextFrame(() => {
		const el = document.getElementById(id);
		if (el) {
			if (document.activeElement !== el) el.focus();
		} else if (tries > 0) setTimeout(() => focusSoon(id, tries - 1), 0);
	});
}

/** Mark the moment the frame now being prepared has been painted (the bench reads these marks). */
function markAfterPaint(name: string): void {
	afterNextPaint(() => performance.mark(name));
}

/** Ignore a shortcut typed into a field: there, Ctrl+Z undoes typing. */
function inField(target: EventTarget | null): boolean {
	return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

/** The issue editor: the draft by section, export and send; past issues; settings. */
export function App({ deps }: { deps: OptionsDeps }) {
	const [draft, setDraftState] = useState<DraftData>();
	// The draft as this page last showed it, for actions that run before the next render.
	const draftRef = useRef<DraftData | undefined>(undefined);
	const setDraft = useCallback((update: (d: DraftData | undefined) => DraftData | undefined) => {
		setDraftState((d: DraftData | undefined) => {
			const next = update(d);
			draftRef.current = next;
			return next;
		});
	}, []);
	const [error, setError] = useState<string>();
	const [toast, setToast] = useState<UndoEntry>();
	const [view, setView] = useState<View>("draft");
	const [version, setVersion] = useState(0);
	const editors = useRef<OpenEditors>(new Map());
	// Closing or reloading the tab with an edit not saved asks first.
	useLeaveGuard(() => hasUnsavedEdits(editors.current));
	// Open editors whose capture left the draft in another window, with what happened to it.
	const [gone, setGone] = useState<ReadonlyMap<string, string>>(new Map());
	// Templates as typed, until they are stored: a failed save or a reload never takes them away.
	const [typedTemplates, setTypedTemplates] = useState<Record<string, string>>();
	const latestTemplates = useRef<Record<string, string>>({});
	const templateSave = useSave();
	// Search: the capture a result opened, in the draft or in its past issue.
	const [draftFocus, setDraftFocus] = useState<string>();
	const [pastFocus, setPastFocus] = useState<PastFocus>();
	const [welcome, setWelcome] = useState(false);
	useEffect(() => {
		deps.welcome().then(setWelcome, () => setWelcome(false));
	}, [deps]);
	const openResult = (capture: Capture) => {
		if (capture.issue === null) {
			setDraftFocus(capture.id);
			setView("draft");
		} else {
			setPastFocus({ issue: capture.issue, captureId: capture.id });
			setView("past");
		}
	};
	useEffect(() => {
		if (view !== "draft" || !draftFocus || !draft) return;
		// A long draft paints its cards in batches: wait for this one (up to two seconds).
		let tries = 40;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const find = () => {
			const card = [...document.querySelectorAll<HTMLElement>("[data-capture-id]")].find(
				(el) => el.dataset.captureId === draftFocus,
			);
			if (!card) {
				if (tries-- > 0) timer = setTimeout(find, 50);
				return;
			}
			card.tabIndex = -1;
			card.classList.add("found");
			card.scrollIntoView?.({ block: "center" });
			card.focus();
			setDraftFocus(undefined);
		};
		find();
		return () => clearTimeout(timer);
	}, [view, draftFocus, draft]);

	/** Say what happened to captures being edited here that are no longer in the draft. */
	const noticeGone = useCallback(
		async (d: DraftData) => {
			const inDraft = new Set(d.captures.map((c) => c.id));
			const missing = [...editors.current].filter(([id]) => !inDraft.has(id));
			if (missing.length === 0) return;
			const found = await Promise.all(
				missing.map(async ([id, open]) => {
					const current = await deps.getCapture(id).catch(() => undefined);
					return [id, goneMessage(open.capture.title, current)] as const;
				}),
			);
			setGone((g) => new Map([...g, ...found]));
		},
		[deps],
	);

	// The sent issues the checklist compares with: read once the draft is on screen, after every reload.
	const [recent, setRecent] = useState<SentIssue[]>();
	const recentRef = useRef<SentIssue[]>([]);
	const loadRecent = useCallback(() => {
		deps.recentIssues().then(
			(r) => {
				recentRef.current = r;
				setRecent(r);
			},
			(e: unknown) => {
				setRecent((r) => r ?? []);
				setError(`Could not read your past issues: ${String(e)}`);
			},
		);
	}, [deps]);
	const reload = useCallback(() => {
		deps.load().then(
			(d) => {
				setDraft((prev) => shareUnchanged(prev, d));
				setVersion((v) => v + 1);
				void noticeGone(d);
				afterNextPaint(loadRecent);
			},
			(e: unknown) => setError(`Could not read your saved links: ${String(e)}`),
		);
	}, [deps, noticeGone, loadRecent]);

	// A layout effect: the first read starts as the page's first render ends, not a frame later (as useEffect would).
	useLayoutEffect(() => {
		reload();
		return deps.onChange(reload);
	}, [deps, reload]);

	// The moments the draft, then its export, are on screen (the frame painted); the bench reads these marks.
	const loaded = draft !== undefined;
	useLayoutEffect(() => {
		if (loaded) markAfterPaint("linkletter:options-ready");
	}, [loaded]);

	/**
	 * Run a write and show its error. The page then reloads what is stored;
	 * with `shown` (a move, a hold, an undo: the page already shows exactly
	 * what was written, and other pages' writes arrive through onChange) it
	 * reloads only when the write failed.
	 */
	const write = async (action: () => Promise<void>, shown = false) => {
		let failed = false;
		try {
			await action();
			performance.mark("linkletter:stored");
			setError(undefined);
		} catch (e) {
			failed = true;
			setError(e instanceof Error ? e.message : String(e));
		}
		if (failed || !shown) reload();
	};
	const commit = (action: () => Promise<void>) => write(action, true);

	/** A form's write: the form shows a failure itself (keeping what was typed), so it is rethrown. */
	const saveForm = async (action: () => Promise<void>) => {
		try {
			await action();
		} finally {
			reload();
		}
	};
	const saveTemplates = (templates: Record<string, string>) => {
		latestTemplates.current = templates;
		setTypedTemplates(templates);
		// Retry writes the latest text, never an older keystroke's.
		void templateSave.run(async () => {
			const latest = latestTemplates.current;
			await deps.saveTemplates(latest);
			setDraft((d) => d && { ...d, templates: latest });
			setTypedTemplates((typed) => (typed === latest ? undefined : typed));
		});
	};

	// The export and checklist follow the draft one task late: a move or a delete paints first.
	const shown = useDeferred(draft, (draft?.captures.length ?? 0) <= EXPORT_AT_ONCE);
	const included = useMemo(() => draftIssueCaptures(shown?.captures ?? []), [shown]);
	// A date the curator never chose follows the calendar until the issue is sent.
	// Keyed on the details alone: a move gives a new draft, not new details, and must not compile the issue again.
	const draftMeta = draft?.meta;
	const meta = useMemo(() => draftMeta && datedMeta(draftMeta, deps.today()), [draftMeta, deps]);
	const issue = useMemo(
		() => shown && compileIssue(included, shown.newsletter, datedMeta(shown.meta, deps.today())),
		[shown, included, deps],
	);
	const options = useMemo(() => shown && renderOptions(shown.newsletter), [shown]);
	const exported = issue !== undefined;
	useLayoutEffect(() => {
		if (exported) markAfterPaint("linkletter:export-ready");
	}, [exported]);
	// Sections whose captures did not change keep their identity: only the section a move touched re-renders.
	const lastSections = useRef<DraftSection[]>([]);
	const sections = useMemo(() => {
		lastSections.current = shareSections(lastSections.current, draft ? bySection(draft) : []);
		return lastSections.current;
	}, [draft]);
	// Sections the Markdown export leaves out (as the curator's template renders it), judged after
	// the draft has painted: rendering a large draft once more must not hold up the page.
	const [leftOut, setLeftOut] = useState<CheckItem[]>([]);
	useEffect(() => {
		if (!shown || !issue || !options) return;
		const timer = setTimeout(() => {
			try {
				setLeftOut(checkExportShowsSections(renderIssue(issue, "md", shown.templates.md, options), issue));
			} catch {
				setLeftOut([]); // A template with a mistake is reported beside the template itself.
			}
		}, 0);
		return () => clearTimeout(timer);
	}, [shown, issue, options]);
	const checks = useMemo(
		() =>
			shown ? [...checkIssue(included, shown.newsletter.sections, recent ?? [], shown.trackingParams), ...leftOut] : [],
		[shown, included, recent, leftOut],
	);

	/** Show `changed` at once (optimistic); the write follows and a reload shows what was stored. */
	const apply = (changed: readonly Capture[], removed: readonly string[] = []) => {
		const byId = new Map(changed.map((c) => [c.id, c]));
		const gone = new Set(removed);
		setDraft((d) => {
			if (!d) return d;
			const kept = d.captures.filter((c) => !gone.has(c.id)).map((c) => byId.get(c.id) ?? c);
			const known = new Set(kept.map((c) => c.id));
			return { ...d, captures: [...kept, ...changed.filter((c) => !known.has(c.id) && !gone.has(c.id))] };
		});
	};
	/** Put captures back as they were before `current` (their versions now), guarded against edits elsewhere. */
	const revert = (previous: readonly Capture[], current: readonly Capture[], focusId: string, message: string) => {
		const now = deps.now();
		const at = new Map(current.map((c) => [c.id, c]));
		const edits = previous.map((p) => {
			const expected = at.get(p.id)?.updatedAt ?? p.updatedAt;
			return { next: { ...p, updatedAt: Math.max(now, expected + 1) }, expectedUpdatedAt: expected };
		});
		void commit(() => deps.update(edits));
		apply(edits.map((e) => e.next));
		setToast({ message });
		focusSoon(focusId);
	};
	const placeText = (captures: readonly Capture[], capture: Capture): string => {
		const d = draftRef.current;
		const peers = captures.filter((c) => c.section === capture.section).sort(byPosition);
		const name = d?.newsletter.sections.find((s) => s.id === capture.section)?.name ?? "Unsorted";
		return `${peers.findIndex((c) => c.id === capture.id) + 1} of ${peers.length} in ${name}`;
	};
	const move = (capture: Capture, request: MoveRequest) => {
		const d = draftRef.current;
		const current = d?.captures.find((c) => c.id === capture.id);
		if (!d || !current) return;
		const all = d.captures;
		const now = Math.max(deps.now(), current.updatedAt + 1);
		const order = sections.map((g) => g.section.id).filter(Boolean);
		const changed =
			request.kind === "by"
				? moveCapture(all, current.id, request.by, now)
				: request.kind === "top"
					? moveCaptureToTop(all, current.id, now)
					: request.kind === "bottom"
						? moveCaptureToBottom(all, current.id, now)
						: request.kind === "across"
							? moveCaptureAcross(all, order, current.id, request.by, now)
							: request.kind === "section"
								? moveCaptureToSection(all, current.id, request.section, now)
								: moveCaptureTo(all, current.id, request.place, now);
		focusSoon(cardId(current.id));
		if (changed.length === 0) {
			setToast({ message: `“${current.title}” stays ${placeText(all, current)}.` });
			return;
		}
		const before = new Map(all.map((c) => [c.id, c]));
		const previous = changed.map((c) => before.get(c.id) as Capture);
		const byId = new Map(changed.map((c) => [c.id, c]));
		const after = all.map((c) => byId.get(c.id) ?? c);
		const moved = byId.get(current.id) ?? current;
		// The write first: its requests reach the database before the render and the frame hold the page.
		void commit(() =>
			deps.update(changed.map((next) => ({ next, expectedUpdatedAt: before.get(next.id)?.updatedAt ?? 0 }))),
		);
		apply(changed);
		const message = `Moved “${current.title}” to ${placeText(after, moved)}.`;
		setToast({
			message,
			undo: () => revert(previous, changed, cardId(current.id), `Undone: “${current.title}” is back where it was.`),
		});
	};
	const remove = (capture: Capture) => {
		const d = draftRef.current;
		if (!d) return;
		// Focus goes on to the next card (the one before at the end), or to the section's heading.
		const peers = d.captures.filter((c) => c.section === capture.section).sort(byPosition);
		const at = peers.findIndex((c) => c.id === capture.id);
		const next = peers[at + 1] ?? peers[at - 1];
		apply([], [capture.id]);
		focusSoon(next ? cardId(next.id) : sectionHeadingId(capture.section));
		setToast({
			message: `Deleted “${capture.title}”.`,
			undo: () => {
				apply([capture]);
				setToast({ message: `Restored “${capture.title}”.` });
				focusSoon(cardId(capture.id));
				void write(() => deps.restore(capture));
			},
		});
		void write(() => deps.remove(capture));
	};
	const edited = (before: Capture, after: Capture) => {
		apply([after]);
		setToast({
			message: `Saved “${after.title}”.`,
			undo: () => revert([before], [after], cardId(after.id), `Undone: the edit of “${before.title}”.`),
		});
	};
	const toggleHold = (capture: Capture) => {
		const now = Math.max(deps.now(), capture.updatedAt + 1);
		const next = capture.held ? withoutHold(capture, now) : { ...capture, held: true, updatedAt: now };
		void commit(() => deps.update([{ next, expectedUpdatedAt: capture.updatedAt }]));
		apply([next]);
		setToast({
			message: next.held
				? `“${capture.title}” is held for the next issue.`
				: `“${capture.title}” is back in this issue.`,
			undo: () => revert([capture], [next], cardId(capture.id), `Undone: “${capture.title}” is as it was.`),
		});
	};
	const actions: CardActions = useStableActions<CardActions>({
		move,
		remove,
		toggleHold,
		edited,
		changed: reload,
		suggestions: () => {
			const d = draftRef.current;
			const all = d ? [...d.captures, ...recentRef.current.flatMap((i) => i.captures)] : [];
			return { tags: usedTags(all), groups: usedGroups(all) };
		},
		sections: () => draftRef.current?.newsletter.sections ?? [],
	});
	// Ctrl/Cmd+Z undoes the last delete, move or edit (not while typing: there it undoes the typing).
	useEffect(() => {
		if (view !== "draft" || !toast?.undo) return;
		const onKey = (event: KeyboardEvent) => {
			if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey)
				return;
			if (inField(event.target)) return;
			event.preventDefault();
			toast.undo?.();
		};
		document.addEventListener("keydown", onKey);
		return () => document.removeEventListener("keydown", onKey);
	}, [view, toast]);
	const strip = async (item: CheckItem) => {
		const capture = draft?.captures.find((c) => c.id === item.captureIds[0]);
		if (!capture || !item.strippedUrl) return;
		const next = editCapture(capture, { url: item.strippedUrl }, deps.now());
		await write(() => deps.update([{ next, expectedUpdatedAt: capture.updatedAt }]));
	};
	const send = async () => {
		if (!draft || !meta || !issue) return;
		const now = deps.now();
		const held = draft.captures.filter((c) => c.held);
		const { autoDate: _auto, ...sentMeta } = meta;
		// Frozen whole: every template as it is today and every format as rendered, so a past
		// issue re-exports exactly as sent even after templates or Linkletter itself change.
		const templates = { ...DEFAULT_TEMPLATES, ...draft.templates };
		await deps.send(
			{
				number: meta.number,
				sentAt: now,
				newsletter: draft.newsletter,
				meta: sentMeta,
				captures: included,
				templates,
				outputs: renderFormats(issue, FORMATS, templates, renderOptions(draft.newsletter)),
			},
			newIssueMeta(draft.meta.number + 1, deps.today()),
			held.map((c) => ({ next: withoutHold(c, now), expectedUpdatedAt: c.updatedAt })),
		);
		setToast(undefined);
		reload();
		focusSoon("page-heading");
	};

	const paneActions = useStableActions<DraftPaneActions>({
		onTemplatesChange: saveTemplates,
		onPartialsChange: (format, partials) =>
			saveForm(() => {
				const newsletter = draftRef.current?.newsletter;
				if (!newsletter) return Promise.resolve();
				return deps.saveNewsletter({ ...newsletter, partials: { ...newsletter.partials, [format]: partials } });
			}),
		onSend: send,
		onStrip: strip,
	});

	const showView = (v: View) => {
		setView(v);
		setToast(undefined);
	};
	return (
		<>
			<a class="skip" href="#draft-column">
				Skip to the draft
			</a>
			{view === "draft" && (
				<a class="skip" href="#export-pane">
					Skip to export and send
				</a>
			)}
			<header class="topbar">
				<h1 id="page-heading" tabIndex={-1}>
					{draft ? `${draft.newsletter.name}: draft issue #${draft.meta.number}` : "Linkletter"}
				</h1>
				<nav aria-label="Views" class="tabs">
					{(Object.keys(VIEWS) as View[]).map((v) => (
						<button
							key={v}
							type="button"
							class="tab"
							aria-current={view === v ? "page" : undefined}
							onClick={() => {
								setPastFocus(undefined);
								showView(v);
							}}
						>
							{VIEWS[v]}
						</button>
					))}
				</nav>
				<ImportIssue
					deps={deps}
					draftSize={draft?.captures.length ?? 0}
					onImported={() => {
						reload();
						focusSoon("page-heading");
					}}
				/>
			</header>
			<main id="main">
				<div role="alert" class="alerts">
					{error && <p class="error">{error}</p>}
				</div>
				{draft && view === "draft" && welcome && draft.captures.length === 0 && (
					<Welcome
						newsletter={draft.newsletter}
						number={draft.meta.number}
						deps={deps}
						onSaved={reload}
						onDismissed={() => setWelcome(false)}
					/>
				)}
				{draft && view === "draft" && (
					<div class="workspace">
						<div class="draft-column" id="draft-column" tabIndex={-1}>
							<IssueDetails
								meta={meta ?? draft.meta}
								fields={draft.newsletter.fields ?? []}
								sections={draft.newsletter.sections}
								onSave={(next) => saveForm(() => deps.saveMeta(next))}
							/>
							<GoneEditors
								gone={gone}
								inDraft={new Set(draft.captures.map((c) => c.id))}
								editors={editors.current}
								sections={draft.newsletter.sections}
								deps={deps}
								onDone={(id) => {
									setGone((g) => new Map([...g].filter(([other]) => other !== id)));
									reload();
								}}
							/>
							{draft.captures.length > 0 && (
								<p class="hint" id="move-hint">
									Drag a card by its handle ⠿, or focus it and press Alt+↑ / Alt+↓ to move it, Alt+← / Alt+→ for the
									section before or after; Ctrl+Z undoes.
								</p>
							)}
							<DraftList draft={draft} sections={sections} deps={deps} editors={editors.current} actions={actions} />
						</div>
						<aside class="pane" id="export-pane" aria-label="Export and send" tabIndex={-1}>
							<DraftPane
								issue={shown && issue}
								templates={typedTemplates ?? draft.templates}
								templateSaveFailure={templateSave.failure}
								renderOptions={options}
								deps={deps}
								number={draft.meta.number}
								count={included.length}
								held={(shown?.captures.length ?? 0) - included.length}
								checks={checks}
								actions={paneActions}
							/>
						</aside>
					</div>
				)}
				{view === "past" && (
					<div class="view" id="draft-column">
						<PastIssues deps={deps} version={version} focus={pastFocus} />
					</div>
				)}
				{draft && view === "search" && (
					<div class="view" id="draft-column">
						<SearchView deps={deps} sections={draft.newsletter.sections} version={version} onOpen={openResult} />
					</div>
				)}
				{draft && view === "settings" && (
					<div class="settings-grid" id="draft-column">
						<StarterGallery
							starters={STARTERS}
							edits={(id) => startFrom(draft, id, false).applied}
							choose={async (id, overwriteEdited) => {
								const { newsletter, templates } = startFrom(draft, id, overwriteEdited);
								await saveForm(async () => {
									await deps.saveNewsletter(newsletter);
									await deps.saveTemplates(templates);
								});
							}}
						/>
						<SettingsPanel
							newsletter={draft.newsletter}
							trackingParams={draft.trackingParams}
							deps={deps}
							onSaved={reload}
						/>
						<PersistStatus deps={deps} />
						{deps.sync && <SyncPanel deps={deps.sync} />}
						<BackupPanel deps={deps} onRestored={reload} />
						<SectionsEditor
							newsletter={draft.newsletter}
							captures={draft.captures}
							now={deps.now}
							onSave={(newsletter, moved) => saveForm(() => deps.saveNewsletter(newsletter, moved))}
						/>
						<FieldsEditor
							key={JSON.stringify(draft.newsletter.fields ?? [])}
							newsletter={draft.newsletter}
							onSave={(newsletter) => saveForm(() => deps.saveNewsletter(newsletter))}
						/>
						<StyleMapEditor
							key={JSON.stringify(draft.newsletter.htmlStyles ?? {})}
							newsletter={draft.newsletter}
							onSave={(newsletter) => saveForm(() => deps.saveNewsletter(newsletter))}
						/>
					</div>
				)}
			</main>
			{view === "draft" && <UndoToast entry={toast} onDismiss={() => setToast(undefined)} />}
		</>
	);
}

/** Groups used before, most used first, for the editor's suggestions. */
function usedGroups(captures: readonly Capture[]): string[] {
	const counts = new Map<string, number>();
	for (const c of captures) if (c.group) counts.set(c.group, (counts.get(c.group) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
}
