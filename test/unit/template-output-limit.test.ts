import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { renderIssue, TemplateError } from "../../src/core/render/index.ts";

const MAX_OUTPUT = 16 * 1024 * 1024;

import { TemplateEngine } from "../../src/core/template/engine.ts";
import { STANDARD_FILTERS } from "../../src/core/template/filters.ts";
import { MAX_OUTPUT as ENGINE_LIMIT, TOO_LARGE } from "../../src/core/template/limits.ts";

const engine = new TemplateEngine(STANDARD_FILTERS);
const render = (source: string, data: Record<string, unknown>) => engine.render(source, data, "html");

/** Run a render that must fail; its error and how long it took to stop. */
function stopped(source: string, data: Record<string, unknown>): { error: TemplateError; ms: number } {
	const t0 = performance.now();
	try {
		render(source, data);
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		return { error, ms: performance.now() - t0 };
	}
	throw new Error("the render was expected to stop");
}

const LIMIT_REASON = /passed the limit of 16,777,216 characters \(16 MB\)/;

describe("template output limit", () => {
	it("names the limit it enforces in its message", () => {
		expect(TOO_LARGE).toContain(`limit of ${ENGINE_LIMIT.toLocaleString("en-US")} characters`);
	});

	it("stops a nested loop whose output would be huge, promptly, pointing at the output that passed it", () => {
		const xs = Array.from({ length: 1400 }, (_, i) => i);
		const text = "x".repeat(100);
		// 1,400 × 1,400 × 100 characters would be 196 MB of output.
		const { error, ms } = stopped("{% for a in xs %}\n{% for b in xs %}{{ text }}{% endfor %}{% endfor %}", {
			xs,
			text,
		});
		expect(error.reason).toMatch(LIMIT_REASON);
		expect([error.line, error.column]).toEqual([2, 18]);
		expect(ms).toBeLessThan(3000);
	});

	it("stops repeated output of one large value before joining it (no freeze, no out-of-memory)", () => {
		const big = "y".repeat(1024 * 1024);
		const xs = Array.from({ length: 5000 }, (_, i) => i);
		const { error, ms } = stopped("{% for a in xs %}{{ big }}{% endfor %}", { xs, big });
		expect(error.reason).toMatch(LIMIT_REASON);
		expect(ms).toBeLessThan(3000);
	});

	it("stops a value that doubles in a loop where the filter makes it too long", () => {
		const xs = Array.from({ length: 40 }, (_, i) => i);
		const { error } = stopped(
			'{% assign s = "ab" %}{% for i in xs %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
			{ xs },
		);
		expect(error.reason).toMatch(LIMIT_REASON);
		expect(error.column).toBe(1 + '{% assign s = "ab" %}{% for i in xs %}{% assign s = s | '.length);
	});

	it("counts captured text too, so a capture that doubles itself stops", () => {
		const xs = Array.from({ length: 40 }, (_, i) => i);
		const { error } = stopped(
			"{% capture s %}ab{% endcapture %}{% for i in xs %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}",
			{ xs },
		);
		expect(error.reason).toMatch(LIMIT_REASON);
	});

	it("renders output just under the limit whole", () => {
		const text = "z".repeat(MAX_OUTPUT - 10);
		expect(render("{{ t }}0123456789", { t: text })).toHaveLength(MAX_OUTPUT);
		expect(() => render("{{ t }}0123456789!", { t: text })).toThrow(LIMIT_REASON);
	});
});

describe("long values in the output", () => {
	const big = "B".repeat(40_000);
	const data = { big, small: "s", list: [1, 2, 3] };

	it("keep their place among short pieces, in loops, captures and partials", () => {
		expect(render("a{{ small }}{{ big }}{{ small }}z", data)).toBe(`as${big}sz`);
		expect(render("{% for i in list %}[{{ i }}{{ big }}]{% endfor %}", data)).toBe(`[1${big}][2${big}][3${big}]`);
		expect(render("{% capture c %}<{{ big }}>{% endcapture %}({{ c | size }}){{ c }}!", data)).toBe(
			`(${big.length + 2})<${big}>!`,
		);
		const withPartial = engine.render('x{% render "p", v: big %}y', data, "none", { partials: { p: "({{ v }})" } });
		expect(withPartial).toBe(`x(${big})y`);
	});

	it("keep their order when the output is gathered in many chunks, inside captures and partials too", () => {
		// 20,000 short pieces with a few long ones: far more than one chunk holds.
		const list = Array.from({ length: 20_000 }, (_, i) => i);
		const template = `{% for i in list %}{{ i }},{% if i == 7000 %}{{ big }}{% capture c %}{% for j in list %}{{ j }};{% endfor %}{% endcapture %}{% endif %}{% endfor %}|{{ c | size }}|{% render "p", v: list %}|{{ c | slice: 0, 12 }}`;
		const all = (sep: string) => list.map((i) => `${i}${sep}`).join("");
		const captured = all(";");
		const expected = `${list.map((i) => (i === 7000 ? `${i},${big}` : `${i},`)).join("")}|${captured.length}|${all("-")}|${captured.slice(0, 12)}`;
		const out = engine.render(template, { ...data, list }, "none", {
			partials: { p: "{% for k in v %}{{ k }}-{% endfor %}" },
		});
		expect(out.length).toBe(expected.length);
		expect(out).toBe(expected);
	});

	it("keep their order past a megabyte of output, where an archive export's chunks are made larger", () => {
		const list = Array.from({ length: 250_000 }, (_, i) => i);
		const out = engine.render("{% for i in list %}{{ i }},{% endfor %}{{ big }}.", { ...data, list }, "none");
		const expected = `${list.join(",")},${big}.`;
		expect(out.length).toBeGreaterThan(1024 * 1024);
		expect(out).toBe(expected);
	});

	it("still count against the limit", () => {
		const { error } = stopped("{% for i in list %}{{ big }}{% endfor %}", {
			big: "B".repeat(MAX_OUTPUT / 2),
			list: [1, 2, 3],
		});
		expect(error.message).toMatch(LIMIT_REASON);
	});
});

describe("an issue too large for one export", () => {
	it("says so and suggests holding captures, instead of blaming a loop alone", () => {
		const captures = Array.from({ length: 13_000 }, (_, i) =>
			normalizeCapture(
				{
					url: `https://example.com/post/${i}`,
					title: `Post ${i}`,
					note: `A note about post ${i}. ${"More commentary. ".repeat(40)}`,
					section: "articles",
				},
				{ now: 1_700_000_000_000 + i, id: `c${i}` },
			),
		);
		const issue = compileIssue(captures, DEFAULT_NEWSLETTER, { number: 1, date: "2026-12-02", intro: "", outro: "" });
		let error: unknown;
		try {
			renderIssue(issue, "json");
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(TemplateError);
		expect((error as TemplateError).message).toMatch(
			/more than one export can \(hold some captures for the next issue\)/,
		);
		// The same issue's Markdown is far smaller and still renders.
		expect(renderIssue(issue, "md")).toContain("Post 12999");
	});
});
