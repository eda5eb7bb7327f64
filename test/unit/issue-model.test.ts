import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Capture, type CaptureInput, normalizeCapture, type Section } from "../../src/core/capture.ts";
import { checkIssue, checkRenderedSections } from "../../src/core/checklist.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import {
	carryRecurring,
	type IssueMeta,
	issueSponsors,
	type Newsletter,
	newIssueMeta,
	nextIssueMeta,
	normalizeIssueMeta,
	type SentIssue,
} from "../../src/core/newsletter.ts";
import { applyHtmlStyles, mergedHtmlStyles } from "../../src/core/render/html-styles.ts";
import { renderIssue, withKnownPartials } from "../../src/core/render/index.ts";
import {
	deleteSection,
	MAX_SECTION_DEPTH,
	orderSections,
	SectionError,
	setSectionParent,
	updateSection,
	validateSections,
} from "../../src/core/sections.ts";
import { NESTED_MARKDOWN_TEMPLATE, NESTED_TEMPLATES } from "../../src/core/starters/default.ts";

const SECTIONS: Section[] = [
	{ id: "updates", name: "Updates", layout: "entries" },
	{ id: "events", name: "Events", layout: "entries" },
	{ id: "europe", name: "Europe", layout: "entries", parent: "events" },
	{ id: "cfp", name: "Calls for participation", layout: "list", keepWhenEmpty: true, emptyText: "No calls this week." },
	{ id: "berlin", name: "Berlin", layout: "entries", parent: "europe" },
	{ id: "quote", name: "Quote of the week", layout: "entries" },
];
const NEWSLETTER: Newsletter = {
	name: "Community Weekly",
	titleTemplate: "{{newsletter}} #{{number}}",
	sections: SECTIONS,
};
const META: IssueMeta = { number: 12, date: "2026-03-05", intro: "", outro: "" };

let n = 0;
function capture(input: Omit<CaptureInput, "url"> & { url?: string }): Capture {
	n += 1;
	return normalizeCapture(
		{ url: `https://example.org/${n}`, title: `Link ${n}`, note: `Note ${n}.`, ...input },
		{
			id: `c${n}`,
			now: 1000 + n,
		},
	);
}

