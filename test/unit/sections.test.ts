import { describe, expect, it } from "vitest";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import {
	addSection,
	deleteSection,
	moveCapture,
	moveSection,
	SectionError,
	sectionId,
	updateSection,
} from "../../src/core/sections.ts";
import { makeCapture } from "../helpers/captures.ts";

const names = (n: typeof DEFAULT_NEWSLETTER) => n.sections.map((s) => s.name);

describe("sections", () => {
	it("adds a section with a unique id and refuses a duplicate name", () => {
		const next = addSection(DEFAULT_NEWSLETTER, "Tools & Libraries", "entries");
		expect(next.sections.at(-1)).toEqual({ id: "tools-libraries", name: "Tools & Libraries", layout: "entries" });
		expect(() => addSection(next, "tools", "list")).toThrow(SectionError);
		expect(() => addSection(next, "  ", "list")).toThrow("A section needs a name.");
		expect(sectionId("Tools", new Set(["tools", "tools-2"]))).toBe("tools-3");
	});

	it("renames and re-lays out a section without changing its id", () => {
		const next = updateSection(DEFAULT_NEWSLETTER, "tools", { name: "Toolbox", layout: "list" });
		expect(next.sections[1]).toEqual({ id: "tools", name: "Toolbox", layout: "list" });
		expect(() => updateSection(DEFAULT_NEWSLETTER, "tools", { name: "Articles" })).toThrow(SectionError);
	});

	it("reorders sections, staying put at the ends", () => {
		expect(names(moveSection(DEFAULT_NEWSLETTER, "outages", -1))).toEqual(["Articles", "Outages", "Tools"]);
		expect(names(moveSection(DEFAULT_NEWSLETTER, "articles", -1))).toEqual(["Articles", "Tools", "Outages"]);
	});

	it("deleting a section moves its captures, never loses them", () => {
		const captures = [makeCapture({ section: "tools" }), makeCapture({ section: "articles" })];
		const { newsletter, moved } = deleteSection(DEFAULT_NEWSLETTER, "tools", "articles", captures, 99);
		expect(names(newsletter)).toEqual(["Articles", "Outages"]);
		expect(moved).toEqual([{ ...captures[0], section: "articles", updatedAt: 99 }]);
		expect(() => deleteSection(DEFAULT_NEWSLETTER, "tools", "tools", captures, 1)).toThrow(SectionError);
	});
});

describe("reordering captures", () => {
	it("swaps a capture with its neighbour in the same section", () => {
		const a = makeCapture({ section: "articles" }, 100);
		const other = makeCapture({ section: "tools" }, 150);
		const b = makeCapture({ section: "articles" }, 200);
		const changed = moveCapture([a, other, b], b.id, -1, 999);
		expect(changed.map((c) => [c.id, c.position])).toEqual([
			[b.id, 100],
			[a.id, 200],
		]);
		expect(moveCapture([a, other, b], a.id, -1, 999)).toEqual([]);
	});
});
