import { useEffect, useRef, useState } from "preact/hooks";
import { reasonOf, SaveFailure } from "../options/save-failure.tsx";
import { type Capture, type CaptureInput, editCapture, normalizeCapture, type Section } from "../src/core/capture.ts";
import { canonicalUrl, isSavableUrl, parseUrl, urlKey, viaFromReferrer } from "../src/core/url.ts";
import { ConflictError } from "../src/db/errors.ts";
import type { PageSnapshot } from "../src/page/read-page.ts";
import type { UnsavedEdit } from "../src/platform/unsaved.ts";
import { CaptureFields, type Fields } from "./capture-fields.tsx";
import type { PopupData, PopupDeps } from "./deps.ts";
import { siteOf } from "./first-paint.ts";
import { matchMessage } from "./match-message.ts";

type Status = { tone: "info" | "error" | "done"; text: string };

const UNREADABLE =
	"Linkletter could not read this page’s own details or your selection (browser pages, the web store, PDFs and local files are closed to extensions). The link and title come from the tab.";
const NOT_HTTP = "Only http and https pages can be saved. This page’s address can’t be saved.";
const CLOSE_DELAY_MS = 600;
/** The save shortcut as the curator's keyboard labels it. */
const SAVE_KEYS =
	typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘+Enter" : "Ctrl+Enter";
const EMPTY: Fields = {
	title: "",
	url: "",
	note: "",
	quote: "",
	section: "",
	group: "",
	via: "",
	viaUrl: "",
	author: "",
	siteName: "",
	publishedAt: "",
	description: "",
	tags: "",
	sponsored: "",
};

/** Tags typed with commas between them. */
function splitTags(text: string): string[] {
	return text
		.split(",")
		.map((t) => t.trim())
		.filter(Boolean);
}

/** "news.ycombinator.com" when the page was opened from another site (redirectors unwrapped or skipped); the credit the popup suggests. */
function suggestedVia(page: PageSnapshot | undefined, url: string): { name: string; url: string } | undefined {
	const via = page?.referrer ? viaFromReferrer(page.referrer, url) : undefined;
	const from = via ? parseUrl(via) : undefined;
	return from && via ? { name: from.hostname.replace(/^www\./, ""), url: via } : undefined;
}

/** The fields an unsaved edit can bring back: only those the curator had typed in. */
function pick(u: UnsavedEdit): Partial<Fields> {
	const { url: _url, updatedAt: _at, ...typed } = u;
	return typed;
}

/** What the form already shows when the app takes it over from the first script (first-paint.ts). */
export interface Initial {
	values: Partial<Fields>;
	/** Fields the curator typed in already: nothing that arrives later overwrites them. */
	typed: readonly (keyof Fields)[];
}

