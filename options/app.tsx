import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Capture, draftIssueCaptures, editCapture } from "../src/core/capture.ts";
import { type CheckItem, checkExportShowsSections, checkIssue } from "../src/core/checklist.ts";
import { compileIssue } from "../src/core/issue.ts";
import { datedMeta, newIssueMeta } from "../src/core/newsletter.ts";
import { DEFAULT_TEMPLATES, FORMATS, renderFormats, renderIssue, renderOptions } from "../src/core/render/index.ts";
import { moveCapture } from "../src/core/sections.ts";
import type { GuardedEdit } from "../src/db/captures.ts";
import { BackupPanel } from "./backup-panel.tsx";
import type { DraftData, OptionsDeps } from "./deps.ts";
import { DraftList } from "./draft-list.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { FieldsEditor } from "./fields-editor.tsx";
import { GoneEditors } from "./gone-editors.tsx";
import { ImportIssue } from "./import-issue.tsx";
import { IssueDetails } from "./issue-details.tsx";
import { goneMessage, type OpenEditors } from "./open-editors.ts";
import { type PastFocus, PastIssues } from "./past-issues.tsx";
import { PersistStatus } from "./persist-status.tsx";
import { useSave } from "./save-failure.tsx";
import { SearchView } from "./search-view.tsx";
import { SectionsEditor } from "./sections-editor.tsx";
import { SendIssue } from "./send-issue.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { StarterGallery } from "./starter-gallery.tsx";
import { STARTERS, startFrom } from "./starters.ts";
import { StyleMapEditor } from "./style-map-editor.tsx";
import { SyncPanel } from "./sync-panel.tsx";
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

