import { hasLineBreak } from "../text/scan.ts";
import type { FilterEntry } from "./context.ts";
import { addToMoment, formatMoment, type Moment, momentText, toMoment } from "./dates.ts";
import { escapeHtml } from "./html-escape.ts";
import { SafeString } from "./safe.ts";
import { fieldOf, isEqual, isTruthy, MISSING, missingFieldReason, toText } from "./values.ts";

function lines(text: string): string[] {
	return text.split(/\r\n?|\n/);
}

function toInteger(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.trunc(number) : fallback;
}

/** Prefix every line; a blank line gets the prefix without its trailing spaces ("> " → ">"). */
export function prefixLines(text: string, prefix: string): string {
	const bare = prefix.trimEnd();
	if (!hasLineBreak(text)) return text.trim() === "" ? bare : prefix + text;
	return lines(text)
		.map((line) => (line.trim() === "" ? bare : prefix + line))
		.join("\n");
}

/** A number from a filter's input or argument, as Liquid reads one: text that is not a number counts as 0. */
function toNumber(value: unknown): number {
	if (typeof value === "number") return value;
	const text = toText(value).trim();
	if (text === "") return 0;
	const number = Number(text);
	return Number.isFinite(number) ? number : 0;
}

function toList(value: unknown, filter: string): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === null || value === undefined) return [];
	throw new Error(`${filter} needs a list, got ${value instanceof SafeString ? "text" : typeof value}`);
}

/** A field of a list item for sort/where/map/group_by; a misspelt field is an error, as in an output. */
function propertyOf(item: unknown, name: unknown): unknown {
	const key = toText(name);
	const value = fieldOf(item, key);
	if (value === MISSING) throw new Error(missingFieldReason(item, key, "an item"));
	return value;
}

