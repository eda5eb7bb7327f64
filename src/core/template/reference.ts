import { ISSUE_FILTERS } from "../render/filters.ts";
import type { Documented, FilterTable } from "./context.ts";
import { dateDirectives } from "./dates.ts";
import { SafeString } from "./safe.ts";
import { EXAMPLE_PARTIALS, TAG_ENTRIES } from "./tags.ts";

/** One tag, filter or piece of syntax in the reference, with an example the tests render. */
export interface ReferenceEntry extends Documented {
	name: string;
	kind: "syntax" | "tag" | "filter";
}

/** Everything a curator can write in a template, for the panel beside the editor. */
export interface TemplateReference {
	/** Output, whitespace control, operators and literals. */
	syntax: ReferenceEntry[];
	/** Every tag, in the order the compiler's table lists them. */
	tags: ReferenceEntry[];
	/** Every filter, sorted by name. */
	filters: ReferenceEntry[];
	/** Where Linkletter deliberately differs from Liquid, one sentence each. */
	differences: string[];
	/** Every strftime directive the date filter accepts, with what it writes for Wednesday, March 6, 2024, 14:05:09 UTC. */
	dateDirectives: { directive: string; sample: string }[];
	/** The partials the render tag's example uses (a renderer of the examples needs them). */
	examplePartials: Readonly<Record<string, string>>;
}

const SYNTAX: Readonly<Record<string, Documented>> = {
	output: {
		signature: "{{ value | filter: argument, argument }}",
		summary:
			"Output a value, through filters left to right. The html format escapes every output unless a filter made it HTML.",
		example: "{{ issue.title | upcase }}",
		exampleData: { issue: { title: "Ops digest" } },
		exampleOutput: "OPS DIGEST",
		origin: "liquid",
	},
	fields: {
		signature: "name.field, list[0], list.first, list.last, list.size",
		summary: "Read a field of an object or an item of a list.",
		example: "{{ issue.sections.first.name }} ({{ issue.sections.size }})",
		exampleData: { issue: { sections: [{ name: "Articles" }, { name: "Outages" }] } },
		exampleOutput: "Articles (2)",
		origin: "differs",
		note: "A name or field that does not exist is an error with its line and column, not empty output.",
	},
	"whitespace control": {
		signature: "{%- tag -%}, {{- value -}}",
		summary:
			"A - inside the braces removes all whitespace on that side, newlines included, up to the next text or tag: lines holding only a tag leave no blank line.",
		example: "<ul>\n  {%- for x in list %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>",
		exampleData: { list: ["a", "b"] },
		exampleOutput: "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>",
		origin: "liquid",
	},
	operators: {
		signature: "==  !=  <  >  <=  >=  contains  and  or",
		summary: "Compare in if, elsif, unless; and/or group from the right, as in Liquid; no parentheses.",
		example: '{% if title contains "Outage" and n >= 2 %}yes{% endif %}',
		exampleData: { title: "Outage at Acme", n: 2 },
		exampleOutput: "yes",
		origin: "liquid",
	},
	literals: {
		signature: "\"text\"  'text'  3  2.5  true  false  nil  empty  blank",
		summary: "Values written in the template; empty matches empty text and lists, blank also nil and spaces.",
		example: "{% if list == empty %}none{% endif %}",
		exampleData: { list: [] },
		exampleOutput: "none",
		origin: "liquid",
	},
};

const DIFFERENCES: readonly string[] = [
	'Empty text ("") and empty lists are false in conditions, so {% if entry.note %} means “has a note”; Liquid treats them as true.',
	"A variable, field, filter, tag or partial that does not exist is an error with its line and column and a suggestion, not silent empty output.",
	'There is no clock: date does not accept "now" or "today"; use issue.date. Dates are read and written in UTC.',
	"divided_by keeps fractions (7 / 2 = 3.5) as LiquidJS does; pass true as a second argument for whole-number division.",
	"Partials are named by the curator rather than read from files; render sees only its arguments and the template's own variables (such as issue).",
	"Not supported: include, layout, ranges such as (1..5), break, continue, cycle, tablerow, increment and decrement.",
];

