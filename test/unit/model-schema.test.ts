import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../scripts/compile.ts";
import { parseBackup, serializeBackup } from "../../src/core/backup.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import { DEFAULT_NEWSLETTER, type Newsletter } from "../../src/core/newsletter.ts";
import { makeCapture } from "../helpers/captures.ts";

const NEWSLETTER: Newsletter = {
	...DEFAULT_NEWSLETTER,
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "eu", name: "Europe", layout: "entries", parent: "articles", partial: "card", notesOptional: true },
		{ id: "cfp", name: "Calls", layout: "list", keepWhenEmpty: true, emptyText: "None this week." },
	],
	fields: [
		{ id: "summary", label: "Summary", type: "markdown" },
		{ id: "forum", label: "Discussion", type: "text", recurring: true },
		{ id: "tags", label: "Tags", type: "list" },
	],
	partials: { md: { card: "**{{ entry.title }}**" } },
	htmlStyles: { h2: "color:#c00;" },
};

function backup() {
	const capture = makeCapture({ section: "eu", tags: ["rust"], fields: { place: "Berlin" }, sponsored: true }, 1000);
	const also = { ...makeCapture({ url: capture.url, section: "articles" }, 1001), alsoPlaced: true };
	return {
		exportedAt: "2026-11-24T22:00:00.000Z",
		newsletter: NEWSLETTER,
		draft: {
			number: 5,
			date: "2026-11-24",
			intro: "",
			outro: "Bye",
			outroRecurring: true,
			sponsors: [
				{ name: "Acme", text: "Buy", recurring: true },
				{ name: "Beta", text: "Try" },
			],
			fields: { summary: "A *week*", forum: "https://forum.example.org/5", tags: ["a", "b"] },
			sectionIntros: { articles: "Hello" },
		},
		captures: [capture, also],
		issues: [],
		templates: {},
		trackingParams: [],
		groups: [],
	};
}

