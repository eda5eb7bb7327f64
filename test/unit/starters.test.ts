import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { type Capture, normalizeCapture, type Section } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import { type IssueFile, parseIssueFile } from "../../src/core/issue-file.ts";
import type { Newsletter } from "../../src/core/newsletter.ts";
import { DEFAULT_TEMPLATES, type Format, renderFormats, renderOptions } from "../../src/core/render/index.ts";
import { NESTED_TEMPLATES } from "../../src/core/starters/default.ts";
import {
	applyStarter,
	COMMUNITY_WEEKLY_STARTER,
	DEFAULT_STARTER,
	HTML_WEEKLY_STARTER,
	LINK_BLOG_STARTER,
	STARTERS,
	type Starter,
	type StarterTarget,
	TEAM_DIGEST_STARTER,
} from "../../src/core/starters/index.ts";
import { liveConstructs } from "../helpers/markdown-inert.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/starters");
const ISSUES = join(import.meta.dirname, "../fixtures/issues");
const WEEKS = ["week-1", "week-2"] as const;
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

function readFile(path: string): IssueFile {
	return parseIssueFile(readFileSync(path, "utf8"));
}

/** The path a user's file takes: parse, normalise each capture (in file order), compile. */
function compileFile(file: IssueFile): Issue {
	const captures = file.captures.map((input, index) =>
		normalizeCapture({ ...input, position: index }, { id: `capture-${index + 1}`, now: 1_800_000_000_000 + index }),
	);
	return compileIssue(captures, file.newsletter, file.meta);
}

/** Every format the starter provides, rendered with its templates, partials and style map. */
function renderWith(starter: Starter, issue: Issue): Record<Format, string> {
	return renderFormats(issue, starter.formats, starter.templates, {
		partials: starter.partials,
		htmlStyles: starter.htmlStyles,
	});
}

function weekFile(starter: Starter, week: string): IssueFile {
	return readFile(join(FIXTURES, starter.id, `${week}.json`));
}

/** Compare with a golden file; `UPDATE_FIXTURES=1` rewrites it (then read the diff). */
function expectGolden(actual: string, path: string): void {
	if (process.env.UPDATE_FIXTURES === "1") writeFileSync(path, actual);
	expect(existsSync(path), `${path} is missing: run with UPDATE_FIXTURES=1 and read it`).toBe(true);
	expect(actual).toBe(readFileSync(path, "utf8"));
}

/** Sections a week's file has that the starter does not define: the template has never heard of them. */
function newSections(starter: Starter, file: IssueFile): Section[] {
	const known = new Set(starter.sections.map((s) => s.id));
	return file.newsletter.sections.filter((s) => !known.has(s.id));
}

function allTemplateText(starter: Starter): string[] {
	const texts = Object.values(starter.templates);
	for (const byName of Object.values(starter.partials)) texts.push(...Object.values(byName ?? {}));
	return texts;
}

const CASES = STARTERS.flatMap((starter) =>
	WEEKS.flatMap((week) => starter.formats.map((format) => [starter.id, week, format, starter] as const)),
);

describe("starter goldens: each starter over two weeks of its own newsletter", () => {
	it.each(CASES)("%s renders %s as %s like its golden", (id, week, format, starter) => {
		const out = renderWith(starter, compileFile(weekFile(starter, week)));
		expectGolden(out[format], join(FIXTURES, id, `${week}.expected.${format}`));
	});

	it.each(STARTERS.map((s) => [s.id, s] as const))("%s: the fixtures use the starter's own sections", (_, starter) => {
		for (const week of WEEKS) {
			const file = weekFile(starter, week);
			// Every section the starter defines is in the file exactly as the starter defines it.
			for (const section of starter.sections) {
				expect(file.newsletter.sections).toContainEqual(section);
			}
			expect(file.newsletter.fields ?? []).toEqual(starter.fields);
		}
	});
});

