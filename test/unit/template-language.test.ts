import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISSUE_FILTERS } from "../../src/core/render/filters.ts";
import { civilFromDays, daysFromCivil, formatMoment } from "../../src/core/template/dates.ts";
import { TemplateEngine } from "../../src/core/template/engine.ts";
import { TemplateError } from "../../src/core/template/errors.ts";
import { TOO_LARGE } from "../../src/core/template/limits.ts";

const engine = new TemplateEngine(ISSUE_FILTERS);
const render = (source: string, data: Record<string, unknown> = {}, partials?: Record<string, string>) =>
	engine.render(source, data, "none", partials ? { partials } : undefined);

function reasonOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof TemplateError) return error.reason;
		throw error;
	}
	throw new Error("expected a TemplateError");
}

const ENTRIES = [
	{ title: "Down", url: "https://www.acme.example/status", group: "Acme", rank: 3 },
	{ title: "slow", url: "https://beta.example/post", group: null, rank: 1 },
	{ title: "Back", url: "https://www.acme.example/back", group: "Acme", rank: 2 },
];

describe("date", () => {
	it("writes a date with strftime directives, padding removed with %-", () => {
		const d = "2024-03-06";
		expect(
			render(`{{ d | date: "%B %-d, %Y" }}|{{ d | date: "%Y-%m-%d" }}|{{ d | date: "%a %A %b %e %j" }}`, { d }),
		).toBe("March 6, 2024|2024-03-06|Wed Wednesday Mar  6 066");
		expect(render('{{ d | date: "%^B %-m/%-d/%y %%" }}', { d })).toBe("MARCH 3/6/24 %");
	});

	it('gives the ordinal day with %o: "March 16th", and 1st 2nd 3rd 11th 12th 13th 21st 22nd 23rd 31st', () => {
		expect(render('{{ "2024-03-16" | date: "%B %o" }}')).toBe("March 16th");
		const days = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31];
		const out = days.map((day) => render(`{{ d | date: "%o" }}`, { d: `2024-01-${String(day).padStart(2, "0")}` }));
		expect(out).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"]);
	});

	it("reads ISO date-times with their offset, and epoch seconds or milliseconds, all in UTC", () => {
		expect(render('{{ t | date: "%Y-%m-%d %H:%M:%S %Z" }}', { t: "2024-03-16T23:30:00-02:00" })).toBe(
			"2024-03-17 01:30:00 UTC",
		);
		expect(render('{{ t | date: "%F %T" }}', { t: 1_710_547_200 })).toBe("2024-03-16 00:00:00");
		expect(render('{{ t | date: "%F %T %p" }}', { t: 1_710_590_400_000 })).toBe("2024-03-16 12:00:00 PM");
		expect(render('{{ "1710547200" | date: "%F" }}')).toBe("2024-03-16");
		expect(render('{{ "1969-12-31" | date: "%s" }}')).toBe("-86400");
	});

	it("does Liquid's date arithmetic through %s and plus, and date_add for a readable range", () => {
		expect(render('{{ d | date: "%s" | plus: 604800 | date: "%B %-d" }}', { d: "2024-02-26" })).toBe("March 4");
		expect(
			render('{{ d | date: "%B %-d" }} to {{ d | date_add: 6, "days" | date: "%B %-d, %Y" }}', { d: "2023-12-28" }),
		).toBe("December 28 to January 3, 2024");
		expect(
			render('{{ d | date_add: 1, "month" }} {{ d | date_add: 1, "year" }} {{ d | date_add: -2, "weeks" }}', {
				d: "2024-01-31",
			}),
		).toBe("2024-02-29 2025-01-31 2024-01-17");
		expect(render('{{ "2024-02-29" | date_add: 1, "years" }}')).toBe("2025-02-28");
		expect(render('{{ "2024-03-16" | date_add: 36, "hours" }}')).toBe("2024-03-17T12:00:00Z");
	});

	it("refuses what is not a date, and has no clock", () => {
		expect(reasonOf(() => render('{{ "2024-02-30" | date: "%F" }}'))).toMatch(/cannot read "2024-02-30" as a date/);
		expect(reasonOf(() => render('{{ "now" | date: "%F" }}'))).toMatch(/no clock/);
		expect(reasonOf(() => render('{{ "2024-01-01" | date: "%Q" }}'))).toMatch(/unknown date directive "%Q"/);
		expect(reasonOf(() => render('{{ "2024-01-01" | date_add: 1, "fortnights" }}'))).toMatch(
			/unknown unit "fortnights"/,
		);
		expect(render('[{{ nothing | date: "%F" }}]', { nothing: null })).toBe("[]");
	});

	it("agrees with the platform's UTC calendar for any day in ±100,000 years", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -36_500_000, max: 36_500_000 }),
				fc.integer({ min: 0, max: 86_399 }),
				(days, second) => {
					const reference = new Date((days * 86_400 + second) * 1000);
					const civil = civilFromDays(days);
					expect(civil).toEqual({
						year: reference.getUTCFullYear(),
						month: reference.getUTCMonth() + 1,
						day: reference.getUTCDate(),
					});
					expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
					const [h, m, s] = formatMoment(days * 86_400 + second, "%H %M %S %w")
						.split(" ")
						.map(Number);
					expect([h, m, s]).toEqual([reference.getUTCHours(), reference.getUTCMinutes(), reference.getUTCSeconds()]);
					expect(Number(formatMoment(days * 86_400, "%w"))).toBe(reference.getUTCDay());
				},
			),
		);
	});
});

