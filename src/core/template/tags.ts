import type { Documented } from "./context.ts";

/**
 * Every tag the compiler accepts, with its documentation. The compiler
 * refuses any tag name not in this table, so the reference built from it
 * lists exactly the tags that work. Closing words (`endif`, `when`, `else` …)
 * are part of their opening tag's entry.
 */
export const TAG_ENTRIES: Readonly<Record<string, Documented>> = {
	if: {
		signature: "{% if condition %} … {% elsif condition %} … {% else %} … {% endif %}",
		summary:
			"Output a block when a condition is true. Operators ==, !=, <, >, <=, >=, contains, and, or (grouped from the right); literals nil, true, false, empty, blank.",
		example: "{% if n > 5 %}big{% elsif n == 3 %}three{% else %}small{% endif %}",
		exampleData: { n: 3 },
		exampleOutput: "three",
		origin: "differs",
		note: "Empty text and empty lists are false, so {% if entry.note %} means “has a note”.",
	},
	unless: {
		signature: "{% unless condition %} … {% else %} … {% endunless %}",
		summary: "Output a block when a condition is false.",
		example: "{% unless note %}no note{% endunless %}",
		exampleData: { note: "" },
		exampleOutput: "no note",
		origin: "liquid",
	},
	case: {
		signature: '{% case value %}{% when "a", "b" %} … {% when "c" or "d" %} … {% else %} … {% endcase %}',
		summary: "Output the first block whose when value equals the value, else the else block.",
		example: '{% case layout %}{% when "list" %}a list{% when "entries", "cards" %}entries{% else %}other{% endcase %}',
		exampleData: { layout: "cards" },
		exampleOutput: "entries",
		origin: "differs",
		note: "Only the first matching when is output (as LiquidJS; Shopify Liquid outputs every match).",
	},
	for: {
		signature: "{% for item in list reversed limit: n offset: n %} … {% else %} … {% endfor %}",
		summary:
			"Repeat a block for each item (offset and limit pick the items, then reversed turns them round); else runs for an empty list. forloop.index, index0, rindex, rindex0, first, last, length.",
		example: "{% for x in list reversed limit: 2 %}{{ forloop.index }}:{{ x }} {% endfor %}",
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "1:b 2:a ",
		origin: "differs",
		note: "No ranges such as (1..5), no break or continue, and no cycle or tablerow.",
	},
	assign: {
		signature: "{% assign name = value | filter %}",
		summary: "Set a variable.",
		example: '{% assign who = "Ada" | upcase %}{{ who }}',
		exampleOutput: "ADA",
		origin: "liquid",
	},
	capture: {
		signature: "{% capture name %} … {% endcapture %}",
		summary: "Set a variable to the output of a block.",
		example: "{% capture both %}{{ a }}-{{ b }}{% endcapture %}[{{ both }}]",
		exampleData: { a: 1, b: 2 },
		exampleOutput: "[1-2]",
		origin: "liquid",
	},
	render: {
		signature:
			'{% render "name" %}, {% render "name", key: value %}, {% render "name" with value as key %}, {% render "name" for list as key %}',
		summary:
			"Output one of the curator's named partials. It sees only the arguments given (and the template's own variables, such as issue), not assigned or loop variables; for renders it once per item, with forloop.",
		example: '{% render "link" for entries as entry %}',
		exampleData: {
			entries: [
				{ title: "One", url: "https://a.example/1" },
				{ title: "Two", url: "https://a.example/2" },
			],
		},
		exampleOutput: "[One](https://a.example/1) [Two](https://a.example/2) ",
		origin: "differs",
		note: "Partials are defined by the curator by name (no files). The variables the template was rendered with stay visible inside, as Shopify's global objects do. A variable the partial reads must be passed to it: an unknown name is an error, as everywhere. Arguments are values, without filters (assign first). Partials may render partials, at most 16 deep.",
	},
	comment: {
		signature: "{% comment %} … {% endcomment %}",
		summary: "A note that outputs nothing.",
		example: "a{% comment %} not shown {% endcomment %}b",
		exampleOutput: "ab",
		origin: "liquid",
	},
	"#": {
		signature: "{% # a note %}",
		summary: "An inline note that outputs nothing.",
		example: "a{% # not shown %}b",
		exampleOutput: "ab",
		origin: "liquid",
	},
	raw: {
		signature: "{% raw %} … {% endraw %}",
		summary: "Output text as it is, tags and all.",
		example: "{% raw %}{{ not a variable }}{% endraw %}",
		exampleOutput: "{{ not a variable }}",
		origin: "liquid",
	},
};

/** The partials the render tag's example uses. */
export const EXAMPLE_PARTIALS: Readonly<Record<string, string>> = {
	link: "[{{ entry.title }}]({{ entry.url }}) ",
};
