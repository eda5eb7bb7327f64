import { describe, expect, it } from "vitest";
import { TemplateEngine } from "../../src/core/template/engine.ts";
import { STANDARD_FILTERS } from "../../src/core/template/filters.ts";

const engine = new TemplateEngine(STANDARD_FILTERS);
const render = (source: string, data: Record<string, unknown> = {}) => engine.render(source, data, "none");

/*
 * Liquid's whitespace control: a hyphen inside the braces strips every
 * whitespace character (spaces, tabs, newlines) on that side of the tag, up
 * to the nearest text that is not whitespace or the nearest tag. Without a
 * hyphen nothing is stripped: the newline after a tag stays.
 */
describe("whitespace control, as Liquid documents it", () => {
	it("keeps every newline around tags written without hyphens", () => {
		expect(render("a\n{% if true %}\nb\n{% endif %}\nc")).toBe("a\n\nb\n\nc");
	});

	it("strips both sides of tags on their own lines with {%- -%}", () => {
		expect(render("a\n{%- if true -%}\nb\n{%- endif -%}\nc")).toBe("abc");
	});

	it("strips only the side the hyphen is on", () => {
		expect(render("a\n  {%- if true %}\nb\n{% endif %}")).toBe("a\nb\n");
		expect(render("a\n{% if true -%}\n  b{% endif %}")).toBe("a\nb");
	});

	it("leaves no blank line for a tag on its own line when only its left side is marked", () => {
		const template = "<ul>\n  {%- for x in list %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>";
		expect(render(template, { list: ["a", "b"] })).toBe("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>");
		expect(render(template, { list: [] })).toBe("<ul>\n</ul>");
	});

	it("strips lines holding only spaces and tabs, however many, on the marked side", () => {
		expect(render("a\n   \n\t\n   {%- if true %}x{% endif %}")).toBe("ax");
		expect(render("{% if true -%}\n  \n\t \n  b{% endif %}")).toBe("b");
		expect(render("a\n   \n{% if true %}x{% endif %}")).toBe("a\n   \nx");
	});

	it("strips around {{- and -}} outputs the same way", () => {
		expect(render("a  \n {{- 'b' }}  c")).toBe("ab  c");
		expect(render("a  {{ 'b' -}} \n c")).toBe("a  bc");
		expect(render("x {{- 'y' -}} z")).toBe("xyz");
	});

	it("never strips text that is not whitespace, and joins adjacent tags cleanly", () => {
		expect(render("a{{- 'b' -}}c")).toBe("abc");
		expect(render("{% if true %} {{- 'x' -}} {% endif %}")).toBe("x");
		expect(render("{%- assign n = 1 -%}  {{- n -}}  {%- assign m = 2 -%}|")).toBe("1|");
	});

	it("strips a Windows line ending as whitespace too", () => {
		expect(render("a\r\n{%- if true -%}\r\nb{% endif %}")).toBe("ab");
	});

	it("strips across a comment marked with hyphens, leaving nothing of it", () => {
		expect(render("a \n{%- comment -%} note {%- endcomment -%}\n b")).toBe("ab");
		expect(render("a \n{%- # note -%}\n b")).toBe("ab");
	});

	it("strips inside case/when and render the same way", () => {
		const template = '{%- case x -%}\n  {%- when "a" -%}\n  A\n  {%- else -%}\n  other\n{%- endcase -%}\n';
		expect(render(template, { x: "a" })).toBe("A");
		expect(render(template, { x: "b" })).toBe("other");
		const partials = { p: "\n  {{- v -}}\n" };
		expect(engine.render('[\n  {%- render "p", v: 1 -%}\n]', {}, "none", { partials })).toBe("[1]");
	});
});