/** Liquid's sort order: numbers by value, text by code point, nil last. */
function compareForSort(a: unknown, b: unknown, natural: boolean): number {
	const aNil = a === null || a === undefined;
	const bNil = b === null || b === undefined;
	if (aNil || bNil) return aNil === bNil ? 0 : aNil ? 1 : -1;
	if (typeof a === "number" && typeof b === "number") return a - b;
	const x = natural ? toText(a).toLowerCase() : toText(a);
	const y = natural ? toText(b).toLowerCase() : toText(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

function sortList(value: unknown, property: unknown, natural: boolean, filter: string): unknown[] {
	const list = [...toList(value, filter)];
	if (property === undefined) return list.sort((a, b) => compareForSort(a, b, natural));
	const keyed = list.map((item) => ({ item, key: propertyOf(item, property) }));
	return keyed.sort((a, b) => compareForSort(a.key, b.key, natural)).map(({ item }) => item);
}

/** A hashable stand-in for uniq: equal text and SafeString count as the same. */
function identity(value: unknown): unknown {
	return value instanceof SafeString ? value.value : (value ?? null);
}

function readMoment(value: unknown, filter: string): Moment | undefined {
	if (value === null || value === undefined || value === "") return undefined;
	const moment = toMoment(value instanceof SafeString ? value.value : value);
	if (moment) return moment;
	const text = toText(value);
	if (text === "now" || text === "today") {
		throw new Error(`${filter}: templates have no clock, so "${text}" is not a date; use issue.date`);
	}
	throw new Error(`${filter}: cannot read "${text}" as a date (use YYYY-MM-DD, an ISO date-time or epoch seconds)`);
}

// An http(s) URL whose host is already in the form a URL parser prints it (lower case, ASCII, no port, not an
// IP address: its last label starts with a letter), as nearly every saved URL is: its host is read without a parse.
const PLAIN_HOST_URL = /^https?:\/\/((?:[a-z\d-]+\.)*[a-z][a-z\d-]*\.?)(?:[/?#]|$)/;

function hostnameOf(value: unknown): string {
	const text = toText(value).trim();
	const plain = PLAIN_HOST_URL.exec(text);
	// Punycode ("xn--") labels are checked by the parser.
	if (plain && !text.includes("xn--")) return plain[1] as string;
	try {
		return new URL(text).hostname;
	} catch {
		return "";
	}
}

/** An arithmetic filter's operand, which must be given. */
function requiredNumber(operand: unknown, filter: string): number {
	if (operand === undefined) throw new Error(`${filter} needs a number: ${filter}: 2`);
	return toNumber(operand);
}

/**
 * Filters available in every format, named and called as in Liquid where
 * Liquid has one (so Liquid's documentation applies); each entry carries its
 * own documentation, which templateReference() publishes. Each takes the
 * piped value first; none can reach anything but its arguments.
 */
export const STANDARD_FILTER_ENTRIES: Readonly<Record<string, FilterEntry>> = {
	default: {
		fn: (value, fallback) => (isTruthy(value) ? value : fallback),
		signature: "default: fallback",
		summary: "The fallback when the value is nil, false, empty text or an empty list.",
		example: '{{ "" | default: "Untitled" }}',
		exampleOutput: "Untitled",
		origin: "differs",
		note: "Empty text and empty lists count as missing, as they are false in conditions.",
	},
	upcase: {
		fn: (value) => toText(value).toUpperCase(),
		signature: "upcase",
		summary: "Text in capitals.",
		example: '{{ "sre weekly" | upcase }}',
		exampleOutput: "SRE WEEKLY",
		origin: "liquid",
	},
	downcase: {
		fn: (value) => toText(value).toLowerCase(),
		signature: "downcase",
		summary: "Text in lower case.",
		example: '{{ "SRE Weekly" | downcase }}',
		exampleOutput: "sre weekly",
		origin: "liquid",
	},
	capitalize: {
		fn: (value) => {
			const text = toText(value);
			return text.charAt(0).toUpperCase() + text.slice(1);
		},
		signature: "capitalize",
		summary: "The first character in capitals, the rest unchanged.",
		example: '{{ "outages this week" | capitalize }}',
		exampleOutput: "Outages this week",
		origin: "differs",
		note: "The rest of the text keeps its case (Liquid lower-cases it).",
	},
	strip: {
		fn: (value) => toText(value).trim(),
		signature: "strip",
		summary: "Text without the spaces and newlines at both ends.",
		example: '[{{ "  padded  " | strip }}]',
		exampleOutput: "[padded]",
		origin: "liquid",
	},
	lstrip: {
		fn: (value) => toText(value).trimStart(),
		signature: "lstrip",
		summary: "Text without the spaces and newlines at its start.",
		example: '[{{ "  padded  " | lstrip }}]',
		exampleOutput: "[padded  ]",
		origin: "liquid",
	},
	rstrip: {
		fn: (value) => toText(value).trimEnd(),
		signature: "rstrip",
		summary: "Text without the spaces and newlines at its end.",
		example: '[{{ "  padded  " | rstrip }}]',
		exampleOutput: "[  padded]",
		origin: "liquid",
	},
	strip_newlines: {
		fn: (value) => toText(value).replace(/\r?\n/g, ""),
		signature: "strip_newlines",
		summary: "Text with its line breaks removed.",
		example: "{{ text | strip_newlines }}",
		exampleData: { text: "one\ntwo" },
		exampleOutput: "onetwo",
		origin: "liquid",
	},
	size: {
		fn: (value) => (Array.isArray(value) ? value.length : toText(value).length),
		signature: "size",
		summary: "How many items a list has, or characters a text.",
		example: "{{ list | size }}",
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "3",
		origin: "liquid",
	},
	first: {
		fn: (value) => (Array.isArray(value) ? value[0] : undefined),
		signature: "first",
		summary: "The first item of a list.",
		example: "{{ list | first }}",
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "a",
		origin: "liquid",
	},
	last: {
		fn: (value) => (Array.isArray(value) ? value[value.length - 1] : undefined),
		signature: "last",
		summary: "The last item of a list.",
		example: "{{ list | last }}",
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "c",
		origin: "liquid",
	},
	join: {
		fn: (value, separator = " ") =>
			Array.isArray(value) ? value.map((item) => toText(item)).join(toText(separator)) : toText(value),
		signature: 'join: separator = " "',
		summary: "The items of a list as one text, with the separator between them.",
		example: '{{ list | join: ", " }}',
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "a, b, c",
		origin: "liquid",
	},
	append: {
		fn: (value, suffix) => toText(value) + toText(suffix),
		signature: "append: text",
		summary: "Text with more text added at its end.",
		example: '{{ "Issue " | append: "90" }}',
		exampleOutput: "Issue 90",
		origin: "liquid",
	},
	prepend: {
		fn: (value, prefix) => toText(prefix) + toText(value),
		signature: "prepend: text",
		summary: "Text with more text added at its start.",
		example: '{{ "90" | prepend: "#" }}',
		exampleOutput: "#90",
		origin: "liquid",
	},
	replace: {
		fn: (value, search, replacement) => toText(value).split(toText(search)).join(toText(replacement)),
		signature: "replace: search, replacement",
		summary: "Text with every occurrence of search replaced.",
		example: '{{ "a-b-c" | replace: "-", "+" }}',
		exampleOutput: "a+b+c",
		origin: "liquid",
	},
	remove: {
		fn: (value, search) => toText(value).split(toText(search)).join(""),
		signature: "remove: search",
		summary: "Text with every occurrence of search removed.",
		example: '{{ "a-b-c" | remove: "-" }}',
		exampleOutput: "abc",
		origin: "liquid",
	},
	truncate: {
		fn: (value, length = 50, ellipsis = "...") => {
			const text = toText(value);
			const max = toInteger(length, 50);
			const tail = toText(ellipsis);
			return text.length <= max ? text : text.slice(0, Math.max(max - tail.length, 0)) + tail;
		},
		signature: 'truncate: length = 50, ellipsis = "..."',
		summary: "Text cut to at most length characters, the ellipsis included.",
		example: '{{ "Postmortem of the outage" | truncate: 13 }}',
		exampleOutput: "Postmortem...",
		origin: "liquid",
	},
	truncatewords: {
		fn: (value, count = 15, ellipsis = "...") => {
			const words = toText(value).split(/\s+/).filter(Boolean);
			const max = Math.max(toInteger(count, 15), 1);
			return words.length <= max ? words.join(" ") : words.slice(0, max).join(" ") + toText(ellipsis);
		},
		signature: 'truncatewords: count = 15, ellipsis = "..."',
		summary: "Text cut to at most count words.",
		example: '{{ "one two three four" | truncatewords: 2 }}',
		exampleOutput: "one two...",
		origin: "liquid",
	},
	escape: {
		fn: (value) => new SafeString(escapeHtml(toText(value))),
		signature: "escape",
		summary: "Text with HTML's special characters escaped (the html format does this to every output already).",
		example: '{{ "<b>&</b>" | escape }}',
		exampleOutput: "&lt;b&gt;&amp;&lt;/b&gt;",
		origin: "liquid",
	},
	url_encode: {
		fn: (value) => encodeURIComponent(toText(value)).replace(/%20/g, "+"),
		signature: "url_encode",
		summary: "Text made safe for a URL's query string.",
		example: '{{ "sre weekly & more" | url_encode }}',
		exampleOutput: "sre+weekly+%26+more",
		origin: "liquid",
	},
	json: {
		fn: (value, indent = 0) => JSON.stringify(value ?? null, null, toInteger(indent, 0)),
		signature: "json: indent = 0",
		summary: "The value as JSON, optionally indented.",
		example: "{{ list | json }}",
		exampleData: { list: ["a", 1] },
		exampleOutput: '["a",1]',
		origin: "linkletter",
		note: "Liquid has no json filter; Jekyll calls it jsonify.",
	},
	prefix_lines: {
		fn: (value, prefix = "") => prefixLines(toText(value), toText(prefix)),
		signature: 'prefix_lines: prefix = ""',
		summary:
			'Every line prefixed; a blank line gets the prefix without its trailing spaces. "> " makes a Markdown quote.',
		example: '{{ text | prefix_lines: "> " }}',
		exampleData: { text: "one\n\ntwo" },
		exampleOutput: "> one\n>\n> two",
		origin: "linkletter",
	},
	indent: {
		fn: (value, count = 2) => {
			const pad = " ".repeat(Math.min(Math.max(toInteger(count, 2), 0), 80));
			return lines(toText(value))
				.map((line) => (line.trim() === "" ? "" : pad + line))
				.join("\n");
		},
		signature: "indent: count = 2",
		summary: "Every non-blank line indented by count spaces (at most 80).",
		example: "{{ text | indent: 4 }}",
		exampleData: { text: "one\ntwo" },
		exampleOutput: "    one\n    two",
		origin: "linkletter",
	},
	underline: {
		fn: (value, char = "-") => toText(char || "-").repeat(Array.from(toText(value)).length),
		signature: 'underline: char = "-"',
		summary: "A line of the character as long as the text, for plain-text headings.",
		example: '{{ "Outages" | underline: "=" }}',
		exampleOutput: "=======",
		origin: "linkletter",
	},

	// Lists.
	sort: {
		fn: (value, property) => sortList(value, property, false, "sort"),
		signature: "sort: field?",
		summary: "A list in order (numbers by value, text by character code, nil last), or its items by a field.",
		example: '{{ list | sort | join: ", " }}',
		exampleData: { list: ["b", "C", "a"] },
		exampleOutput: "C, a, b",
		origin: "liquid",
	},
	sort_natural: {
		fn: (value, property) => sortList(value, property, true, "sort_natural"),
		signature: "sort_natural: field?",
		summary: "Like sort, ignoring case.",
		example: '{{ list | sort_natural | join: ", " }}',
		exampleData: { list: ["b", "C", "a"] },
		exampleOutput: "a, b, C",
		origin: "liquid",
	},
	where: {
		fn: (value, property, target) =>
			toList(value, "where").filter((item) => {
				const field = propertyOf(item, property);
				return target === undefined ? isTruthy(field) : isEqual(field, target);
			}),
		signature: "where: field, value?",
		summary: "The items whose field equals value (or, without a value, is true).",
		example: '{{ entries | where: "group", "Acme" | map: "title" | join: ", " }}',
		exampleData: {
			entries: [
				{ title: "Down", group: "Acme" },
				{ title: "Slow", group: null },
				{ title: "Back", group: "Acme" },
			],
		},
		exampleOutput: "Down, Back",
		origin: "differs",
		note: "A field the items do not have is an error, not an empty list.",
	},
	map: {
		fn: (value, property) => toList(value, "map").map((item) => propertyOf(item, property)),
		signature: "map: field",
		summary: "The value of one field of every item.",
		example: '{{ entries | map: "title" | join: " / " }}',
		exampleData: { entries: [{ title: "One" }, { title: "Two" }] },
		exampleOutput: "One / Two",
		origin: "liquid",
	},
	group_by: {
		fn: (value, property) => {
			const groups: { name: unknown; items: unknown[]; size: number }[] = [];
			const byKey = new Map<unknown, { name: unknown; items: unknown[]; size: number }>();
			for (const item of toList(value, "group_by")) {
				const name = propertyOf(item, property);
				const key = identity(name);
				let group = byKey.get(key);
				if (!group) {
					group = { name, items: [], size: 0 };
					byKey.set(key, group);
					groups.push(group);
				}
				group.items.push(item);
				group.size++;
			}
			return groups;
		},
		signature: "group_by: field",
		summary: "The items in groups of equal field, in order of first appearance: each { name, items, size }.",
		example:
			'{% assign gs = entries | group_by: "group" %}{% for g in gs %}{{ g.name }}: {{ g.items | map: "title" | join: ", " }}; {% endfor %}',
		exampleData: {
			entries: [
				{ title: "Down", group: "Acme" },
				{ title: "Slow", group: "Beta" },
				{ title: "Back", group: "Acme" },
			],
		},
		exampleOutput: "Acme: Down, Back; Beta: Slow; ",
		origin: "linkletter",
		note: "As Jekyll's and LiquidJS's group_by; Shopify Liquid has none.",
	},
	uniq: {
		fn: (value) => {
			const seen = new Set<unknown>();
			return toList(value, "uniq").filter((item) => {
				const key = identity(item);
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			});
		},
		signature: "uniq",
		summary: "A list without repeated items.",
		example: '{{ list | uniq | join: ", " }}',
		exampleData: { list: ["a", "b", "a"] },
		exampleOutput: "a, b",
		origin: "liquid",
	},
	compact: {
		fn: (value, property) =>
			toList(value, "compact").filter((item) => {
				const field = property === undefined ? item : propertyOf(item, property);
				return field !== null && field !== undefined;
			}),
		signature: "compact: field?",
		summary: "A list without its nil items (or the items whose field is nil).",
		example: '{{ list | compact | join: ", " }}',
		exampleData: { list: ["a", null, "b"] },
		exampleOutput: "a, b",
		origin: "liquid",
	},
	concat: {
		fn: (value, other) => {
			if (!Array.isArray(other)) throw new Error("concat needs a list to add");
			return [...toList(value, "concat"), ...other];
		},
		signature: "concat: list",
		summary: "Two lists as one.",
		example: '{{ a | concat: b | join: ", " }}',
		exampleData: { a: ["a"], b: ["b", "c"] },
		exampleOutput: "a, b, c",
		origin: "liquid",
	},
	reverse: {
		fn: (value) => [...toList(value, "reverse")].reverse(),
		signature: "reverse",
		summary: "A list in the opposite order.",
		example: '{{ list | reverse | join: ", " }}',
		exampleData: { list: ["a", "b", "c"] },
		exampleOutput: "c, b, a",
		origin: "liquid",
	},
	split: {
		fn: (value, separator) => {
			const text = toText(value);
			if (separator === undefined) throw new Error('split needs a separator: split: ","');
			const parts = text.split(toText(separator));
			// As Liquid (Ruby's String#split): empty strings at the end are dropped.
			while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
			return parts;
		},
		signature: "split: separator",
		summary: "Text split into a list at each separator.",
		example: '{{ "a,b,c" | split: "," | last }}',
		exampleOutput: "c",
		origin: "liquid",
	},
	slice: {
		fn: (value, offset, length = 1) => {
			const list = Array.isArray(value) ? value : Array.from(toText(value));
			let from = toInteger(offset, 0);
			if (from < 0) from = Math.max(list.length + from, 0);
			const part = list.slice(from, from + Math.max(toInteger(length, 1), 0));
			return Array.isArray(value) ? part : part.join("");
		},
		signature: "slice: offset, length = 1",
		summary: "Part of a text or list: length items from offset (a negative offset counts from the end).",
		example: '{{ "Linkletter" | slice: 0, 4 }} {{ "Linkletter" | slice: -6, 6 }}',
		exampleOutput: "Link letter",
		origin: "liquid",
	},

	// Numbers.
	plus: {
		fn: (value, operand) => toNumber(value) + requiredNumber(operand, "plus"),
		signature: "plus: number",
		summary: "The sum; text holding a number counts as that number.",
		example: "{{ 4 | plus: 2 }}",
		exampleOutput: "6",
		origin: "liquid",
	},
	minus: {
		fn: (value, operand) => toNumber(value) - requiredNumber(operand, "minus"),
		signature: "minus: number",
		summary: "The difference.",
		example: "{{ 4 | minus: 2 }}",
		exampleOutput: "2",
		origin: "liquid",
	},
	times: {
		fn: (value, operand) => toNumber(value) * requiredNumber(operand, "times"),
		signature: "times: number",
		summary: "The product.",
		example: "{{ 4 | times: 2.5 }}",
		exampleOutput: "10",
		origin: "liquid",
	},
	divided_by: {
		fn: (value, divisor, integer) => {
			if (divisor === undefined) throw new Error("divided_by needs a number: divided_by: 2");
			const by = toNumber(divisor);
			if (by === 0) throw new Error("cannot divide by 0");
			const quotient = toNumber(value) / by;
			return integer === true ? Math.floor(quotient) : quotient;
		},
		signature: "divided_by: number, integer = false",
		summary: "The quotient; with true as the second argument, rounded down to a whole number.",
		example: "{{ 7 | divided_by: 2 }} {{ 7 | divided_by: 2, true }}",
		exampleOutput: "3.5 3",
		origin: "differs",
		note: "As LiquidJS: 7 | divided_by: 2 is 3.5 (Shopify gives 3, since Ruby tells 2 from 2.0); pass true for whole-number division.",
	},
	modulo: {
		fn: (value, divisor) => {
			if (divisor === undefined) throw new Error("modulo needs a number: modulo: 2");
			const by = toNumber(divisor);
			if (by === 0) throw new Error("cannot divide by 0");
			return toNumber(value) % by;
		},
		signature: "modulo: number",
		summary: "The remainder of a division.",
		example: "{{ 7 | modulo: 3 }}",
		exampleOutput: "1",
		origin: "liquid",
	},
	abs: {
		fn: (value) => Math.abs(toNumber(value)),
		signature: "abs",
		summary: "The number without its sign.",
		example: "{{ -3 | abs }}",
		exampleOutput: "3",
		origin: "liquid",
	},
	round: {
		fn: (value, digits = 0) => {
			const scale = 10 ** Math.min(Math.max(toInteger(digits, 0), 0), 10);
			return Math.round(toNumber(value) * scale) / scale;
		},
		signature: "round: digits = 0",
		summary: "The number rounded to that many decimal places.",
		example: "{{ 3.14159 | round: 2 }}",
		exampleOutput: "3.14",
		origin: "liquid",
	},
	floor: {
		fn: (value) => Math.floor(toNumber(value)),
		signature: "floor",
		summary: "The number rounded down.",
		example: "{{ 3.7 | floor }}",
		exampleOutput: "3",
		origin: "liquid",
	},
	ceil: {
		fn: (value) => Math.ceil(toNumber(value)),
		signature: "ceil",
		summary: "The number rounded up.",
		example: "{{ 3.2 | ceil }}",
		exampleOutput: "4",
		origin: "liquid",
	},
	at_least: {
		fn: (value, floor) => Math.max(toNumber(value), toNumber(floor)),
		signature: "at_least: number",
		summary: "The number, or the minimum when it is smaller.",
		example: "{{ 2 | at_least: 5 }}",
		exampleOutput: "5",
		origin: "liquid",
	},
	at_most: {
		fn: (value, ceiling) => Math.min(toNumber(value), toNumber(ceiling)),
		signature: "at_most: number",
		summary: "The number, or the maximum when it is larger.",
		example: "{{ 8 | at_most: 5 }}",
		exampleOutput: "5",
		origin: "liquid",
	},
	pluralize: {
		fn: (value, singular, plural) => {
			const count = toNumber(value);
			const one = toText(singular);
			if (singular === undefined) throw new Error('pluralize needs a word: pluralize: "link"');
			return `${count} ${count === 1 ? one : plural === undefined ? `${one}s` : toText(plural)}`;
		},
		signature: 'pluralize: singular, plural = singular + "s"',
		summary: "The count with the word for that many.",
		example: '{{ 1 | pluralize: "link" }}, {{ 3 | pluralize: "link" }}, {{ 2 | pluralize: "story", "stories" }}',
		exampleOutput: "1 link, 3 links, 2 stories",
		origin: "linkletter",
	},

	// Dates.
	date: {
		fn: (value, format) => {
			if (format === undefined) throw new Error('date needs a format: date: "%B %-d, %Y"');
			const moment = readMoment(value, "date");
			return moment ? formatMoment(moment.seconds, toText(format)) : "";
		},
		signature: "date: format",
		summary:
			"A date written with strftime directives, in UTC: %Y %m %d %B %b %A %a %H %M %S %s …; %-d drops the padding; %o is the ordinal day (16th).",
		example:
			'{{ "2024-03-16" | date: "%B %-d, %Y" }} · {{ "2024-03-16" | date: "%a %Y-%m-%d" }} · {{ "2024-03-16" | date: "%B %o" }}',
		exampleOutput: "March 16, 2024 · Sat 2024-03-16 · March 16th",
		origin: "differs",
		note: 'Reads YYYY-MM-DD, ISO date-times and epoch seconds (numbers of 1e11 and more are milliseconds); always UTC. There is no "now" (templates have no clock: use issue.date). Text that is not a date is an error, and nil gives "". %o is a Linkletter addition. Date arithmetic as in Liquid: date: "%s" | plus: 604800 | date: "%B %-d".',
	},
	date_add: {
		fn: (value, amount, unit = "days") => {
			const moment = readMoment(value, "date_add");
			if (!moment) return "";
			const name = toText(unit);
			const seconds = addToMoment(moment.seconds, toNumber(amount), name);
			const subDay = /^(second|minute|hour)s?$/i.test(name);
			return momentText({ seconds, hasTime: moment.hasTime || subDay });
		},
		signature: 'date_add: amount, unit = "days"',
		summary:
			"A date moved by an amount of seconds, minutes, hours, days, weeks, months or years (negative goes back); gives YYYY-MM-DD for a date, an ISO date-time for a time.",
		example: '{{ issue.date | date: "%B %-d" }} to {{ issue.date | date_add: 6, "days" | date: "%B %-d, %Y" }}',
		exampleData: { issue: { date: "2024-02-26" } },
		exampleOutput: "February 26 to March 3, 2024",
		origin: "linkletter",
		note: 'A month later than January 31 is the last day of February. In Liquid the same is written date: "%s" | plus: 518400 | date: "%B %-d, %Y".',
	},

	// URLs.
	hostname: {
		fn: hostnameOf,
		signature: "hostname",
		summary: 'The host name of a URL ("" when it is not a URL).',
		example: '{{ "https://www.example.com/post?id=1" | hostname }}',
		exampleOutput: "www.example.com",
		origin: "linkletter",
	},
	domain: {
		fn: (value) => hostnameOf(value).replace(/^www\./, ""),
		signature: "domain",
		summary: 'The host name of a URL without a leading "www.".',
		example: '{{ "https://www.example.com/post" | domain }}',
		exampleOutput: "example.com",
		origin: "linkletter",
		note: "Only www. is dropped: blog.example.co.uk stays as it is.",
	},
};

/** The standard filters, by name (the same table). */
export const STANDARD_FILTERS: Readonly<Record<string, FilterEntry>> = STANDARD_FILTER_ENTRIES;
