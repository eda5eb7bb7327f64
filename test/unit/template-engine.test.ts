import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { checkTemplate, renderIssue, TemplateError } from "../../src/core/render/index.ts";
import { TemplateEngine } from "../../src/core/template/engine.ts";
import { STANDARD_FILTERS } from "../../src/core/template/filters.ts";
import { OPS_DIGEST } from "../helpers/ops-digest.ts";

const engine = new TemplateEngine(STANDARD_FILTERS);
const render = (source: string, data: Record<string, unknown> = {}) => engine.render(source, data, "none");

const NEWSLETTER = OPS_DIGEST;
const ISSUE = compileIssue(
	[
		normalizeCapture(
			{ section: "articles", url: "https://a.example/1", title: "First <one>", note: "N1", position: 1 },
			{ id: "a", now: 1 },
		),
		normalizeCapture(
			{ section: "articles", url: "https://a.example/2", title: "Second", position: 2 },
			{ id: "b", now: 2 },
		),
		normalizeCapture(
			{ section: "outages", url: "https://o.example", title: "Down", group: "Acme", position: 3 },
			{ id: "c", now: 3 },
		),
	],
	NEWSLETTER,
	{ number: 12, date: "2024-03-05", intro: "", outro: "" },
);

function errorOf(run: () => unknown): TemplateError {
	try {
		run();
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error("expected a TemplateError");
}

describe("issue templates written by the curator", () => {
	it("render a custom template over the issue", () => {
		const template = [
			"{{ issue.title | upcase }} ({{ issue.longDate }})",
			"{% for section in issue.sections %}[{{ section.name }}: {{ section.entries.size }}]",
			"{% for entry in section.entries %}{{ forloop.index }}/{{ forloop.length }} {{ entry.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}",
			"{% endfor %}",
		].join("\n");
		expect(renderIssue(ISSUE, "txt", template)).toBe(
			"OPS DIGEST #12 (March 5, 2024)\n[Articles: 2]\n1/2 First <one>, 2/2 Second\n[Outages: 1]\n1/1 Down\n",
		);
	});

	it("escape every value in the HTML format, but not the Markdown a filter has already rendered", () => {
		const html = renderIssue(
			ISSUE,
			"html",
			"{% for e in issue.sections.first.entries %}<b>{{ e.title }}</b>{{ e.note | markdown }}{% endfor %}",
		);
		expect(html).toBe('<b>First &lt;one&gt;</b><p style="margin:0 0 16px;">N1</p><b>Second</b>');
	});

	it("support if/elsif/else, unless, assign, capture, comparisons, and/or, contains and empty", () => {
		const data = { n: 3, name: "Ada", list: [1, 2, 3], none: [], text: "" };
		expect(render("{% if n > 5 %}big{% elsif n == 3 %}three{% else %}small{% endif %}", data)).toBe("three");
		expect(render("{% unless text %}no text{% else %}text{% endunless %}", data)).toBe("no text");
		expect(render("{% if none %}x{% else %}empty lists are false{% endif %}", data)).toBe("empty lists are false");
		expect(render("{% if none == empty and name contains 'd' or n < 0 %}yes{% endif %}", data)).toBe("yes");
		expect(render("{% if list contains 2 %}has 2{% endif %}", data)).toBe("has 2");
		expect(render("{% assign who = name | downcase | append: '!' %}{{ who }}", data)).toBe("ada!");
		expect(render("{% capture both %}{{ name }}-{{ n }}{% endcapture %}[{{ both }}]", data)).toBe("[Ada-3]");
		expect(
			render(
				"{% for i in list reversed limit: 2 %}{{ i }}{% else %}none{% endfor %}|{% for i in none %}x{% else %}none{% endfor %}",
				data,
			),
		).toBe("21|none");
		expect(
			render("{{ list | join: ', ' }} {{ missing_ok | default: 'fallback' }}", { ...data, missing_ok: null }),
		).toBe("1, 2, 3 fallback");
		expect(render("{% comment %}{{ not rendered }}{% endcomment %}{% raw %}{{ kept }}{% endraw %}", data)).toBe(
			"{{ kept }}",
		);
	});

	it("trim whitespace on the side of a tag marked with -", () => {
		expect(render("a\n  {%- if true %}\n  b\n  {%- endif -%}\n  c")).toBe("a\n  bc");
		expect(render("x {{- 'y' -}} z")).toBe("xyz");
	});

	it("report a mistake with its line and column", () => {
		const cases: [string, string, number, number][] = [
			["Hello\n{% if issue.title %}\nno end", "{% if %} is never closed: add {% endif %}", 2, 1],
			["line one\n  {{ issue.title | shout }}", 'unknown filter "shout"', 2, 20],
			["{% for e in issue.sections %}\n{% endif %}", "unexpected {% endif %}", 2, 1],
			["ok\n\n   {% frobnicate %}", 'unknown tag "frobnicate"', 3, 4],
			["{{ issue.title ", '"{{" is never closed: add }}', 1, 1],
			["{{ 'open }}", "text in quotes is never closed", 1, 4],
			["{{ }}", "empty {{ }}", 1, 1],
		];
		for (const [template, reason, line, column] of cases) {
			const error = errorOf(() => renderIssue(ISSUE, "md", template));
			expect([error.reason.startsWith(reason) ? reason : error.reason, error.line, error.column]).toEqual([
				reason,
				line,
				column,
			]);
			expect(error.message).toContain(`line ${line}, column ${column}`);
			expect(checkTemplate(template)?.line).toBe(line);
		}
	});

	it("report a misspelt variable or field where it is used, when the issue is rendered", () => {
		const field = errorOf(() => renderIssue(ISSUE, "md", "{% for s in issue.sections %}\n  {{ s.nmae }}{% endfor %}"));
		expect([field.reason, field.line, field.column]).toEqual([
			'no field "nmae" on s — did you mean "name"? Fields: id, name, layout, entries, items',
			2,
			8,
		]);
		const variable = errorOf(() => renderIssue(ISSUE, "md", "{{ isue.title }}"));
		expect([variable.reason, variable.line, variable.column]).toEqual([
			'unknown variable "isue" — did you mean "issue"?',
			1,
			4,
		]);
		expect(checkTemplate("{{ isue.title }}")).toBeNull();
	});

	it("cannot reach anything but the data: no prototype, constructor or globals", () => {
		const templates = [
			"{{ issue.constructor }}",
			"{{ issue.__proto__ }}",
			"{{ issue.title.constructor }}",
			"{{ issue.sections.map }}",
			"{{ issue.toString }}",
			"{{ globalThis }}",
			"{{ process }}",
		];
		for (const template of templates) expect(() => renderIssue(ISSUE, "md", template)).toThrow(TemplateError);
		expect(render("{{ x.size }} {{ x['a'] }}", { x: { a: 1 } })).toBe("1 1");
	});

	it("stops a template that would loop forever instead of hanging the preview", () => {
		const big = Array.from({ length: 2000 }, (_, i) => i);
		const error = errorOf(() => render("{% for a in big %}{% for b in big %}{% endfor %}{% endfor %}", { big }));
		expect(error.reason).toBe("the template loops too many times");
	});
});