/** The capture form: filled from the tab at once, refined by the page and storage as they answer. */
export function Popup({ deps, initial }: { deps: PopupDeps; initial?: Initial }) {
	const [fields, setFields] = useState<Fields>(() => ({ ...EMPTY, ...initial?.values }));
	const [data, setData] = useState<PopupData>();
	const [snapshot, setSnapshot] = useState<PageSnapshot>();
	const [existing, setExisting] = useState<Capture>();
	const [notices, setNotices] = useState<Status[]>([]);
	const [result, setResult] = useState<Status>();
	const [saving, setSaving] = useState(false);
	// Until the page has been read (bounded by the page script's time limit) and its earlier captures found,
	// a Save waits: saved sooner, the link would keep its tracking parameters, the tab's raw title and no byline,
	// or be saved anew instead of updating the capture already in the draft.
	const [reading, setReading] = useState(true);
	const [queued, setQueued] = useState<{ also: boolean }>();
	// The last save the browser refused; what was typed stays in the form, and Retry saves it again.
	const [failed, setFailed] = useState<{ reason: string; retry: boolean }>();
	const [knownTags, setKnownTags] = useState<string[]>([]);
	const touched = useRef(new Set<keyof Fields>(initial?.typed));
	// The link behind the last "Credit …" suggestion taken: renaming the credit drops it.
	const suggestedViaUrl = useRef("");
	const askedTags = useRef(false);
	const unsavedKey = useRef("");
	const tabId = useRef<number | undefined>(undefined);
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
	const notice = (status: Status) => setNotices((n) => [...n, status]);

	useEffect(() => {
		let live = true;
		(async () => {
			const tab = await deps.loadTab();
			if (!live) return;
			if (!tab) {
				notice({ tone: "error", text: "There is no page to save in this window." });
				return;
			}
			tabId.current = tab.id;
			const tabKey = urlKey(tab.url);
			unsavedKey.current = tabKey;
			fill({ url: tab.url, title: tab.title });
			// The first script put the cursor in Note; a curator who has moved on keeps their place.
			const focused = document.activeElement;
			if (!focused || focused === document.body) noteRef.current?.focus();
			// What was typed before the popup closed comes back at once, and counts as typed.
			const unsaved = deps.readUnsaved(tabKey);
			if (unsaved) keepTyped(withTypedNote(pick(unsaved)));
			const savable = isSavableUrl(tab.url);
			if (!savable) notice({ tone: "error", text: NOT_HTTP });
			// Storage and the page are asked together; neither waits for the other.
			const storedP = deps.load(tabKey);
			const readP = savable && tab.id !== undefined ? deps.readPage(tab.id) : Promise.resolve(undefined);
			const stored = await storedP;
			if (!live) return;
			setData(stored);
			const sections = stored.newsletter.sections;
			fill({ section: (sections.find((s) => s.id === stored.lastSection) ?? sections[0])?.id ?? "" });
			const read = await readP;
			if (!live) return;
			// A PDF viewer answers, but with nothing of the document in it: as good as unreadable.
			const page = read?.unreadable ? undefined : read;
			if (!page) notice({ tone: "info", text: UNREADABLE });
			const hints = { canonical: page?.canonical, ogUrl: page?.ogUrl };
			// Stripped with the curator's own list of tracking parameters; matched by the same key it is saved under.
			const url = savable ? canonicalUrl(tab.url, hints, stored.trackingParams) : tab.url;
			setSnapshot(page);
			fill({
				url,
				title: page?.title,
				quote: page?.quote,
				author: page?.author,
				siteName: page?.siteName,
				publishedAt: page?.publishedAt,
				description: page?.description,
			});
			const key = urlKey(url);
			const more = key === tabKey ? undefined : await deps.matches(key);
			if (!live) return;
			const matches = [
				...stored.matches,
				...(more?.matches ?? []).filter((m) => !stored.matches.some((s) => s.id === m.id)),
			];
			const issueDates = new Map([...stored.issueDates, ...(more?.issueDates ?? [])]);
			restore(matches, sections, issueDates);
		})()
			.catch((error: unknown) => {
				if (live) notice({ tone: "error", text: `Something went wrong: ${String(error)}` });
			})
			.finally(() => {
				if (live) setReading(false);
			});
		return () => {
			live = false;
		};
	}, [deps]);

	/** An unsaved note from last time, and one typed before the app took over, are both kept. */
	const withTypedNote = (values: Partial<Fields>): Partial<Fields> => {
		const typed = touched.current.has("note") ? latest.current.note : "";
		if (!typed.trim() || values.note === undefined || typed.includes(values.note)) {
			return typed.trim() ? { ...values, note: typed } : values;
		}
		return { ...values, note: `${values.note}\n\n${typed}` };
	};

	/** Tag suggestions are asked for when the curator opens the tags, not before. */
	const wantTags = () => {
		if (askedTags.current || !deps.knownTags) return;
		askedTags.current = true;
		void deps
			.knownTags()
			.then(setKnownTags)
			.catch(() => {});
	};

	/** Put values in as if typed: later page or storage answers leave them alone. */
	const keepTyped = (values: Partial<Fields>) => {
		for (const key of Object.keys(values) as (keyof Fields)[]) touched.current.add(key);
		latest.current = { ...latest.current, ...values };
		setFields(latest.current);
	};

	/** Apply earlier captures of this link: the draft one is opened for editing; sent ones are mentioned. */
	const restore = (matches: Capture[], sections: Section[], issueDates: ReadonlyMap<number, string>) => {
		const inDraft = matches.find((m) => m.issue === null);
		if (inDraft) {
			setExisting(inDraft);
			fill({
				title: inDraft.title,
				url: inDraft.url,
				note: inDraft.note,
				quote: inDraft.quote ?? "",
				group: inDraft.group ?? "",
				via: inDraft.via?.name ?? "",
				viaUrl: inDraft.via?.url ?? "",
				// What was saved (perhaps corrected by the curator) wins over what the page says now.
				author: inDraft.author ?? "",
				siteName: inDraft.siteName ?? "",
				publishedAt: inDraft.publishedAt ?? "",
				description: inDraft.description ?? "",
				section: inDraft.section,
				tags: (inDraft.tags ?? []).join(", "),
				sponsored: inDraft.sponsored ? "yes" : "",
			});
			// Typed before the stored note arrived: keep both rather than lose the earlier one on Save.
			const typed = latest.current.note;
			if (touched.current.has("note") && inDraft.note && !typed.includes(inDraft.note)) {
				change("note", typed.trim() ? `${inDraft.note}\n\n${typed}` : inDraft.note);
				notice({ tone: "info", text: "Your earlier note is kept above what you typed." });
			}
			if (tabId.current !== undefined) void deps.markSaved(tabId.current).catch(() => {});
		}
		const message = matchMessage(matches, sections, issueDates);
		if (message) notice({ tone: "info", text: message });
	};

	const change = (key: keyof Fields, value: string) => {
		const next = { ...latest.current, [key]: value };
		if (key === "via" && next.viaUrl !== "" && next.viaUrl === suggestedViaUrl.current) next.viaUrl = "";
		latest.current = next;
		touched.current.add(key);
		setResult(undefined);
		setFields(next);
		if (!unsavedKey.current) return;
		// Kept on every keystroke: a popup closed by accident keeps the note for next time.
		// Only what the curator typed is kept, so a fresh selection is not overwritten later.
		const typed = Object.fromEntries([...touched.current].map((k) => [k, next[k]]));
		deps.keepUnsaved({ ...typed, url: unsavedKey.current, updatedAt: deps.now() });
	};

	const via = suggestedVia(snapshot, fields.url);

	/** The capture the form describes; `also` makes it a new, second placement of a link already in the draft. */
	const build = (also: boolean): Capture | undefined => {
		if (!data) return undefined;
		if (!isSavableUrl(fields.url.trim())) {
			setResult({ tone: "error", text: NOT_HTTP });
			return undefined;
		}
		const now = deps.now();
		const { tags, sponsored, via: viaName, viaUrl, author, siteName, publishedAt, description, ...typed } = fields;
		// An emptied byline field is dropped from the capture, not kept from the page or the earlier save.
		const input: CaptureInput = {
			...typed,
			tags: splitTags(tags),
			sponsored: sponsored === "yes",
			quoteUrl: fields.quote && fields.quote === snapshot?.quote ? snapshot.quoteUrl : existing?.quoteUrl,
			via: viaName.trim() ? { name: viaName, ...(viaUrl.trim() ? { url: viaUrl.trim() } : {}) } : undefined,
			author: author || undefined,
			siteName: siteName || undefined,
			publishedAt: publishedAt || undefined,
			description: description || undefined,
			image: snapshot?.image ?? existing?.image,
			lang: snapshot?.lang ?? existing?.lang,
			incomplete: false,
		};
		try {
			return existing && !also
				? editCapture(existing, input, Math.max(now, existing.updatedAt + 1))
				: normalizeCapture(input, { now, id: deps.newId() });
		} catch (error) {
			setResult({ tone: "error", text: reasonOf(error) });
			return undefined;
		}
	};

	const save = (also = false) => {
		if (saving || queued || !data) return;
		if (reading) setQueued({ also });
		else void store(also);
	};
	const store = async (also: boolean) => {
		const capture = build(also);
		if (!capture || !data) return;
		setSaving(true);
		setFailed(undefined);
		// The bench's save figures start here; the real wiring (main.ts) measures to the commit.
		performance.mark("linkletter:save");
		try {
			await deps.save(capture, also ? { alsoIn: capture.section } : { expectedUpdatedAt: existing?.updatedAt });
			deps.forgetUnsaved(unsavedKey.current);
			if (tabId.current !== undefined) void deps.markSaved(tabId.current).catch(() => {});
			const name = data.newsletter.sections.find((s) => s.id === capture.section)?.name ?? "the draft";
			setResult({ tone: "done", text: also ? `Also added to ${name}.` : `Saved to ${name}.` });
			setTimeout(() => deps.close(), CLOSE_DELAY_MS);
		} catch (error) {
			setFailed({ reason: reasonOf(error), retry: !(error instanceof ConflictError) });
			setSaving(false);
		}
	};
	// A Save pressed while the page was being read goes ahead, with what the page said, once it is read.
	useEffect(() => {
		if (!queued || reading) return;
		setQueued(undefined);
		void store(queued.also);
	});
	// The link is in the draft already, and another section is chosen: it may go there too, deliberately.
	const alsoSection =
		existing && fields.section !== existing.section
			? data?.newsletter.sections.find((s) => s.id === fields.section)
			: undefined;

	const onSubmit = (event: Event) => {
		event.preventDefault();
		save();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "Escape") deps.close();
		else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
			event.preventDefault();
			save();
		}
	};

	return (
		<form class="popup" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label="Save to Linkletter">
			<p class="preview">
				<strong id="preview-title" class="preview-title">
					{fields.title || fields.url}
				</strong>
				<span id="preview-site" class="preview-site">
					{siteOf(fields.url)}
				</span>
			</p>
			<CaptureFields
				fields={fields}
				sections={data?.newsletter.sections ?? []}
				groups={data?.groups ?? []}
				tags={knownTags}
				viaSuggestion={via?.name}
				noteRef={noteRef}
				onChange={change}
				onSuggestVia={() => {
					if (!via) return;
					change("via", via.name);
					suggestedViaUrl.current = via.url;
					change("viaUrl", via.url);
				}}
				onTagsOpen={wantTags}
			/>
			<div class="actions">
				<button
					type="submit"
					class="primary"
					disabled={!data || saving}
					aria-busy={queued || saving ? "true" : undefined}
				>
					{queued || saving ? "Saving…" : "Save"}
				</button>
				{alsoSection && (
					<button type="button" disabled={saving} onClick={() => save(true)}>
						Add to {alsoSection.name} too
					</button>
				)}
				<span class="hint">{SAVE_KEYS} saves · Esc closes</span>
			</div>
			{existing && !alsoSection && data && (
				<p class="hint">
					Already in {data.newsletter.sections.find((s) => s.id === existing.section)?.name ?? "the draft"}: choose
					another section to add it there too.
				</p>
			)}
			<div role="status" class="status">
				{[...notices, ...(result ? [result] : [])].map((n) => (
					<p key={n.text} class={n.tone}>
						{n.text}
					</p>
				))}
			</div>
			<div class="status">
				<SaveFailure
					failure={failed && { reason: failed.reason, ...(failed.retry ? { retry: () => void save() } : {}) }}
				/>
			</div>
		</form>
	);
}
