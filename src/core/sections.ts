import { byPosition, type Capture, type Section, type SectionLayout } from "./capture.ts";
import type { Newsletter } from "./newsletter.ts";
import { slug } from "./slug.ts";

export class SectionError extends Error {
	override name = "SectionError";
}

/** A section id from its name: "Tools & Libraries" → "tools-libraries", unique among `taken`. */
export function sectionId(name: string, taken: ReadonlySet<string>): string {
	const base = slug(name) || "section";
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** How deep sections nest: a top-level section is depth 0, so depths run 0 to MAX_SECTION_DEPTH − 1. */
export const MAX_SECTION_DEPTH = 4;

/** A section with how deep it sits: depth 0 is top level. */
export interface PlacedSection {
	section: Section;
	depth: number;
}

/**
 * The sections in reading order: each top-level section followed by its
 * subsections (depth first), siblings in the newsletter's order. Tolerant,
 * for rendering: a section whose parent is unknown, itself, part of a cycle
 * or too deep is placed as deep as it validly can (top level at worst), so
 * no section is ever lost. validateSections says what is wrong.
 */
export function orderSections(sections: readonly Section[]): PlacedSection[] {
	const ids = new Set(sections.map((s) => s.id));
	const children = new Map<string, Section[]>();
	const roots: Section[] = [];
	const seen = new Set<string>();
	for (const section of sections) {
		if (seen.has(section.id)) continue;
		seen.add(section.id);
		const parent = section.parent;
		if (parent !== undefined && parent !== section.id && ids.has(parent)) {
			const list = children.get(parent);
			if (list) list.push(section);
			else children.set(parent, [section]);
		} else roots.push(section);
	}
	const out: PlacedSection[] = [];
	const placed = new Set<string>();
	const visit = (section: Section, depth: number) => {
		placed.add(section.id);
		out.push({ section, depth });
		for (const child of children.get(section.id) ?? []) {
			if (!placed.has(child.id)) visit(child, Math.min(depth + 1, MAX_SECTION_DEPTH - 1));
		}
	};
	for (const root of roots) visit(root, 0);
	// Whatever is left sits in a cycle: it becomes top level, in the newsletter's order.
	for (const section of sections) if (!placed.has(section.id)) visit(section, 0);
	return out;
}

/**
 * Check the sections' nesting: every parent is another known section, no
 * section is its own ancestor, and none is deeper than MAX_SECTION_DEPTH
 * levels. Throws SectionError naming the section at fault.
 */
export function validateSections(sections: readonly Section[]): void {
	const byId = new Map(sections.map((s) => [s.id, s]));
	for (const section of sections) {
		if (section.parent === undefined) continue;
		if (!byId.has(section.parent)) {
			throw new SectionError(`The section “${section.name}” is inside a section that does not exist.`);
		}
		let depth = 0;
		const path = new Set([section.id]);
		for (let at = byId.get(section.parent); at; at = at.parent === undefined ? undefined : byId.get(at.parent)) {
			if (path.has(at.id)) throw new SectionError(`The section “${section.name}” cannot be inside itself.`);
			path.add(at.id);
			if (++depth >= MAX_SECTION_DEPTH) {
				throw new SectionError(
					`The section “${section.name}” is nested too deeply: sections nest at most ${MAX_SECTION_DEPTH} levels.`,
				);
			}
		}
	}
}

/** Move a section inside `parent` (or to the top level with undefined); throws SectionError for a cycle or too deep. */
export function setSectionParent(newsletter: Newsletter, id: string, parent: string | undefined): Newsletter {
	const sections = newsletter.sections.map((s) => {
		if (s.id !== id) return s;
		const { parent: _old, ...rest } = s;
		return parent === undefined ? rest : { ...rest, parent };
	});
	validateSections(sections);
	return { ...newsletter, sections };
}

/** Add a section at the end. */
export function addSection(newsletter: Newsletter, name: string, layout: SectionLayout): Newsletter {
	const trimmed = name.trim();
	if (!trimmed) throw new SectionError("A section needs a name.");
	if (newsletter.sections.some((s) => s.name.toLowerCase() === trimmed.toLowerCase())) {
		throw new SectionError(`There is already a section called “${trimmed}”.`);
	}
	const id = sectionId(trimmed, new Set(newsletter.sections.map((s) => s.id)));
	return { ...newsletter, sections: [...newsletter.sections, { id, name: trimmed, layout }] };
}

/** Rename or change the layout of a section; its id (and so its captures) stay. */
export function updateSection(newsletter: Newsletter, id: string, change: Partial<Omit<Section, "id">>): Newsletter {
	const name = change.name?.trim();
	if (change.name !== undefined && !name) throw new SectionError("A section needs a name.");
	if (name && newsletter.sections.some((s) => s.id !== id && s.name.toLowerCase() === name.toLowerCase())) {
		throw new SectionError(`There is already a section called “${name}”.`);
	}
	const sections = newsletter.sections.map((s) =>
		s.id === id ? tidySection({ ...s, ...change, ...(name ? { name } : {}) }) : s,
	);
	validateSections(sections);
	return { ...newsletter, sections };
}

/** A section without optional fields that say nothing (empty text, false flags), so stored data stays minimal. */
function tidySection(section: Section): Section {
	const out: Section = { id: section.id, name: section.name, layout: section.layout };
	if (section.parent) out.parent = section.parent;
	if (section.partial?.trim()) out.partial = section.partial.trim();
	if (section.keepWhenEmpty) out.keepWhenEmpty = true;
	if (section.emptyText?.trim()) out.emptyText = section.emptyText.trim();
	if (section.notesOptional) out.notesOptional = true;
	return out;
}

/** Move a section one place up (-1) or down (+1); at either end nothing changes. */
export function moveSection(newsletter: Newsletter, id: string, by: -1 | 1): Newsletter {
	const sections = [...newsletter.sections];
	const at = sections.findIndex((s) => s.id === id);
	const to = at + by;
	if (at === -1 || to < 0 || to >= sections.length) return newsletter;
	[sections[at], sections[to]] = [sections[to] as Section, sections[at] as Section];
	return { ...newsletter, sections };
}

/**
 * Delete a section, moving its captures into `moveTo` so none is lost.
 * Returns the new newsletter and the captures to write back.
 */
export function deleteSection(
	newsletter: Newsletter,
	id: string,
	moveTo: string,
	captures: readonly Capture[],
	now: number,
): { newsletter: Newsletter; moved: Capture[] } {
	if (id === moveTo) throw new SectionError("Choose another section to move its links to.");
	if (!newsletter.sections.some((s) => s.id === moveTo)) throw new SectionError("That section does not exist.");
	if (newsletter.sections.length < 2) throw new SectionError("A newsletter needs at least one section.");
	const moved = captures.filter((c) => c.section === id).map((c) => ({ ...c, section: moveTo, updatedAt: now }));
	const gone = newsletter.sections.find((s) => s.id === id);
	// Its subsections move up into its parent (or to the top level), keeping their place.
	const sections = newsletter.sections
		.filter((s) => s.id !== id)
		.map((s) => {
			if (s.parent !== id) return s;
			const { parent: _gone, ...rest } = s;
			return gone?.parent === undefined ? rest : { ...rest, parent: gone.parent };
		});
	return { newsletter: { ...newsletter, sections }, moved };
}

/**
 * Move a capture one place up or down within its section, by swapping
 * positions with its neighbour. Returns the captures whose position changed.
 */
export function moveCapture(captures: readonly Capture[], id: string, by: -1 | 1, now: number): Capture[] {
	const target = captures.find((c) => c.id === id);
	if (!target) return [];
	const peers = captures.filter((c) => c.section === target.section).sort(byPosition);
	const at = peers.indexOf(target);
	const other = peers[at + by];
	if (!other) return [];
	// Equal positions cannot be swapped meaningfully: spread them first.
	const a = target.position === other.position ? other.position + by : other.position;
	return [
		{ ...target, position: a, updatedAt: now },
		{ ...other, position: target.position, updatedAt: now },
	];
}

/** Where a capture goes: a section, and its index among that section's other captures (clamped). */
export interface CapturePlace {
	section: string;
	index: number;
}

/**
 * Move a capture to `place`: into that section (keeping it when it is the
 * capture's own) at that index among the section's other captures, in
 * position order. Returns only the captures that change: usually just the
 * moved one, given a position between its new neighbours; the section is
 * renumbered 0, 1, 2… only when its neighbours leave no room between them.
 */
export function moveCaptureTo(captures: readonly Capture[], id: string, place: CapturePlace, now: number): Capture[] {
	const target = captures.find((c) => c.id === id);
	if (!target) return [];
	const peers = captures.filter((c) => c.section === place.section && c.id !== id).sort(byPosition);
	const index = Math.max(0, Math.min(Math.trunc(place.index), peers.length));
	const before = peers[index - 1];
	const after = peers[index];
	const sameSection = target.section === place.section;
	// Already there: the same section, between the same neighbours.
	if (sameSection) {
		const current = [...peers, target].sort(byPosition);
		if (current.indexOf(target) === index) return [];
	}
	const moved = (position: number): Capture => ({ ...target, section: place.section, position, updatedAt: now });
	if (!before && !after) return [moved(sameSection ? target.position : 0)];
	if (!before && after) return [moved(after.position - 1)];
	if (before && !after) return [moved(before.position + 1)];
	const low = (before as Capture).position;
	const high = (after as Capture).position;
	const middle = low + (high - low) / 2;
	if (middle > low && middle < high) return [moved(middle)];
	// No number fits between them (equal positions, or floats exhausted): renumber the section.
	const ordered = [...peers.slice(0, index), target, ...peers.slice(index)];
	return ordered.flatMap((c, i) => {
		if (c.id === id) return [moved(i)];
		return c.position === i ? [] : [{ ...c, position: i, updatedAt: now }];
	});
}

/** The capture's place within its own section, in position order; undefined when it is not there. */
function placeOf(
	captures: readonly Capture[],
	id: string,
): { section: string; index: number; count: number } | undefined {
	const target = captures.find((c) => c.id === id);
	if (!target) return undefined;
	const peers = captures.filter((c) => c.section === target.section).sort(byPosition);
	return { section: target.section, index: peers.indexOf(target), count: peers.length };
}

/** Move a capture to the top of its section. */
export function moveCaptureToTop(captures: readonly Capture[], id: string, now: number): Capture[] {
	const at = placeOf(captures, id);
	return at ? moveCaptureTo(captures, id, { section: at.section, index: 0 }, now) : [];
}

/** Move a capture to the bottom of its section. */
export function moveCaptureToBottom(captures: readonly Capture[], id: string, now: number): Capture[] {
	const at = placeOf(captures, id);
	return at ? moveCaptureTo(captures, id, { section: at.section, index: at.count - 1 }, now) : [];
}

/** Move a capture to the end of another section (its own: nothing changes). */
export function moveCaptureToSection(
	captures: readonly Capture[],
	id: string,
	section: string,
	now: number,
): Capture[] {
	const at = placeOf(captures, id);
	if (!at || at.section === section) return [];
	return moveCaptureTo(captures, id, { section, index: Number.MAX_SAFE_INTEGER }, now);
}

/**
 * Move a capture into the section before (-1) or after (+1) its own in
 * `order` (section ids as the curator sees them), reading on: going forward
 * it arrives at the top of the next section, going back at the bottom of
 * the previous one. At either end nothing changes.
 */
export function moveCaptureAcross(
	captures: readonly Capture[],
	order: readonly string[],
	id: string,
	by: -1 | 1,
	now: number,
): Capture[] {
	const at = placeOf(captures, id);
	if (!at) return [];
	const to = order[order.indexOf(at.section) + by];
	if (to === undefined || order.indexOf(at.section) === -1) return [];
	return moveCaptureTo(captures, id, { section: to, index: by === 1 ? 0 : Number.MAX_SAFE_INTEGER }, now);
}