describe("nested sections", () => {
	it("places subsections after their parent, depth first, with heading levels by depth", () => {
		const issue = compileIssue(
			[capture({ section: "berlin" }), capture({ section: "updates" }), capture({ section: "quote" })],
			NEWSLETTER,
			META,
		);
		expect(issue.sections.map((s) => [s.id, s.depth, s.level, s.parent])).toEqual([
			["updates", 0, 2, null],
			["events", 0, 2, null],
			["europe", 1, 3, "events"],
			["berlin", 2, 4, "europe"],
			["cfp", 0, 2, null],
			["quote", 0, 2, null],
		]);
		// A parent with nothing of its own renders for the sake of its subsection, and lists it.
		const events = issue.sections[1];
		expect(events?.empty).toBe(true);
		expect(events?.sections.map((s) => s.id)).toEqual(["europe"]);
		expect(events?.sections[0]?.sections[0]).toBe(issue.sections[3]);
	});

	it("renders nested headings one level deeper in the nested starter template", () => {
		const issue = compileIssue([capture({ section: "berlin", title: "Meetup" })], NEWSLETTER, META);
		const md = renderIssue(issue, "md", NESTED_MARKDOWN_TEMPLATE);
		expect(md).toContain("## Events\n\n### Europe\n\n#### Berlin\n\n##### [Meetup](https://example.org/");
	});

	it("leaves out a section with nothing in it, itself or below", () => {
		const issue = compileIssue([capture({ section: "updates" })], NEWSLETTER, META);
		expect(issue.sections.map((s) => s.id)).toEqual(["updates", "cfp"]);
	});

	it("refuses a parent that does not exist, a cycle and nesting deeper than the limit", () => {
		expect(() => validateSections([{ id: "a", name: "A", layout: "entries", parent: "zz" }])).toThrow(SectionError);
		const cycle: Section[] = [
			{ id: "a", name: "A", layout: "entries", parent: "b" },
			{ id: "b", name: "B", layout: "entries", parent: "a" },
		];
		expect(() => validateSections(cycle)).toThrow(/inside itself/);
		const chain: Section[] = Array.from({ length: MAX_SECTION_DEPTH + 1 }, (_, i) => ({
			id: `s${i}`,
			name: `S${i}`,
			layout: "entries" as const,
			...(i > 0 ? { parent: `s${i - 1}` } : {}),
		}));
		expect(() => validateSections(chain.slice(0, MAX_SECTION_DEPTH))).not.toThrow();
		expect(() => validateSections(chain)).toThrow(/nested too deeply/);
		expect(() => setSectionParent(NEWSLETTER, "events", "berlin")).toThrow(/inside itself/);
		expect(() => updateSection(NEWSLETTER, "updates", { parent: "updates" })).toThrow(SectionError);
	});

	it("never loses a section of bad data: a cycle is rendered at the top level", () => {
		const cycle: Section[] = [
			{ id: "a", name: "A", layout: "entries", parent: "b" },
			{ id: "b", name: "B", layout: "entries", parent: "a" },
		];
		expect(orderSections(cycle).map((p) => [p.section.id, p.depth])).toEqual([
			["a", 0],
			["b", 1],
		]);
		const issue = compileIssue(
			[capture({ section: "a" }), capture({ section: "b" })],
			{ ...NEWSLETTER, sections: cycle },
			META,
		);
		expect(issue.sections.flatMap((s) => s.entries).length).toBe(2);
	});

	it("moves a deleted section's subsections up into its parent", () => {
		const { newsletter } = deleteSection(NEWSLETTER, "europe", "updates", [], 0);
		expect(newsletter.sections.find((s) => s.id === "berlin")?.parent).toBe("events");
		validateSections(newsletter.sections);
	});

	it("still renders a section whose partial the format does not have, the default way", () => {
		const sections: Section[] = [{ id: "updates", name: "Updates", layout: "entries", partial: "card" }];
		const issue = compileIssue([capture({ section: "updates", title: "Kept" })], { ...NEWSLETTER, sections }, META);
		expect(issue.sections[0]?.partial).toBe("card");
		expect(withKnownPartials(issue, {}).sections[0]?.partial).toBeNull();
		expect(withKnownPartials(issue, { card: "…" }).sections[0]?.partial).toBe("card");
		const md = renderIssue(issue, "md", undefined, { partials: { html: { card: "x" } } });
		expect(md).toContain("## Updates\n\n### [Kept]");
	});
});

describe("kept-empty sections and section intros", () => {
	it("renders a section kept when empty with its text", () => {
		const issue = compileIssue([], NEWSLETTER, META);
		const cfp = issue.sections.find((s) => s.id === "cfp");
		expect(cfp).toMatchObject({ empty: true, emptyText: "No calls this week." });
		const md = renderIssue(issue, "md", NESTED_MARKDOWN_TEMPLATE);
		expect(md).toContain("## Calls for participation\n\nNo calls this week.\n");
	});

	it("shows no empty text once the section has links", () => {
		const issue = compileIssue([capture({ section: "cfp", title: "Speak!" })], NEWSLETTER, META);
		const cfp = issue.sections.find((s) => s.id === "cfp");
		expect(cfp?.emptyText).toBeNull();
		expect(renderIssue(issue, "md", NESTED_MARKDOWN_TEMPLATE)).not.toContain("No calls this week.");
	});

	it("renders this issue's intro of a section, and a section with only an intro", () => {
		const meta = { ...META, sectionIntros: { quote: "From *the* mailing list:" } };
		const issue = compileIssue([], NEWSLETTER, meta);
		expect(issue.sections.find((s) => s.id === "quote")?.intro).toBe("From *the* mailing list:");
		expect(renderIssue(issue, "md", NESTED_MARKDOWN_TEMPLATE)).toContain(
			"## Quote of the week\n\nFrom *the* mailing list:\n",
		);
	});
});

