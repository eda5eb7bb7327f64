import { useState } from "preact/hooks";
import type { Capture, Section, SectionLayout } from "../src/core/capture.ts";
import type { Newsletter } from "../src/core/newsletter.ts";
import {
	addSection,
	deleteSection,
	moveSection,
	orderSections,
	setSectionParent,
	updateSection,
} from "../src/core/sections.ts";
import type { GuardedEdit } from "../src/db/captures.ts";
import { useLeaveGuard } from "./leave-guard.ts";
import { SaveFailure, useSave } from "./save-failure.tsx";

const LAYOUTS: Record<SectionLayout, string> = {
	entries: "Entries (title, note, quote)",
	list: "List (bullets, grouped)",
};

function LayoutSelect(props: { id: string; value: SectionLayout; onChange: (layout: SectionLayout) => void }) {
	return (
		<select
			id={props.id}
			value={props.value}
			onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as SectionLayout)}
		>
			{(Object.keys(LAYOUTS) as SectionLayout[]).map((l) => (
				<option key={l} value={l}>
					{LAYOUTS[l]}
				</option>
			))}
		</select>
	);
}

/** The sections `section` may be nested under: never itself or one of its own subsections, never too deep. */
export function possibleParents(newsletter: Newsletter, section: Section): Section[] {
	return newsletter.sections.filter((s) => {
		if (s.id === section.id) return false;
		try {
			setSectionParent(newsletter, section.id, s.id);
			return true;
		} catch {
			return false;
		}
	});
}

/** The curator's partial names, over every format, sorted. */
export function partialNames(newsletter: Newsletter): string[] {
	const names = new Set<string>();
	for (const byName of Object.values(newsletter.partials ?? {}))
		for (const name of Object.keys(byName ?? {})) names.add(name);
	return [...names].sort();
}

function SectionRow(props: {
	section: Section;
	depth: number;
	newsletter: Newsletter;
	sections: Section[];
	count: number;
	apply: (change: (n: Newsletter) => Newsletter | { newsletter: Newsletter; moved: Capture[] }) => Promise<boolean>;
	captures: Capture[];
	now: () => number;
}) {
	const { section } = props;
	const [name, setName] = useState(section.name);
	const [emptyText, setEmptyText] = useState(section.emptyText ?? "");
	// Saved when the field loses focus, which a closing tab does not always give: asked about instead.
	// Compared as saved: the name and the text are trimmed.
	useLeaveGuard(() => name.trim() !== section.name || emptyText.trim() !== (section.emptyText ?? ""));
	const parents = possibleParents(props.newsletter, section);
	const partials = partialNames(props.newsletter);
	const others = props.sections.filter((s) => s.id !== section.id);
	const [moveTo, setMoveTo] = useState(others[0]?.id ?? "");
	const id = (k: string) => `section-${section.id}-${k}`;
	return (
		<li
			class="section-row"
			aria-label={section.name}
			style={props.depth > 0 ? { marginInlineStart: `${props.depth * 1.5}rem` } : undefined}
		>
			<label for={id("name")}>Name of “{section.name}”</label>
			<input
				id={id("name")}
				value={name}
				onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
				onBlur={() => name !== section.name && props.apply((n) => updateSection(n, section.id, { name }))}
			/>
			<label for={id("layout")}>Layout of “{section.name}”</label>
			<LayoutSelect
				id={id("layout")}
				value={section.layout}
				onChange={(layout) => props.apply((n) => updateSection(n, section.id, { layout }))}
			/>
			<label for={id("parent")}>Nested under</label>
			<select
				id={id("parent")}
				value={section.parent ?? ""}
				onChange={(e) => {
					const value = (e.currentTarget as HTMLSelectElement).value;
					void props.apply((n) => setSectionParent(n, section.id, value || undefined));
				}}
			>
				<option value="">Top level</option>
				{parents.map((s) => (
					<option key={s.id} value={s.id}>
						{s.name}
					</option>
				))}
			</select>
			<label for={id("partial")}>Template</label>
			<select
				id={id("partial")}
				value={section.partial ?? ""}
				onChange={(e) => {
					const value = (e.currentTarget as HTMLSelectElement).value;
					void props.apply((n) => updateSection(n, section.id, { partial: value }));
				}}
			>
				<option value="">Layout default</option>
				{partials.map((p) => (
					<option key={p} value={p}>
						{p}
					</option>
				))}
				{section.partial && !partials.includes(section.partial) && (
					<option value={section.partial}>{section.partial} (missing)</option>
				)}
			</select>
			<span class="check">
				<input
					id={id("keep")}
					type="checkbox"
					checked={section.keepWhenEmpty === true}
					onChange={(e) =>
						void props.apply((n) =>
							updateSection(n, section.id, { keepWhenEmpty: (e.currentTarget as HTMLInputElement).checked }),
						)
					}
				/>
				<label for={id("keep")}>Keep when empty</label>
			</span>
			{section.keepWhenEmpty && (
				<>
					<label for={id("empty-text")}>Text when empty</label>
					<input
						id={id("empty-text")}
						value={emptyText}
						placeholder="Nothing this week."
						onInput={(e) => setEmptyText((e.currentTarget as HTMLInputElement).value)}
						onBlur={() =>
							emptyText !== (section.emptyText ?? "") && props.apply((n) => updateSection(n, section.id, { emptyText }))
						}
					/>
				</>
			)}
			<span class="check">
				<input
					id={id("notes-optional")}
					type="checkbox"
					checked={section.notesOptional === true}
					onChange={(e) =>
						void props.apply((n) =>
							updateSection(n, section.id, { notesOptional: (e.currentTarget as HTMLInputElement).checked }),
						)
					}
				/>
				<label for={id("notes-optional")}>Notes optional</label>
			</span>
			<div class="actions">
				<button
					type="button"
					aria-label={`Move “${section.name}” up`}
					onClick={() => props.apply((n) => moveSection(n, section.id, -1))}
				>
					↑
				</button>
				<button
					type="button"
					aria-label={`Move “${section.name}” down`}
					onClick={() => props.apply((n) => moveSection(n, section.id, 1))}
				>
					↓
				</button>
				{others.length > 0 && (
					<>
						<label for={id("move-to")}>Move its {props.count} links to</label>
						<select
							id={id("move-to")}
							value={moveTo}
							onChange={(e) => setMoveTo((e.currentTarget as HTMLSelectElement).value)}
						>
							{others.map((s) => (
								<option key={s.id} value={s.id}>
									{s.name}
								</option>
							))}
						</select>
						<button
							type="button"
							class="danger"
							aria-label={`Delete section “${section.name}”`}
							onClick={() => props.apply((n) => deleteSection(n, section.id, moveTo, props.captures, props.now()))}
						>
							Delete
						</button>
					</>
				)}
			</div>
		</li>
	);
}