function messageOf(read: () => unknown): string {
	try {
		read();
		return "accepted";
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** The backup with one change, as text. */
function edited(change: (b: ReturnType<typeof backup> & Record<string, unknown>) => void): string {
	const b = JSON.parse(serializeBackup(backup()));
	change(b);
	return JSON.stringify(b);
}

describe("backups with the newsletter model", () => {
	it("round-trip nested sections, issue fields, partials, styles, sponsors, tags and placements byte for byte", () => {
		const text = serializeBackup(backup());
		const read = parseBackup(text);
		expect(read.newsletter).toEqual(NEWSLETTER);
		expect(read.draft.sponsors).toHaveLength(2);
		expect(read.captures[1]?.alsoPlaced).toBe(true);
		expect(serializeBackup(read)).toBe(text);
	});

	// biome-ignore lint/suspicious/noExplicitAny: each case edits the parsed JSON freely
	it.each<[string, (b: any) => void, string]>([
		[
			"an unknown parent",
			(b) => (b.newsletter.sections[1].parent = "zz"),
			'newsletter.sections[1].parent: unknown section id "zz"',
		],
		[
			"a cycle",
			(b) => (b.newsletter.sections[0].parent = "eu"),
			"newsletter.sections[0].parent: a section cannot be inside itself",
		],
		[
			"a flag as text",
			(b) => (b.newsletter.sections[2].keepWhenEmpty = "yes"),
			'newsletter.sections[2].keepWhenEmpty: expected true or false, got "yes"',
		],
		[
			"an unknown field type",
			(b) => (b.newsletter.fields[1].type = "number"),
			'newsletter.fields[1].type: unknown field type "number" (expected "text", "markdown", "date", "list")',
		],
		[
			"a duplicate field id",
			(b) => (b.newsletter.fields[2].id = "summary"),
			'newsletter.fields[2].id: duplicate field id "summary" (also at [0])',
		],
		[
			"a field id templates cannot use",
			(b) => (b.newsletter.fields[0].id = "2nd"),
			'newsletter.fields[0].id: expected a name of letters, digits, "_" and "-" starting with a letter, got "2nd"',
		],
		[
			"a partial that is not text",
			(b) => (b.newsletter.partials.md.card = 3),
			"newsletter.partials.md.card: expected text, got 3",
		],
		[
			"partials of an unknown format",
			(b) => (b.newsletter.partials.pdf = {}),
			"newsletter.partials.pdf: unknown field (expected one of md, html, txt, json)",
		],
		[
			"a style for something that is not an element",
			(b) => (b.newsletter.htmlStyles["H2 x"] = "color:red"),
			'newsletter.htmlStyles["H2 x"]: bad name: expected an HTML element name in lower case, got "H2 x"',
		],
		[
			"a list field item that is not text",
			(b) => (b.draft.fields.tags = ["a", 2]),
			"draft.fields.tags[1]: expected text, got 2",
		],
		[
			"a field value that is neither text nor a list",
			(b) => (b.draft.fields.summary = {}),
			"draft.fields.summary: expected text or a list of text, got an object",
		],
		["a sponsor without a name", (b) => (b.draft.sponsors[1].name = ""), "draft.sponsors[1].name: must not be empty"],
		[
			"a section intro that is not text",
			(b) => (b.draft.sectionIntros.articles = null),
			"draft.sectionIntros.articles: expected text, got null",
		],
		["a tag that is empty", (b) => (b.captures[0].tags = ["ok", " "]), "captures[0].tags[1]: must not be empty"],
		[
			"a capture field that is not text",
			(b) => (b.captures[0].fields.place = 1),
			"captures[0].fields.place: expected text, got 1",
		],
		[
			"sponsored as text",
			(b) => (b.captures[0].sponsored = "no"),
			'captures[0].sponsored: expected true or false, got "no"',
		],
	])("refuse %s, naming the field's full path", (_name, change, message) => {
		expect(messageOf(() => parseBackup(edited(change)))).toBe(message);
	});
});

describe("issue files with the newsletter model", () => {
	const file = {
		newsletter: "Community Weekly",
		number: 3,
		date: "2026-03-05",
		sponsors: [{ name: "Acme", text: "Buy" }],
		fieldDefs: [{ id: "summary", label: "Summary", type: "text" }],
		fields: { summary: "Busy" },
		sectionIntros: { events: "Lots on." },
		htmlStyles: { h2: "color:#c00;" },
		partials: { md: { card: "x" } },
		sections: [
			{ id: "events", name: "Events", layout: "entries" },
			{ id: "eu", name: "Europe", layout: "entries", parent: "events" },
		],
		captures: [{ url: "https://ex.org/a", section: "eu", tags: ["meetup"], fields: { place: "Berlin" } }],
	};

	it("read every new field into the newsletter, the meta and the captures", () => {
		const { newsletter, meta, captures } = parseIssueFile(JSON.stringify(file));
		expect(newsletter).toMatchObject({ fields: file.fieldDefs, htmlStyles: file.htmlStyles, partials: file.partials });
		expect(newsletter.sections[1]?.parent).toBe("events");
		expect(meta).toMatchObject({ sponsors: file.sponsors, fields: file.fields, sectionIntros: file.sectionIntros });
		expect(captures[0]).toMatchObject({ tags: ["meetup"], fields: { place: "Berlin" } });
	});

	it("refuse a sponsor given both ways, and a subsection of an unknown section", () => {
		const both = { ...file, sponsor: { name: "Old", text: "t" } };
		expect(messageOf(() => parseIssueFile(JSON.stringify(both)))).toBe(
			'sponsor: give either "sponsor" or "sponsors", not both',
		);
		const orphan = { ...file, sections: [file.sections[1]] };
		expect(messageOf(() => parseIssueFile(JSON.stringify(orphan)))).toBe(
			'sections[0].parent: unknown section id "events"',
		);
	});
});

describe("the CLI takes the newsletter's model from a backup", () => {
	it("renders the draft with its issue fields, kept-empty sections and HTML style map", () => {
		const dir = mkdtempSync(join(tmpdir(), "linkletter-model-"));
		const path = join(dir, "backup.json");
		const b = backup();
		writeFileSync(
			path,
			serializeBackup({
				...b,
				templates: {
					md: "{{ issue.fields.forum }}|{{ issue.sponsors.size }}|{% for s in issue.sections %}{{ s.name }}:{{ s.level }}:{{ s.emptyText }};{% endfor %}",
				},
			}),
		);
		let out = "";
		const run = (...args: string[]) => {
			out = "";
			return main(args, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
		};
		expect(run(path, "--format", "md")).toBe(0);
		expect(out).toBe("https://forum.example.org/5|2|Articles:2:;Europe:3:;Calls:2:None this week.;");
		expect(run(path, "--format", "html")).toBe(0);
		expect(out).toContain('<h2 style="color:#c00;">Articles</h2>');
	});
});