describe("the nested starter templates", () => {
	const formats = ["md", "html", "txt"] as const;
	it.each(["sre-weekly-90", "hostile"])("render %s exactly as the default templates do", (name) => {
		const dir = join(import.meta.dirname, "../fixtures/issues", name);
		const file = parseIssueFile(readFileSync(join(dir, "issue.json"), "utf8"));
		const captures = file.captures.map((input, i) =>
			normalizeCapture({ ...input, position: i }, { id: `c${i}`, now: i }),
		);
		const issue = compileIssue(captures, file.newsletter, file.meta);
		for (const format of formats) {
			expect(renderIssue(issue, format, NESTED_TEMPLATES[format]), format).toBe(renderIssue(issue, format));
		}
	});

	it("render subsections, intros, kept-empty text and several sponsors in HTML and plain text", () => {
		const meta = {
			...META,
			sponsors: [
				{ name: "Acme", text: "Buy." },
				{ name: "Globex", text: "Hire." },
			],
			sectionIntros: { events: "Lots *on*." },
		};
		const issue = compileIssue([capture({ section: "europe", title: "Meetup" })], NEWSLETTER, meta);
		const html = renderIssue(issue, "html", NESTED_TEMPLATES.html);
		expect(html).toMatch(
			/<h3 style="[^"]*">Europe<\/h3>\n<h4 style="[^"]*"><a href="https:\/\/example.org\/\d+"[^>]*>Meetup<\/a><\/h4>/,
		);
		expect(html).toContain("<em>on</em>");
		expect(html).toContain('<p style="margin:0 0 16px;">No calls this week.</p>');
		expect(html).not.toContain('<ul style="margin:0 0 16px;padding:0 0 0 24px;">\n</ul>');
		expect(html.match(/A message from our sponsor/g)).toHaveLength(2);
		const txt = renderIssue(issue, "txt", NESTED_TEMPLATES.txt);
		expect(txt).toContain("\n\nEvents\n------\n\nLots on.\n\n\nEurope\n······\n\nMeetup\n");
		expect(txt).toContain("Calls for participation\n-----------------------\n\nNo calls this week.");
		expect(txt).toContain("A message from our sponsor, Acme: Buy.\n\nA message from our sponsor, Globex: Hire.\n---");
	});
});