function entries(kind: ReferenceEntry["kind"], table: Readonly<Record<string, Documented>>): ReferenceEntry[] {
	return Object.entries(table).map(([name, doc]) => ({ name, kind, ...doc }));
}

function isDocumented(entry: FilterTable[string]): entry is Extract<FilterTable[string], Documented> {
	return typeof entry !== "function";
}

/**
 * The template reference, built from the tables the engine itself compiles
 * and filters with (tags.ts, filters.ts, render/filters.ts), so it lists
 * exactly what works; a unit test renders every example through the real
 * engine and checks its output. `filters` defaults to the issue filters.
 */
export function templateReference(filters: FilterTable = ISSUE_FILTERS): TemplateReference {
	const filterEntries: ReferenceEntry[] = [];
	for (const [name, entry] of Object.entries(filters)) {
		if (!isDocumented(entry)) continue;
		const { fn: _fn, ...doc } = entry;
		filterEntries.push({ name, kind: "filter", ...doc });
	}
	filterEntries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return {
		syntax: entries("syntax", SYNTAX),
		tags: entries("tag", TAG_ENTRIES),
		filters: filterEntries,
		differences: [...DIFFERENCES],
		dateDirectives: dateDirectives(),
		examplePartials: EXAMPLE_PARTIALS,
	};
}

/** One variable a template can read, with its value in the data it was given. */
export interface VariableDescription {
	/** As written in a template: `issue.sections[0].entries[1].title`. */
	path: string;
	type: "text" | "number" | "boolean" | "nil" | "list" | "object";
	/** The value as the editor shows it: text in quotes (cut at 120 characters), "list of 3", "object". */
	preview: string;
	/** The value itself. */
	value: unknown;
}

/** Options for describeVariables. */
export interface DescribeOptions {
	/** Items listed from each list (the rest are counted in the list's own row); default 3. */
	maxItems?: number;
	/** Longest text preview before it is cut with "…"; default 120. */
	maxText?: number;
}

function typeOf(value: unknown): VariableDescription["type"] {
	if (value === null || value === undefined) return "nil";
	if (typeof value === "string" || value instanceof SafeString) return "text";
	if (typeof value === "number") return "number";
	if (typeof value === "boolean") return "boolean";
	if (Array.isArray(value)) return "list";
	return "object";
}

/**
 * Every variable path a template can read from `data` (the render context,
 * e.g. `{ issue }` for the current draft), depth first in field order, each
 * with its actual value: the list beside the editor of what there is to write.
 */
export function describeVariables(
	data: Readonly<Record<string, unknown>>,
	options: DescribeOptions = {},
): VariableDescription[] {
	const maxItems = options.maxItems ?? 3;
	const maxText = options.maxText ?? 120;
	const out: VariableDescription[] = [];
	const ancestors = new Set<object>();
	const visit = (path: string, value: unknown): void => {
		const type = typeOf(value);
		let preview: string;
		if (type === "text") {
			const text = value instanceof SafeString ? value.value : (value as string);
			preview = JSON.stringify(text.length > maxText ? `${text.slice(0, maxText)}…` : text);
		} else if (type === "list") {
			const length = (value as unknown[]).length;
			preview = `list of ${length}`;
		} else if (type === "object") preview = "object";
		else preview = type === "nil" ? "nil" : String(value);
		out.push({ path, type, preview, value });
		if (type !== "list" && type !== "object") return;
		// A value inside itself is described once, where it first appears on the path.
		if (ancestors.has(value as object)) return;
		ancestors.add(value as object);
		if (type === "list") {
			const list = value as unknown[];
			for (let i = 0; i < Math.min(list.length, maxItems); i++) visit(`${path}[${i}]`, list[i]);
		} else {
			for (const [key, field] of Object.entries(value as Record<string, unknown>)) visit(`${path}.${key}`, field);
		}
		ancestors.delete(value as object);
	};
	for (const [name, value] of Object.entries(data)) visit(name, value);
	return out;
}
