import { useEffect, useRef, useState } from "preact/hooks";
import { type Capture, editCapture, normalizeCapture } from "../src/core/capture.ts";
import { canonicalUrl, isSavableUrl, urlKey } from "../src/core/url.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import type { PopupData, PopupDeps } from "./deps.ts";
import { matchMessage } from "./match-message.ts";

type Fields = {
	title: string;
	url: string;
	note: string;
	quote: string;
	section: string;
};
type Status = { tone: "info" | "error" | "done"; text: string };

const UNREADABLE =
	"Linkletter could not read this page’s own details or your selection (browser pages, the web store, PDFs and local files are closed to extensions). The link and title come from the tab.";
const NOT_HTTP = "Only http and https pages can be saved. This page’s address can’t be saved.";
const CLOSE_DELAY_MS = 600;

/** The capture form: filled from the tab at once, refined by the page and storage as they answer. */
export function Popup({ deps }: { deps: PopupDeps }) {
	const [fields, setFields] = useState<Fields>({
		title: "",
		url: "",
		note: "",
		quote: "",
		section: "",
	});
	const [data, setData] = useState<PopupData>();
	const [snapshot, setSnapshot] = useState<PageSnapshot>();
	const [existing, setExisting] = useState<Capture>();
	const [notices, setNotices] = useState<Status[]>([]);
	const [result, setResult] = useState<Status>();
	const [saving, setSaving] = useState(false);
	const touched = useRef(new Set<keyof Fields>());
	const unsavedKey = useRef("");
	const noteRef = useRef<HTMLTextAreaElement>(null);
	const latest = useRef(fields);
	latest.current = fields;

	/** Fill fields the curator has not typed in yet. */
	const fill = (values: Partial<Fields>) =>
		setFields((f) => {
			const next = { ...f };
			for (const [k, v] of Object.entries(values) as [keyof Fields, string | undefined][]) {
				if (v !== undefined && !touched.current.has(k)) next[k] = v;
			}
			return next;
		});

	useEffect(() => {
		let live = true;
		(async () => {
			const tab = await deps.loadTab();
			if (!live) return;
			if (!tab) {
				setNotices([{ tone: "error", text: "There is no page to save in this window." }]);
				return;
			}
			unsavedKey.current = urlKey(tab.url);
			fill({ url: tab.url, title: tab.title });
			noteRef.current?.focus();
			const savable = isSavableUrl(tab.url);
			if (!savable) setNotices([{ tone: "error", text: NOT_HTTP }]);
			const page = savable && tab.id !== undefined ? await deps.readPage(tab.id) : undefined;
			if (!live) return;
			if (!page) setNotices((n) => [...n, { tone: "info", text: UNREADABLE }]);
			const url = page
				? canonicalUrl(tab.url, {
						canonical: page.canonical,
						ogUrl: page.ogUrl,
					})
				: tab.url;
			setSnapshot(page);
			fill({ url, title: page?.title, quote: page?.quote });
			const stored = await deps.load(urlKey(url), unsavedKey.current);
			if (!live) return;
			setData(stored);
			const sections = stored.newsletter.sections;
			const last = sections.find((s) => s.id === stored.lastSection) ?? sections[0];
			const inDraft = stored.matches.find((m) => m.issue === null);
			if (inDraft) {
				setExisting(inDraft);
				fill({
					title: inDraft.title,
					url: inDraft.url,
					note: inDraft.note,
					quote: inDraft.quote ?? "",
				});
			}
			fill({ section: inDraft?.section ?? last?.id ?? "" });
			const message = matchMessage(stored.matches, sections);
			if (message) setNotices((n) => [...n, { tone: "info", text: message }]);
			const u = stored.unsaved;
			if (u)
				fill({
					note: u.note,
					title: u.title,
					quote: u.quote,
					section: u.section,
				});
		})().catch((error: unknown) => {
			if (live) setNotices((n) => [...n, { tone: "error", text: `Something went wrong: ${String(error)}` }]);
		});
		return () => {
			live = false;
		};
	}, [deps]);

	const change = (key: keyof Fields) => (event: Event) => {
		const next = {
			...latest.current,
			[key]: (event.currentTarget as HTMLInputElement).value,
		};
		latest.current = next;
		touched.current.add(key);
		setResult(undefined);
		setFields(next);
		if (!unsavedKey.current) return;
		// Kept on every keystroke: a popup closed by accident keeps the note for next time.
		deps.keepUnsaved({ ...next, url: unsavedKey.current, updatedAt: deps.now() }).catch(() => {});
	};

	const save = async () => {
		if (saving || !data) return;
		if (!isSavableUrl(fields.url.trim())) {
			setResult({ tone: "error", text: NOT_HTTP });
			return;
		}
		const now = deps.now();
		const input = {
			url: fields.url,
			title: fields.title,
			note: fields.note,
			quote: fields.quote,
			quoteUrl: fields.quote && fields.quote === snapshot?.quote ? snapshot.quoteUrl : undefined,
			section: fields.section,
			author: snapshot?.author,
			siteName: snapshot?.siteName,
			publishedAt: snapshot?.publishedAt,
			description: snapshot?.description,
			image: snapshot?.image,
			lang: snapshot?.lang,
		};
		setSaving(true);
		try {
			const capture = existing
				? editCapture(existing, { ...input, quoteUrl: input.quoteUrl ?? existing.quoteUrl }, now)
				: normalizeCapture(input, { now, id: deps.newId() });
			await deps.save(capture, {
				expectedUpdatedAt: existing?.updatedAt,
				unsavedUrl: unsavedKey.current,
			});
			const name = data.newsletter.sections.find((s) => s.id === capture.section)?.name ?? "the draft";
			setResult({ tone: "done", text: `Saved to ${name}.` });
			setTimeout(() => deps.close(), CLOSE_DELAY_MS);
		} catch (error) {
			setResult({
				tone: "error",
				text: error instanceof Error ? error.message : String(error),
			});
			setSaving(false);
		}
	};

	const onSubmit = (event: Event) => {
		event.preventDefault();
		void save();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "Escape") deps.close();
		else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
			event.preventDefault();
			void save();
		}
	};

	const sections = data?.newsletter.sections ?? [];
	return (
		<form class="popup" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label="Save to Linkletter">
			<label for="title">Title</label>
			<input id="title" value={fields.title} onInput={change("title")} />
			<label for="url">URL</label>
			<input id="url" type="url" value={fields.url} onInput={change("url")} />
			<label for="note">Note</label>
			<textarea id="note" ref={noteRef} rows={5} value={fields.note} onInput={change("note")} />
			<label for="section">Section</label>
			<select id="section" value={fields.section} onChange={change("section")} disabled={!data}>
				{sections.map((s) => (
					<option key={s.id} value={s.id}>
						{s.name}
					</option>
				))}
			</select>
			<label for="quote">Quote</label>
			<textarea id="quote" rows={3} value={fields.quote} onInput={change("quote")} />
			<div class="actions">
				<button type="submit" disabled={!data || saving}>
					Save
				</button>
				<span class="hint">Ctrl+Enter saves · Esc closes</span>
			</div>
			<div role="status" class="status">
				{[...notices, ...(result ? [result] : [])].map((n) => (
					<p key={n.text} class={n.tone}>
						{n.text}
					</p>
				))}
			</div>
		</form>
	);
}