describe("sponsors, sponsored items, tags and fields", () => {
	it("reads the old single sponsor as a list of one", () => {
		const sponsor = { name: "Acme", text: "Buy." };
		expect(issueSponsors({ ...META, sponsor })).toEqual([sponsor]);
		expect(normalizeIssueMeta({ ...META, sponsor })).toEqual({ ...META, sponsors: [sponsor] });
		expect(compileIssue([], NEWSLETTER, { ...META, sponsor }).sponsors.map((s) => s.name)).toEqual(["Acme"]);
	});

	it("renders several sponsors, and sponsored items inside their section", () => {
		const meta = {
			...META,
			sponsors: [
				{ name: "Acme", text: "Buy." },
				{ name: "Globex", text: "Hire." },
			],
		};
		const items = [
			capture({ section: "updates", title: "First", position: 1 }),
			capture({ section: "updates", title: "Paid", position: 2, sponsored: true }),
			capture({ section: "updates", title: "Last", position: 3 }),
		];
		const issue = compileIssue(items, NEWSLETTER, meta);
		expect(issue.sponsored.map((e) => e.title)).toEqual(["Paid"]);
		expect(issue.sections[0]?.entries.map((e) => [e.title, e.sponsored])).toEqual([
			["First", false],
			["Paid", true],
			["Last", false],
		]);
		const md = renderIssue(issue, "md", NESTED_MARKDOWN_TEMPLATE);
		expect(md).toContain(
			"**A message from our sponsor, Acme:** Buy.\n\n**A message from our sponsor, Globex:** Hire.\n\n---",
		);
		expect(md.indexOf("[First]")).toBeLessThan(md.indexOf("[Paid]"));
		expect(md.indexOf("[Paid]")).toBeLessThan(md.indexOf("[Last]"));
	});

	it("gives templates each capture's tags and custom fields", () => {
		const c = capture({
			section: "updates",
			tags: [" rust ", "Rust", "", "wasm"],
			fields: { place: " Berlin ", "": "x" },
		});
		expect(c.tags).toEqual(["rust", "wasm"]);
		expect(c.fields).toEqual({ place: "Berlin" });
		const issue = compileIssue([c], NEWSLETTER, META);
		const template =
			"{% for s in issue.sections %}{% for e in s.entries %}{{ e.tags | join: ',' }}@{{ e.fields.place }}{% endfor %}{% endfor %}";
		expect(renderIssue(issue, "md", template)).toBe("rust,wasm@Berlin");
	});

	it("gives templates and front matter the issue's fields as plain values", () => {
		const newsletter: Newsletter = {
			...NEWSLETTER,
			fields: [
				{ id: "summary", label: "Summary", type: "markdown" },
				{ id: "tags", label: "Tags", type: "list" },
				{ id: "start", label: "Period start", type: "date" },
				{ id: "discuss", label: "Discussion", type: "text" },
			],
		};
		const meta = {
			...META,
			fields: { summary: " A *busy* week \r\n", tags: ["rust", " "], start: "2026-02-30", other: "x" },
		};
		const issue = compileIssue([], newsletter, meta);
		expect(issue.fields).toEqual({ summary: "A *busy* week", tags: ["rust"], start: null, discuss: "" });
		const front = "---\ntitle: {{ issue.title | json }}\ntags: {{ issue.fields.tags | json }}\n---\n";
		expect(renderIssue(issue, "md", front)).toBe('---\ntitle: "Community Weekly #12"\ntags: ["rust"]\n---\n');
	});
});

describe("recurring details carry over to the next draft", () => {
	const newsletter: Newsletter = {
		...NEWSLETTER,
		fields: [
			{ id: "discuss", label: "Discussion", type: "text", recurring: true },
			{ id: "summary", label: "Summary", type: "markdown" },
		],
	};
	const sent = (meta: IssueMeta): SentIssue => ({
		number: meta.number,
		sentAt: 1,
		newsletter,
		meta,
		captures: [],
		templates: {},
	});

	it("carries recurring fields, sponsors and outro; nothing else", () => {
		const meta: IssueMeta = {
			...META,
			intro: "This week…",
			outro: "See you next week.",
			outroRecurring: true,
			sponsors: [
				{ name: "Acme", text: "Every week.", recurring: true },
				{ name: "Once", text: "Just this once." },
			],
			fields: { discuss: "https://forum.example.org", summary: "Busy" },
			sectionIntros: { updates: "Hi" },
		};
		expect(nextIssueMeta(sent(meta), 13, "2026-03-12")).toEqual({
			number: 13,
			date: "2026-03-12",
			intro: "",
			outro: "See you next week.",
			outroRecurring: true,
			autoDate: true,
			sponsors: [{ name: "Acme", text: "Every week.", recurring: true }],
			fields: { discuss: "https://forum.example.org" },
		});
	});

	it("carries nothing that was not marked recurring", () => {
		const meta: IssueMeta = { ...META, outro: "Bye", sponsor: { name: "Old", text: "t" }, fields: { summary: "x" } };
		expect(nextIssueMeta(sent(meta), 13, "2026-03-12")).toEqual(newIssueMeta(13, "2026-03-12"));
	});

	it("keeps what the next draft already has", () => {
		const meta: IssueMeta = { ...META, outro: "Old outro", outroRecurring: true, fields: { discuss: "old" } };
		const next = { ...newIssueMeta(13, "2026-03-12"), outro: "New outro", fields: { discuss: "new" } };
		expect(carryRecurring(sent(meta), next)).toMatchObject({ outro: "New outro", fields: { discuss: "new" } });
	});
});

