import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPosition, type Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import {
	addSection,
	deleteSection,
	moveCapture,
	moveCaptureAcross,
	moveCaptureTo,
	moveCaptureToBottom,
	moveCaptureToSection,
	moveCaptureToTop,
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

/** The captures after applying `changed`, as each section reads: section id → titles in order. */
function readOrder(captures: readonly Capture[], changed: readonly Capture[]): Record<string, string[]> {
	const byId = new Map(changed.map((c) => [c.id, c]));
	const after = captures.map((c) => byId.get(c.id) ?? c).sort(byPosition);
	const out: Record<string, string[]> = {};
	for (const c of after) out[c.section] = [...(out[c.section] ?? []), c.title];
	return out;
}

describe("moving captures anywhere", () => {
	const draft = () => [
		makeCapture({ title: "a1", section: "articles" }, 10),
		makeCapture({ title: "a2", section: "articles" }, 20),
		makeCapture({ title: "a3", section: "articles" }, 30),
		makeCapture({ title: "t1", section: "tools" }, 15),
		makeCapture({ title: "t2", section: "tools" }, 25),
	];
	const id = (captures: Capture[], title: string) => captures.find((c) => c.title === title)?.id ?? "";

	it("moves to the top and bottom of its section, writing only the moved capture", () => {
		const c = draft();
		const top = moveCaptureToTop(c, id(c, "a3"), 99);
		expect(top.map((x) => x.title)).toEqual(["a3"]);
		expect(top[0]?.updatedAt).toBe(99);
		expect(readOrder(c, top).articles).toEqual(["a3", "a1", "a2"]);
		expect(readOrder(c, moveCaptureToBottom(c, id(c, "a1"), 99)).articles).toEqual(["a2", "a3", "a1"]);
		expect(moveCaptureToTop(c, id(c, "a1"), 99)).toEqual([]);
		expect(moveCaptureToBottom(c, id(c, "a3"), 99)).toEqual([]);
	});

	it("moves into another section at an index, or to its end", () => {
		const c = draft();
		const into = moveCaptureTo(c, id(c, "a2"), { section: "tools", index: 1 }, 99);
		expect(into).toHaveLength(1);
		expect(readOrder(c, into)).toEqual({ articles: ["a1", "a3"], tools: ["t1", "a2", "t2"] });
		expect(readOrder(c, moveCaptureToSection(c, id(c, "a1"), "tools", 99))).toEqual({
			articles: ["a2", "a3"],
			tools: ["t1", "t2", "a1"],
		});
		expect(readOrder(c, moveCaptureTo(c, id(c, "t1"), { section: "outages", index: 0 }, 99)).outages).toEqual(["t1"]);
		expect(moveCaptureToSection(c, id(c, "a1"), "articles", 99)).toEqual([]);
	});

	it("moves across to the adjacent section, reading on: forward to its top, back to its bottom", () => {
		const c = draft();
		const order = ["articles", "tools", "outages"];
		expect(readOrder(c, moveCaptureAcross(c, order, id(c, "a3"), 1, 99)).tools).toEqual(["a3", "t1", "t2"]);
		expect(readOrder(c, moveCaptureAcross(c, order, id(c, "t1"), -1, 99)).articles).toEqual(["a1", "a2", "a3", "t1"]);
		expect(moveCaptureAcross(c, order, id(c, "a1"), -1, 99)).toEqual([]);
	});

	it("renumbers the section when no position fits between the neighbours", () => {
		const same = [1, 2, 3].map((n) => makeCapture({ title: `s${n}`, section: "articles", position: 5 }, n));
		const changed = moveCaptureTo(same, id(same, "s3"), { section: "articles", index: 1 }, 99);
		expect(readOrder(same, changed).articles).toEqual(["s1", "s3", "s2"]);
	});

	it("puts the capture exactly where asked and leaves every other order alone (any draft, any move)", () => {
		const sections = ["articles", "tools", "outages"];
		const arbitrary = fc.record({
			rows: fc.array(fc.record({ section: fc.constantFrom(...sections), position: fc.integer({ min: 0, max: 6 }) }), {
				minLength: 1,
				maxLength: 12,
			}),
			pick: fc.nat(),
			to: fc.constantFrom(...sections),
			index: fc.integer({ min: -2, max: 14 }),
		});
		fc.assert(
			fc.property(arbitrary, ({ rows, pick, to, index }) => {
				const c = rows.map((r, i) => makeCapture({ title: `c${i}`, ...r }, i));
				const target = c[pick % c.length] as Capture;
				const before = readOrder(c, []);
				const changed = moveCaptureTo(c, target.id, { section: to, index }, 99);
				const after = readOrder(c, changed);
				const expected = { ...before };
				expected[target.section] = (before[target.section] ?? []).filter((t) => t !== target.title);
				const dest = [...(expected[to] ?? [])];
				dest.splice(Math.max(0, Math.min(index, dest.length)), 0, target.title);
				expected[to] = dest;
				for (const key of Object.keys(expected)) if (expected[key]?.length === 0) delete expected[key];
				expect(after).toEqual(expected);
			}),
		);
	});
});