describe("list, number and URL filters, as Liquid names them", () => {
	it("sorts, by a field too, with nil last; sort_natural ignores case", () => {
		expect(render('{{ e | sort: "rank" | map: "title" | join: "," }}', { e: ENTRIES })).toBe("slow,Back,Down");
		expect(render('{{ e | sort: "title" | map: "title" | join: "," }}', { e: ENTRIES })).toBe("Back,Down,slow");
		expect(render('{{ e | sort_natural: "title" | map: "title" | join: "," }}', { e: ENTRIES })).toBe("Back,Down,slow");
		expect(render('{{ e | sort: "group" | map: "title" | join: "," }}', { e: ENTRIES })).toBe("Down,Back,slow");
		expect(render('{{ n | sort | join: "," }}', { n: [10, 9, 100] })).toBe("9,10,100");
		expect(render('{{ w | sort_natural | join: "," }}', { w: ["b", "A", "c"] })).toBe("A,b,c");
	});

	it("filters with where, groups with group_by, and reads fields with map", () => {
		expect(render('{{ e | where: "group", "Acme" | size }} {{ e | where: "group" | size }}', { e: ENTRIES })).toBe(
			"2 2",
		);
		const grouped =
			'{% assign gs = e | group_by: "group" %}{% for g in gs %}{{ g.name | default: "none" }}={{ g.size }};{% endfor %}';
		expect(render(grouped, { e: ENTRIES })).toBe("Acme=2;none=1;");
	});

	it("names a misspelt field in where/sort/map, with its suggestion", () => {
		expect(reasonOf(() => render('{{ e | where: "gruop", "Acme" }}', { e: ENTRIES }))).toBe(
			'filter "where" failed: no field "gruop" on an item — did you mean "group"? Fields: title, url, group, rank',
		);
	});

	it("uniq, compact, concat, reverse, split and slice", () => {
		expect(render('{{ l | uniq | compact | join: "," }}', { l: ["a", null, "b", "a", null] })).toBe("a,b");
		expect(render('{{ a | concat: b | reverse | join: "," }}', { a: [1], b: [2, 3] })).toBe("3,2,1");
		expect(render('{{ "a,b,,c,," | split: "," | size }} {{ "abc" | split: "" | join: "-" }}')).toBe("4 a-b-c");
		expect(
			render('{{ "hello" | slice: 1 }} {{ "hello" | slice: -3, 2 }} {{ l | slice: 1, 2 | join: "" }}', {
				l: [1, 2, 3, 4],
			}),
		).toBe("e ll 23");
		expect(reasonOf(() => render('{{ "x" | concat: "y" }}'))).toMatch(/concat needs a list/);
	});

	it("does arithmetic on numbers and on text holding numbers", () => {
		expect(
			render(
				'{{ "3" | plus: 4 }} {{ 10 | minus: 2.5 }} {{ 3 | times: "4" }} {{ 7 | modulo: 3 }} {{ 9 | divided_by: 2 }} {{ 9 | divided_by: 2, true }}',
			),
		).toBe("7 7.5 12 1 4.5 4");
		expect(render("{{ e.size | plus: 1 }}", { e: ENTRIES })).toBe("4");
		expect(reasonOf(() => render("{{ 1 | divided_by: 0 }}"))).toMatch(/cannot divide by 0/);
		expect(reasonOf(() => render("{{ 1 | plus }}"))).toMatch(/plus needs a number/);
	});

	it("pluralizes a count", () => {
		expect(
			render('{{ 0 | pluralize: "link" }}; {{ 1 | pluralize: "link" }}; {{ e.size | pluralize: "story", "stories" }}', {
				e: ENTRIES,
			}),
		).toBe("0 links; 1 link; 3 stories");
	});

	it("gives a URL's hostname and domain, and nothing for text that is not a URL", () => {
		expect(render("{% for e in l %}{{ e.url | hostname }} {{ e.url | domain }};{% endfor %}", { l: ENTRIES })).toBe(
			"www.acme.example acme.example;beta.example beta.example;www.acme.example acme.example;",
		);
		expect(render('[{{ "not a url" | domain }}]')).toBe("[]");
	});

	it("gives the host a URL parser gives, for every kind of URL", () => {
		const label = fc.stringMatching(/^[a-zA-Z\d-]{0,6}$/);
		const host = fc.oneof(
			fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")),
			fc.constantFrom("127.0.0.1", "0x7f.1", "[::1]", "xn--bcher-kva.example", "xn--a.example", "bücher.example"),
			fc.constantFrom("a..b", "example.com.", "EXAMPLE.com", "1.example", "example.123", "user@host.example"),
		);
		const rest = fc.constantFrom("", "/", "/post?id=1", "#top", "?q", ":8080/", ":99999/", "\\path", " ", "/a b");
		const scheme = fc.constantFrom("https://", "http://", "HTTPS://", "ftp://", "");
		fc.assert(
			fc.property(scheme, host, rest, (s, h, r) => {
				const url = s + h + r;
				let expected = "";
				try {
					expected = new URL(url.trim()).hostname;
				} catch {
					// Not a URL: no host.
				}
				expect(render("{{ u | hostname }}", { u: url })).toBe(expected);
				expect(render("{{ u | domain }}", { u: url })).toBe(expected.replace(/^www\./, ""));
			}),
			{ numRuns: 2000, seed: 12 },
		);
	});
});

