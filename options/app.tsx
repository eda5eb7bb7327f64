import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { type Capture, draftIssueCaptures, editCapture } from "../src/core/capture.ts";
import { type CheckItem, checkIssue } from "../src/core/checklist.ts";
import { compileIssue } from "../src/core/issue.ts";
import { datedMeta, newIssueMeta } from "../src/core/newsletter.ts";
import { DEFAULT_TEMPLATES, FORMATS, renderFormats } from "../src/core/render/index.ts";
import { moveCapture } from "../src/core/sections.ts";
import type { GuardedEdit } from "../src/db/captures.ts";
import { BackupPanel } from "./backup-panel.tsx";
import type { DraftData, OptionsDeps } from "./deps.ts";
import { DraftList } from "./draft-list.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { ImportIssue } from "./import-issue.tsx";
import { IssueDetails } from "./issue-details.tsx";
import { PastIssues } from "./past-issues.tsx";
import { SectionsEditor } from "./sections-editor.tsx";
import { SendIssue } from "./send-issue.tsx";
import { SettingsPanel } from "./settings-panel.tsx";

type View = "draft" | "past" | "settings";
const VIEWS: Record<View, string> = { draft: "Draft issue", past: "Past issues", settings: "Settings" };

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

	const reload = useCallback(() => {
		deps.load().then(
			(d) => {
				setDraft(d);
				setVersion((v) => v + 1);
			},
			(e: unknown) => setError(`Could not read your saved links: ${String(e)}`),
		);
	}, [deps]);

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

	const included = useMemo(() => draftIssueCaptures(draft?.captures ?? []), [draft]);
	// A date the curator never chose follows the calendar until the issue is sent.
	const meta = useMemo(() => draft && datedMeta(draft.meta, deps.today()), [draft, deps]);
	const issue = useMemo(() => draft && meta && compileIssue(included, draft.newsletter, meta), [draft, meta, included]);
	const checks = useMemo(
		() => (draft ? checkIssue(included, draft.newsletter.sections, draft.recent, draft.trackingParams) : []),
		[draft, included],
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
				outputs: renderFormats(issue, FORMATS, templates),
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
						<button key={v} type="button" aria-current={view === v ? "page" : undefined} onClick={() => setView(v)}>
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
			{draft && issue && view === "draft" && (
				<div class="columns">
					<div>
						<IssueDetails meta={meta ?? draft.meta} onSave={(next) => write(() => deps.saveMeta(next))} />
						<DraftList
							draft={draft}
							deps={deps}
							onChanged={reload}
							onDelete={remove}
							onMove={move}
							onToggleHold={toggleHold}
						/>
					</div>
					<div>
						<ExportPanel
							issue={issue}
							templates={draft.templates}
							deps={deps}
							onTemplatesChange={(templates) => {
								setDraft({ ...draft, templates });
								void deps.saveTemplates(templates).catch((e: unknown) => setError(String(e)));
							}}
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
			{view === "past" && <PastIssues deps={deps} version={version} />}
			{draft && view === "settings" && (
				<div class="columns">
					<SettingsPanel
						key={JSON.stringify([draft.newsletter.name, draft.newsletter.titleTemplate, draft.trackingParams])}
						newsletter={draft.newsletter}
						trackingParams={draft.trackingParams}
						deps={deps}
					/>
					<BackupPanel deps={deps} onRestored={reload} />
					<SectionsEditor
						newsletter={draft.newsletter}
						captures={draft.captures}
						now={deps.now}
						onSave={(newsletter, moved) => write(() => deps.saveNewsletter(newsletter, moved))}
					/>
				</div>
			)}
		</main>
	);
}
