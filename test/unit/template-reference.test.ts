import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { ISSUE_FILTERS } from "../../src/core/render/filters.ts";
import { TemplateEngine } from "../../src/core/template/engine.ts";
import { describeVariables, templateReference } from "../../src/core/template/reference.ts";
import { TAG_ENTRIES } from "../../src/core/template/tags.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

const reference = templateReference();
const engine = new TemplateEngine(ISSUE_FILTERS);

describe("the template reference beside the editor", () => {
	const all = [...reference.syntax, ...reference.tags, ...reference.filters];

	it.each(all.map((entry) => [`${entry.kind} ${entry.name}`, entry] as const))(
		"%s: its example renders to the documented output through the real engine",
		(_, entry) => {
			const data = { ...(entry.exampleData ?? {}) };
			const output = engine.render(entry.example, data, "none", { partials: reference.examplePartials });
			expect(output).toBe(entry.exampleOutput);
		},
	);

	it("lists every filter the issue engine knows, and every tag the compiler accepts", () => {
		expect(reference.filters.map((f) => f.name)).toEqual(Object.keys(ISSUE_FILTERS).sort());
		expect(reference.tags.map((t) => t.name)).toEqual(Object.keys(TAG_ENTRIES));
		for (const name of ["date", "date_add", "where", "group_by", "sort_natural", "pluralize", "domain", "plus"]) {
			expect(reference.filters.some((f) => f.name === name)).toBe(true);
		}
		for (const name of ["case", "render", "if", "for"]) expect(reference.tags.some((t) => t.name === name)).toBe(true);
	});

	it("gives every entry a signature and a one-line summary, and a note for each difference from Liquid", () => {
		for (const entry of all) {
			expect(entry.signature, entry.name).not.toBe("");
			expect(entry.summary, entry.name).not.toMatch(/\n/);
			if (entry.origin === "differs") expect(entry.note, entry.name).toBeTruthy();
		}
		expect(reference.differences.join(" ")).toMatch(/empty lists are false/i);
		expect(reference.differences.join(" ")).toMatch(/does not exist is an error/);
		expect(reference.filters.find((f) => f.name === "date")?.note).toMatch(/no "now"/);
	});

	it("lists every date directive with what it writes, and each one works in the date filter", () => {
		const samples = Object.fromEntries(reference.dateDirectives.map((d) => [d.directive, d.sample]));
		expect(samples).toMatchObject({
			"%Y": "2024",
			"%B": "March",
			"%d": "06",
			"%o": "6th",
			"%a": "Wed",
			"%H": "14",
			"%s": "1709733909",
		});
		for (const { directive, sample } of reference.dateDirectives) {
			expect(engine.render(`{{ t | date: "${directive}" }}`, { t: "2024-03-06T14:05:09Z" }, "none")).toBe(sample);
		}
	});

	it("refuses a tag that the reference does not document", () => {
		expect(() => engine.render("{% increment x %}", {}, "none")).toThrow(/unknown tag "increment"/);
	});
});

describe("describeVariables", () => {
	const issue = compileIssue(
		[
			normalizeCapture(
				{ section: "articles", url: "https://a.example/1", title: "First", note: "N1", position: 1 },
				{ id: "a", now: 1 },
			),
		],
		OPS_DIGEST,
		{ number: 12, date: "2024-03-05", intro: "", outro: "" },
	);

	it("lists every path of the draft's issue with its actual value, and each path reads that value in a template", () => {
		const rows = describeVariables({ issue });
		const byPath = new Map(rows.map((row) => [row.path, row]));
		expect(byPath.get("issue.title")?.preview).toBe(JSON.stringify(issue.title));
		expect(byPath.get("issue.number")).toMatchObject({ type: "number", preview: "12" });
		expect(byPath.get("issue.sponsor")).toMatchObject({ type: "nil", preview: "nil" });
		expect(byPath.get("issue.sections")?.preview).toBe(`list of ${issue.sections.length}`);
		expect(byPath.get("issue.sections[0].entries[0].title")?.value).toBe("First");
		for (const row of rows) {
			if (row.type === "list" || row.type === "object") continue;
			const printed = engine.render(`{{ ${row.path} }}`, { issue }, "none");
			expect(printed, row.path).toBe(row.value === null ? "" : String(row.value));
		}
	});

	it("cuts long text and long lists, and survives a value that contains itself", () => {
		const loop: Record<string, unknown> = { name: "x".repeat(200) };
		loop.self = loop;
		const rows = describeVariables({ loop, list: [1, 2, 3, 4, 5] }, { maxItems: 2, maxText: 5 });
		expect(rows.map((row) => `${row.path}=${row.preview}`)).toEqual([
			"loop=object",
			'loop.name="xxxxx…"',
			"loop.self=object",
			"list=list of 5",
			"list[0]=1",
			"list[1]=2",
		]);
	});
});