describe("starter templates serve every week of their newsletter", () => {
	it.each(STARTERS.map((s) => [s.id, s] as const))("%s names no section id", (_, starter) => {
		const ids = new Set(starter.sections.map((s) => s.id));
		for (const week of WEEKS) for (const s of weekFile(starter, week).newsletter.sections) ids.add(s.id);
		for (const text of allTemplateText(starter)) {
			expect(text).not.toMatch(/section\.id/);
			for (const id of ids) {
				expect(text.includes(`"${id}"`) || text.includes(`'${id}'`), `template names section "${id}"`).toBe(false);
			}
		}
	});

	it.each(STARTERS.map((s) => [s.id, s] as const))(
		"%s renders the section week 2 adds, with its links, in every format",
		(_, starter) => {
			const file = weekFile(starter, "week-2");
			const added = newSections(starter, file);
			expect(added.length).toBeGreaterThan(0);
			const issue = compileFile(file);
			const out = renderWith(starter, issue);
			for (const section of added) {
				const view = issue.sections.find((s) => s.id === section.id);
				expect(view?.entries.length).toBeGreaterThan(0);
				for (const format of starter.formats) {
					// The digest writes top-level names in capitals.
					expect(out[format].toLowerCase()).toContain(section.name.toLowerCase());
					for (const entry of view?.entries ?? []) expect(out[format]).toContain(entry.url);
				}
			}
		},
	);

	it("week 2 fills different sections than week 1 and is dated a week later", () => {
		for (const starter of STARTERS) {
			const [one, two] = WEEKS.map((week) => compileFile(weekFile(starter, week)));
			const filled = (issue: Issue | undefined) => (issue?.sections ?? []).filter((s) => !s.empty).map((s) => s.id);
			expect(filled(one)).not.toEqual(filled(two));
			expect(one?.date).not.toBe(two?.date);
		}
	});

	it("a kept empty section shows its text; an empty section that is not kept is left out", () => {
		const starter = COMMUNITY_WEEKLY_STARTER;
		const kept = starter.sections.find((s) => s.keepWhenEmpty);
		const emptyThisWeek = (file: IssueFile) =>
			starter.sections.filter((s) => !file.captures.some((c) => c.section === s.id) && s.parent !== undefined);
		const one = weekFile(starter, "week-1");
		const two = weekFile(starter, "week-2");
		expect(one.captures.some((c) => c.section === kept?.id)).toBe(false);
		const md1 = renderWith(starter, compileFile(one)).md;
		expect(md1).toContain(`## ${kept?.name}\n\n${kept?.emptyText}`);
		// Filled in week 2: its links, not the empty text.
		const md2 = renderWith(starter, compileFile(two)).md;
		expect(md2).not.toContain(kept?.emptyText);
		for (const section of emptyThisWeek(two)) expect(md2).not.toContain(`### ${section.name}`);
		expect(emptyThisWeek(two).length).toBeGreaterThan(0);
	});

	it("dates come from the date filter: another issue date gives other dates", () => {
		const file = weekFile(COMMUNITY_WEEKLY_STARTER, "week-1");
		const moved = { ...file, meta: { ...file.meta, date: "2027-12-01" } };
		const md = renderWith(COMMUNITY_WEEKLY_STARTER, compileFile(moved)).md;
		expect(md).toContain("*The week of November 25th to December 1st, 2027*");
		const digest = weekFile(TEAM_DIGEST_STARTER, "week-1");
		const txt = renderWith(
			TEAM_DIGEST_STARTER,
			compileFile({ ...digest, meta: { ...digest.meta, date: "2028-02-02" } }),
		);
		expect(txt.txt).toContain("Week ending Wednesday, February 2nd");
	});

	it("headings follow the nesting: a subsection is one level below its parent", () => {
		const md = renderWith(COMMUNITY_WEEKLY_STARTER, compileFile(weekFile(COMMUNITY_WEEKLY_STARTER, "week-1"))).md;
		expect(md).toMatch(/^## Updates\n\n### Core\n/m);
		// Regions of the events partial sit one level below their section.
		expect(md).toContain("### Europe\n");
		expect(md).toContain("## Upcoming events\n");
	});

	it("the link-blog post starts with front matter a YAML reader takes: title, date and tags", () => {
		for (const week of WEEKS) {
			const md = renderWith(LINK_BLOG_STARTER, compileFile(weekFile(LINK_BLOG_STARTER, week))).md;
			const match = /^---\n([\s\S]*?)\n---\n/.exec(md);
			expect(match).not.toBeNull();
			const values: Record<string, unknown> = {};
			for (const line of (match?.[1] ?? "").split("\n")) {
				const pair = /^([a-z]+): (.*)$/.exec(line);
				expect(pair, line).not.toBeNull();
				const [, key = "", value = ""] = pair ?? [];
				// Each value is JSON (which YAML reads as is) or a bare YYYY-MM-DD date.
				values[key] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : JSON.parse(value);
			}
			const file = weekFile(LINK_BLOG_STARTER, week);
			const issue = compileFile(file);
			expect(values.title).toBe(issue.title);
			expect(values.date).toBe(issue.date);
			expect(values.tags).toEqual(issue.fields.tags);
		}
	});
});

describe("the default starter", () => {
	it("is today's default templates, unchanged", () => {
		expect(DEFAULT_STARTER.templates).toEqual(DEFAULT_TEMPLATES);
	});

	it("renders SRE Weekly #90 as expected.md, byte for byte, as does the nested Markdown template", () => {
		const issue = compileFile(readFile(join(ISSUES, "sre-weekly-90", "issue.json")));
		const expected = readFileSync(join(ISSUES, "sre-weekly-90", "expected.md"), "utf8");
		expect(renderWith(DEFAULT_STARTER, issue).md).toBe(expected);
		expect(renderFormats(issue, ["md"], { md: NESTED_TEMPLATES.md }).md).toBe(expected);
	});

	it("renders its own weeks the same with the nested templates, in every format they cover", () => {
		for (const week of WEEKS) {
			const issue = compileFile(weekFile(DEFAULT_STARTER, week));
			const formats = ["md", "html", "txt"] as const;
			expect(renderFormats(issue, formats, NESTED_TEMPLATES)).toEqual(renderFormats(issue, formats));
		}
	});
});

/** Hostile page data (test/fixtures/issues/hostile) spread over a starter's sections. */
function hostileIssue(starter: Starter): Issue {
	const file = readFile(join(ISSUES, "hostile", "issue.json"));
	const sections = starter.sections;
	const newsletter: Newsletter = { ...file.newsletter, sections, fields: starter.fields };
	const captures: Capture[] = file.captures.map((input, index) =>
		normalizeCapture(
			{
				...input,
				section: (sections[index % sections.length] as Section).id,
				position: index,
				fields: { place: "<b>x</b>", date: "2027-03-01" },
			},
			{ id: `capture-${index + 1}`, now: 1_800_000_000_000 + index },
		),
	);
	return compileIssue(captures, newsletter, file.meta);
}

/** What in an HTML export could run or leave the page: scripts, handlers, non-web links. */
function liveHtml(html: string): string[] {
	const found: string[] = [];
	const doc = new JSDOM(html).window.document;
	for (const el of doc.querySelectorAll("*")) {
		const tag = el.tagName.toLowerCase();
		if (["script", "iframe", "object", "embed", "form", "style", "link", "base"].includes(tag)) found.push(tag);
		for (const attr of el.attributes) {
			if (attr.name.startsWith("on")) found.push(`${tag} ${attr.name}`);
			if ((attr.name === "href" || attr.name === "src") && !/^(https?:|mailto:|#)/i.test(attr.value)) {
				found.push(`${tag} ${attr.name}=${attr.value}`);
			}
		}
	}
	return found;
}

describe("starter outputs are inert", () => {
	it.each(STARTERS.map((s) => [s.id, s] as const))(
		"%s: Markdown and HTML of hostile data run nothing",
		(_, starter) => {
			const issues = [hostileIssue(starter), ...WEEKS.map((week) => compileFile(weekFile(starter, week)))];
			for (const issue of issues) {
				const out = renderWith(starter, issue);
				// Front matter is YAML the site generator reads, not Markdown it renders (its values are JSON strings).
				if (starter.formats.includes("md")) expect(liveConstructs(out.md.replace(FRONT_MATTER, ""))).toEqual([]);
				if (starter.formats.includes("html")) expect(liveHtml(out.html)).toEqual([]);
			}
		},
	);

	it("the HTML check finds a script and a javascript: link", () => {
		expect(liveHtml('<p><script>x</script><a href="javascript:alert(1)">a</a></p>')).toHaveLength(2);
	});
});

describe("applyStarter", () => {
	const fresh: StarterTarget = {
		templates: {},
		partials: {},
		sections: DEFAULT_STARTER.sections,
		fields: [],
	};

	it("on a newsletter with no templates of its own, gives the starter's everything and reports nothing edited", () => {
		const out = applyStarter(fresh, HTML_WEEKLY_STARTER, { overwriteEdited: false });
		expect(out.templates).toEqual(HTML_WEEKLY_STARTER.templates);
		expect(out.partials).toEqual(HTML_WEEKLY_STARTER.partials);
		expect(out.sections).toEqual(HTML_WEEKLY_STARTER.sections);
		expect(out.fields).toEqual(HTML_WEEKLY_STARTER.fields);
		expect(out.htmlStyles).toEqual(HTML_WEEKLY_STARTER.htmlStyles);
		expect(out.editedTemplates).toEqual([]);
		expect(out.editedPartials).toEqual([]);
		expect(out.editedHtmlStyles).toBe(false);
	});

	it("never overwrites a template the curator edited unless told, and reports it either way", () => {
		const mine = `${DEFAULT_TEMPLATES.md}\nMy own footer.\n`;
		const current: StarterTarget = { ...fresh, templates: { md: mine, html: "<p>mine</p>" } };
		const kept = applyStarter(current, LINK_BLOG_STARTER, { overwriteEdited: false });
		expect(kept.templates.md).toBe(mine);
		expect(kept.editedTemplates).toEqual(["md"]);
		// A format the starter has no template for is left alone.
		expect(kept.templates.html).toBe("<p>mine</p>");
		const replaced = applyStarter(current, LINK_BLOG_STARTER, { overwriteEdited: true });
		expect(replaced.templates.md).toBe(LINK_BLOG_STARTER.templates.md);
		expect(replaced.editedTemplates).toEqual(["md"]);
		expect(replaced.templates.html).toBe("<p>mine</p>");
	});

	it("replaces without asking a template that is the default or another starter's", () => {
		for (const md of [DEFAULT_TEMPLATES.md, COMMUNITY_WEEKLY_STARTER.templates.md, "  \n"]) {
			const out = applyStarter({ ...fresh, templates: { md } }, LINK_BLOG_STARTER, { overwriteEdited: false });
			expect(out.templates.md).toBe(LINK_BLOG_STARTER.templates.md);
			expect(out.editedTemplates).toEqual([]);
		}
	});

	it("keeps an edited partial and an edited style map unless told, and keeps the curator's other partials", () => {
		const current: StarterTarget = {
			...fresh,
			partials: { html: { item: "<p>{{ entry.title }}</p>", mine: "x" } },
			htmlStyles: { p: "color:red;" },
		};
		const kept = applyStarter(current, HTML_WEEKLY_STARTER, { overwriteEdited: false });
		expect(kept.partials.html?.item).toBe("<p>{{ entry.title }}</p>");
		expect(kept.partials.html?.featured).toBe(HTML_WEEKLY_STARTER.partials.html?.featured);
		expect(kept.partials.html?.mine).toBe("x");
		expect(kept.editedPartials).toEqual([{ format: "html", name: "item" }]);
		expect(kept.htmlStyles).toEqual({ p: "color:red;" });
		expect(kept.editedHtmlStyles).toBe(true);
		const replaced = applyStarter(current, HTML_WEEKLY_STARTER, { overwriteEdited: true });
		expect(replaced.partials.html?.item).toBe(HTML_WEEKLY_STARTER.partials.html?.item);
		expect(replaced.htmlStyles).toEqual(HTML_WEEKLY_STARTER.htmlStyles);
	});

	it("gives a newsletter that renders its starter's golden through the newsletter's own render options", () => {
		for (const starter of STARTERS) {
			const applied = applyStarter(fresh, starter, { overwriteEdited: false });
			const file = weekFile(starter, "week-1");
			const newsletter: Newsletter = {
				...file.newsletter,
				sections: applied.sections,
				fields: applied.fields,
				partials: applied.partials,
				...(applied.htmlStyles ? { htmlStyles: applied.htmlStyles } : {}),
			};
			const out = renderFormats(
				compileFile({ ...file, newsletter }),
				starter.formats,
				applied.templates,
				renderOptions(newsletter),
			);
			for (const format of starter.formats) {
				expect(out[format]).toBe(readFileSync(join(FIXTURES, starter.id, `week-1.expected.${format}`), "utf8"));
			}
		}
	});

	it("keeps sections that hold captures after the starter's, and the curator's own fields", () => {
		const current: StarterTarget = {
			...fresh,
			sections: [
				{ id: "articles", name: "Articles", layout: "entries" },
				{ id: "podcasts", name: "Podcasts", layout: "entries", parent: "articles" },
				{ id: "tools", name: "Tools", layout: "entries" },
			],
			fields: [{ id: "sponsor_note", label: "Sponsor note", type: "text" }],
		};
		const out = applyStarter(current, TEAM_DIGEST_STARTER, {
			overwriteEdited: false,
			keepSections: new Set(["podcasts", "tools"]),
		});
		expect(out.sections.map((s) => s.id)).toEqual([...TEAM_DIGEST_STARTER.sections.map((s) => s.id), "podcasts"]);
		// Its parent is gone: the kept section moves to the top level.
		expect(out.sections.at(-1)).toEqual({ id: "podcasts", name: "Podcasts", layout: "entries" });
		expect(out.fields).toEqual([{ id: "sponsor_note", label: "Sponsor note", type: "text" }]);
		// The input is not changed.
		expect(current.sections).toHaveLength(3);
	});
});