describe("case/when", () => {
	const template =
		'{% case x %}ignored{% when "a", "b" %}A or B{% when "c" or 3 %}C or 3{% when "a" %}never{% else %}other{% endcase %}';

	it("outputs the first matching when, else the else block", () => {
		expect(["a", "b", "c", 3, "z"].map((x) => render(template, { x }))).toEqual([
			"A or B",
			"A or B",
			"C or 3",
			"C or 3",
			"other",
		]);
		expect(render('{% case x %}{% when "a" %}A{% endcase %}|', { x: "z" })).toBe("|");
	});

	it("reports a case that is never closed, or a when with no value", () => {
		expect(reasonOf(() => render('{% case x %}{% when "a" %}A'))).toBe("{% case %} is never closed: add {% endcase %}");
		expect(reasonOf(() => render("{% case x %}{% when %}A{% endcase %}", { x: 1 }))).toMatch(/when %} needs a value/);
		expect(reasonOf(() => render("{% when 1 %}"))).toMatch(/unexpected {% when %}/);
	});
});

describe("named partials with render", () => {
	const partials = {
		entry: "- {{ entry.title }}{% if note %} ({{ note }}){% endif %}\n",
		counted: "{{ forloop.index }}/{{ forloop.length }} {{ e.title }}\n",
		issueTitle: "{{ issue.title }}",
		peek: "{{ secret }}",
		setter: '{% assign note = "inner" %}',
	};

	it("renders a partial with arguments, with a value, and for each item of a list", () => {
		expect(render('{% render "entry", entry: e, note: "hot" %}', { e: ENTRIES[0] }, partials)).toBe("- Down (hot)\n");
		expect(render('{% render "entry" with e as entry, note: "" %}', { e: ENTRIES[1] }, partials)).toBe("- slow\n");
		expect(render('{% render "counted" for list as e %}', { list: ENTRIES }, partials)).toBe(
			"1/3 Down\n2/3 slow\n3/3 Back\n",
		);
	});

	it("renders a partial named by a variable (a section's own partial), with did-you-mean when it is unknown", () => {
		const sections = [
			{ name: "Up", partial: "entry", entry: ENTRIES[0] },
			{ name: "Down", partial: "entyr", entry: ENTRIES[1] },
		];
		expect(render('{% render s.partial, entry: s.entry, note: "" %}', { s: sections[0] }, partials)).toBe("- Down\n");
		expect(
			reasonOf(() => render('{% render s.partial, entry: s.entry, note: "" %}', { s: sections[1] }, partials)),
		).toBe('unknown partial "entyr" — did you mean "entry"?');
		expect(reasonOf(() => render("{% render s.partial with s %}", { s: sections[0] }, partials))).toMatch(
			/needs a name after as/,
		);
	});

	it("isolates the partial from assigned and loop variables, but not from the template's own data", () => {
		expect(render('{% render "issueTitle" %}', { issue: { title: "Ops #1" } }, partials)).toBe("Ops #1");
		expect(reasonOf(() => render('{% assign secret = 1 %}{% render "peek" %}', {}, partials))).toBe(
			'in partial "peek" (line 1, column 4): unknown variable "secret"',
		);
		expect(
			reasonOf(() => render('{% for secret in l %}{% render "peek" %}{% endfor %}', { l: [1] }, partials)),
		).toMatch(/unknown variable "secret"/);
		expect(
			render(
				'{% assign note = "outer" %}{% render "entry", entry: e, note: "" %}{% render "setter" %}{{ note }}',
				{ e: ENTRIES[0] },
				partials,
			),
		).toBe("- Down\nouter");
	});

	it("suggests the partial meant, and lists the partials there are", () => {
		expect(reasonOf(() => render('{% render "entyr" %}', {}, partials))).toBe(
			'unknown partial "entyr" — did you mean "entry"?',
		);
		expect(reasonOf(() => render('{% render "zzz" %}', {}, partials))).toBe(
			'unknown partial "zzz" (partials are entry, counted, issueTitle, peek, setter)',
		);
		expect(reasonOf(() => render('{% render "x" %}'))).toBe('unknown partial "x" (no partials are defined)');
	});

	it("points at the mistake inside a partial by its own line and column", () => {
		const error = (() => {
			try {
				render('text\n  {% render "bad" %}', {}, { bad: "ok\n{{ 1 | nope }}" });
			} catch (caught) {
				return caught as TemplateError;
			}
		})();
		expect([error?.reason, error?.line, error?.column]).toEqual([
			'in partial "bad" (line 2, column 8): unknown filter "nope"',
			2,
			3,
		]);
	});

	it("stops a partial that renders itself with a clear error instead of overflowing the stack", () => {
		expect(reasonOf(() => render('{% render "loop" %}', {}, { loop: 'x{% render "loop" %}' }))).toBe(
			'partials render partials more than 16 deep: does "loop" render itself?',
		);
		expect(
			render(
				'{% render "a", n: 2 %}',
				{},
				{ a: '{{ n }}{% if n > 0 %}{% assign m = n | minus: 1 %}{% render "a", n: m %}{% endif %}' },
			),
		).toBe("210");
	});

	it("stops a partial whose text passes the output limit, at the render tag", () => {
		const big = { p: "x".repeat(10_000) };
		const list = Array.from({ length: 2_000 }, (_, i) => i);
		let error: TemplateError | undefined;
		try {
			render('ok\n  {% render "p" for list as i %}', { list }, big);
		} catch (caught) {
			error = caught as TemplateError;
		}
		expect([error?.reason, error?.line, error?.column]).toEqual([TOO_LARGE, 2, 3]);
	});

	it("compiles a template and its partials once, and again only when the partials change", () => {
		const first = engine.compile('{% render "entry", entry: e %}', { partials });
		expect(engine.compile('{% render "entry", entry: e %}', { partials: { ...partials } })).toBe(first);
		const other = engine.compile('{% render "entry", entry: e %}', { partials: { ...partials, entry: "changed" } });
		expect(other).not.toBe(first);
		expect(other.render({ e: ENTRIES[0] }, "none")).toBe("changed");
	});
});