/** The issue editor: the draft by section, export and send; past issues; settings. */
export function App({ deps }: { deps: OptionsDeps }) {
	const [draft, setDraft] = useState<DraftData>();
	const [error, setError] = useState<string>();
	const [undo, setUndo] = useState<Capture>();
	const [view, setView] = useState<View>("draft");
	const [version, setVersion] = useState(0);
	const editors = useRef<OpenEditors>(new Map());
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
		const card = [...document.querySelectorAll<HTMLElement>("[data-capture-id]")].find(
			(el) => el.dataset.captureId === draftFocus,
		);
		if (!card) return;
		card.tabIndex = -1;
		card.classList.add("found");
		card.scrollIntoView?.({ block: "center" });
		card.focus();
		setDraftFocus(undefined);
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

	const reload = useCallback(() => {
		deps.load().then(
			(d) => {
				setDraft(d);
				setVersion((v) => v + 1);
				void noticeGone(d);
			},
			(e: unknown) => setError(`Could not read your saved links: ${String(e)}`),
		);
	}, [deps, noticeGone]);

	useEffect(() => {
		reload();
		return deps.onChange(reload);
	}, [deps, reload]);

	// The moment the draft and its export are on screen; the bench reads this mark.
	const loaded = draft !== undefined;
	useLayoutEffect(() => {
		if (loaded) performance.mark("linkletter:options-ready");
	}, [loaded]);

	/** Run a write; show its error; reload either way so the page shows what is stored. */
	const write = async (action: () => Promise<void>) => {
		try {
			await action();
			setError(undefined);
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
		} finally {
			reload();
		}
	};

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

	const included = useMemo(() => draftIssueCaptures(draft?.captures ?? []), [draft]);
	// A date the curator never chose follows the calendar until the issue is sent.
	const meta = useMemo(() => draft && datedMeta(draft.meta, deps.today()), [draft, deps]);
	const issue = useMemo(() => draft && meta && compileIssue(included, draft.newsletter, meta), [draft, meta, included]);
	const options = useMemo(() => draft && renderOptions(draft.newsletter), [draft]);
	// Sections the Markdown export leaves out (as the curator's template renders it), judged after
	// the draft has painted: rendering a large draft once more must not hold up the page.
	const [leftOut, setLeftOut] = useState<CheckItem[]>([]);
	useEffect(() => {
		if (!draft || !issue || !options) return;
		const timer = setTimeout(() => {
			try {
				setLeftOut(checkExportShowsSections(renderIssue(issue, "md", draft.templates.md, options), issue));
			} catch {
				setLeftOut([]); // A template with a mistake is reported beside the template itself.
			}
		}, 0);
		return () => clearTimeout(timer);
	}, [draft, issue, options]);
	const checks = useMemo(
		() =>
			draft ? [...checkIssue(included, draft.newsletter.sections, draft.recent, draft.trackingParams), ...leftOut] : [],
		[draft, included, leftOut],
	);

	const remove = (capture: Capture) =>
		write(async () => {
			await deps.remove(capture);
			setUndo(capture);
		});
	const restore = () =>
		write(async () => {
			if (undo) await deps.restore(undo);
			setUndo(undefined);
		});
	const move = (capture: Capture, by: -1 | 1) => {
		if (!draft) return;
		const before = new Map(draft.captures.map((c) => [c.id, c.updatedAt]));
		const edits: GuardedEdit[] = moveCapture(draft.captures, capture.id, by, deps.now()).map((next) => ({
			next,
			expectedUpdatedAt: before.get(next.id) ?? 0,
		}));
		if (edits.length > 0) void write(() => deps.update(edits));
	};
	const toggleHold = (capture: Capture) => {
		const now = deps.now();
		const next = capture.held ? withoutHold(capture, now) : { ...capture, held: true, updatedAt: now };
		void write(() => deps.update([{ next, expectedUpdatedAt: capture.updatedAt }]));
	};
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
		reload();
	};

	return (
		<main>
			<header>
				<h1>{draft ? `${draft.newsletter.name}: draft issue #${draft.meta.number}` : "Linkletter"}</h1>
				<nav aria-label="Views">
					{(Object.keys(VIEWS) as View[]).map((v) => (
						<button
							key={v}
							type="button"
							aria-current={view === v ? "page" : undefined}
							onClick={() => {
								setPastFocus(undefined);
								setView(v);
							}}
						>
							{VIEWS[v]}
						</button>
					))}
				</nav>
				<ImportIssue deps={deps} draftSize={draft?.captures.length ?? 0} onImported={reload} />
			</header>
			<div role="alert" class="alerts">
				{error && <p class="error">{error}</p>}
			</div>
			<div role="status" class="undo">
				{undo && (
					<p>
						Deleted “{undo.title}”.{" "}
						<button type="button" onClick={restore}>
							Undo
						</button>
					</p>
				)}
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
			{draft && issue && view === "draft" && (
				<div class="columns">
					<div>
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
						<DraftList
							draft={draft}
							deps={deps}
							editors={editors.current}
							onChanged={reload}
							onDelete={remove}
							onMove={move}
							onToggleHold={toggleHold}
						/>
					</div>
					<div>
						<ExportPanel
							issue={issue}
							templates={typedTemplates ?? draft.templates}
							deps={deps}
							onTemplatesChange={saveTemplates}
							templateSaveFailure={templateSave.failure}
							renderOptions={options}
							onPartialsChange={(format, partials) =>
								saveForm(() =>
									deps.saveNewsletter({
										...draft.newsletter,
										partials: { ...draft.newsletter.partials, [format]: partials },
									}),
								)
							}
						/>
						<SendIssue
							number={draft.meta.number}
							count={included.length}
							held={draft.captures.length - included.length}
							checks={checks}
							onSend={send}
							onStrip={strip}
						/>
					</div>
				</div>
			)}
			{view === "past" && <PastIssues deps={deps} version={version} focus={pastFocus} />}
			{draft && view === "search" && (
				<SearchView deps={deps} sections={draft.newsletter.sections} version={version} onOpen={openResult} />
			)}
			{draft && view === "settings" && (
				<div class="columns">
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
						key={JSON.stringify([draft.newsletter.name, draft.newsletter.titleTemplate, draft.trackingParams])}
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
	);
}
