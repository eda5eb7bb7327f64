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
	return {
		...newsletter,
		sections: newsletter.sections.map((s) => (s.id === id ? { ...s, ...change, ...(name ? { name } : {}) } : s)),
	};
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
	return { newsletter: { ...newsletter, sections: newsletter.sections.filter((s) => s.id !== id) }, moved };
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