describe("errors that suggest what was meant", () => {
	it("suggests a filter, tag or variable within two edits, and lists the fields of an object", () => {
		expect(reasonOf(() => render('{{ d | dat: "%F" }}', { d: "2024-01-01" }))).toBe(
			'unknown filter "dat" — did you mean "date"?',
		);
		expect(reasonOf(() => render("{{ d | upcsae }}", { d: "x" }))).toBe(
			'unknown filter "upcsae" — did you mean "upcase"?',
		);
		expect(reasonOf(() => render("{% for x in l %}{% endfro %}", { l: [] }))).toBe(
			'unknown tag "endfro" — did you mean "endfor"?',
		);
		expect(reasonOf(() => render("{% frobnicate %}"))).toMatch(
			/^unknown tag "frobnicate" \(tags are if, unless, case, for/,
		);
		expect(reasonOf(() => render("{{ isue.title }}", { issue: {} }))).toBe(
			'unknown variable "isue" — did you mean "issue"?',
		);
		expect(reasonOf(() => render("{{ zzz }}", { issue: {} }))).toBe('unknown variable "zzz"');
	});

	it('says "no field" with the object it was read on and its fields, the first eight then …', () => {
		const entry = {
			title: "t",
			url: "u",
			note: "n",
			quote: null,
			group: null,
			author: null,
			via: null,
			image: null,
			lang: null,
		};
		expect(reasonOf(() => render("{% for entry in l %}{{ entry.titel }}{% endfor %}", { l: [entry] }))).toBe(
			'no field "titel" on entry — did you mean "title"? Fields: title, url, note, quote, group, author, via, image, …',
		);
		expect(reasonOf(() => render("{{ issue.sponsor.zzzzzz }}", { issue: { sponsor: { name: "n" } } }))).toBe(
			'no field "zzzzzz" on issue.sponsor — fields: name',
		);
	});
});