/** Add, rename, re-lay out, reorder and delete sections; a deleted section's links move, never vanish. */
export function SectionsEditor(props: {
	newsletter: Newsletter;
	captures: Capture[];
	now: () => number;
	onSave: (newsletter: Newsletter, moved: GuardedEdit[]) => Promise<void>;
}) {
	const [name, setName] = useState("");
	const [layout, setLayout] = useState<SectionLayout>("entries");
	const [error, setError] = useState<string>();
	const { failure, run } = useSave();
	/** Apply a change and save it; resolves to whether it landed (a failure is shown with Retry). */
	const apply = async (
		change: (n: Newsletter) => Newsletter | { newsletter: Newsletter; moved: Capture[] },
		landed?: () => void,
	): Promise<boolean> => {
		let newsletter: Newsletter;
		let edits: GuardedEdit[];
		try {
			const result = change(props.newsletter);
			const [next, moved] = "moved" in result ? [result.newsletter, result.moved] : [result, []];
			const before = new Map(props.captures.map((c) => [c.id, c.updatedAt]));
			newsletter = next;
			edits = moved.map((c) => ({ next: c, expectedUpdatedAt: before.get(c.id) ?? c.updatedAt }));
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
			return false;
		}
		setError(undefined);
		const outcome = await run(async () => {
			await props.onSave(newsletter, edits);
			landed?.();
		});
		return outcome.ok;
	};
	const add = (event: Event) => {
		event.preventDefault();
		// The typed name stays until the new section is really stored (by Retry, too).
		void apply(
			(n) => addSection(n, name, layout),
			() => setName(""),
		);
	};
	return (
		<section aria-labelledby="sections-heading">
			<h2 id="sections-heading">Sections</h2>
			<ol class="sections">
				{orderSections(props.newsletter.sections).map(({ section: s, depth }) => (
					<SectionRow
						depth={depth}
						key={`${s.id}:${s.name}:${s.emptyText ?? ""}`}
						section={s}
						newsletter={props.newsletter}
						sections={props.newsletter.sections}
						count={props.captures.filter((c) => c.section === s.id).length}
						apply={apply}
						captures={props.captures}
						now={props.now}
					/>
				))}
			</ol>
			<form onSubmit={add} class="row" aria-label="Add a section">
				<span>
					<label for="new-section-name">New section name</label>
					<input
						id="new-section-name"
						value={name}
						onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
					/>
				</span>
				<span>
					<label for="new-section-layout">New section layout</label>
					<LayoutSelect id="new-section-layout" value={layout} onChange={setLayout} />
				</span>
				<button type="submit">Add section</button>
			</form>
			<div role="alert">{error && <p class="error">{error}</p>}</div>
			<SaveFailure failure={failure} />
		</section>
	);
}