describe("the checklist follows the format", () => {
	it("asks for no note in a section whose notes are optional", () => {
		const sections: Section[] = [
			{ id: "brief", name: "In brief", layout: "entries", notesOptional: true },
			{ id: "main", name: "Main", layout: "entries" },
		];
		const items = checkIssue(
			[capture({ section: "brief", note: "" }), capture({ section: "main", note: "" })],
			sections,
			[],
		);
		expect(items.filter((i) => i.kind === "no-note").map((i) => i.message)).toEqual(["“Link " + n + "” has no note."]);
	});

	it("does not call a parent with filled subsections, or a section kept when empty, empty", () => {
		const items = checkIssue(
			[capture({ section: "berlin" }), capture({ section: "updates" }), capture({ section: "quote" })],
			SECTIONS,
			[],
		);
		expect(items.filter((i) => i.kind === "empty-section")).toEqual([]);
		const none = checkIssue([capture({ section: "updates" }), capture({ section: "quote" })], SECTIONS, []);
		expect(none.filter((i) => i.kind === "empty-section").map((i) => i.message)).toEqual([
			"The section “Events” is empty.",
			"The section “Europe” is empty.",
			"The section “Berlin” is empty.",
		]);
	});

	it("counts a link placed deliberately in a second section as no duplicate, but twice in one section as one", () => {
		const url = "https://example.org/same";
		const first = capture({ url, section: "updates" });
		const also = capture({ url, section: "quote", alsoPlaced: true });
		const dup = (items: ReturnType<typeof checkIssue>) => items.filter((i) => i.kind === "duplicate");
		expect(dup(checkIssue([first, also], SECTIONS, []))).toEqual([]);
		expect(dup(checkIssue([first, { ...also, section: "updates" }], SECTIONS, []))).toHaveLength(1);
		expect(dup(checkIssue([first, { ...also, alsoPlaced: undefined }], SECTIONS, []))).toHaveLength(1);
	});

	it("flags a section whose rendering came out empty", () => {
		const items = checkRenderedSections({ updates: "## Updates\n", quote: " \n\n" }, SECTIONS);
		expect(items.map((i) => [i.kind, i.message])).toEqual([
			["renders-nothing", "The section “Quote of the week” renders nothing: check its template."],
		]);
	});
});

describe("the HTML style map", () => {
	it("restyles the elements it names in the HTML export, and leaves the rest byte for byte", () => {
		const issue = compileIssue(
			[capture({ section: "updates", note: "See [docs](https://ex.org/d)." })],
			NEWSLETTER,
			META,
		);
		const plain = renderIssue(issue, "html");
		const styled = renderIssue(issue, "html", undefined, { htmlStyles: { h2: "color:#c00;", a: 'color:"red"' } });
		expect(styled).toContain('<h2 style="color:#c00;">Updates</h2>');
		expect(styled).toContain('<a href="https://ex.org/d" style="color:&quot;red&quot;">docs</a>');
		expect(styled).not.toContain("border-bottom:2px solid #222222");
		const untouched = (html: string) => html.replace(/<(h2|a)\b[^>]*>/g, "");
		expect(untouched(styled)).toBe(untouched(plain));
	});

	it("adds a style to an element that had none, and ignores names that are not elements", () => {
		expect(
			applyHtmlStyles("<p><strong>x</strong><br/></p>", { strong: "color:red", br: "clear:both", "p x": "no" }),
		).toBe('<p><strong style="color:red">x</strong><br style="clear:both"/></p>');
		expect(mergedHtmlStyles({ p: "margin:0" }).p).toBe("margin:0");
		expect(mergedHtmlStyles({}).ul).toContain("padding");
	});
});
