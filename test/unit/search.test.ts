import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Capture } from "../../src/core/capture.ts";
import {
	buildSearchIndex,
	excerpt,
	foldText,
	foldWithMap,
	highlightRanges,
	markdownWords,
	queryTerms,
	search,
	searchFacets,
	siteOf,
} from "../../src/core/search.ts";
import { makeCapture } from "../helpers/captures.ts";

function marked(h: { text: string; ranges: readonly (readonly [number, number])[] }): string[] {
	return h.ranges.map(([a, b]) => h.text.slice(a, b));
}

const captures: Capture[] = [
	makeCapture(
		{
			title: "Canarying every second",
			note: "How **Stripe** ships config with [careful rollouts](https://example.com/r).",
			url: "https://stripe.com/blog/canary",
			siteName: "Stripe Blog",
			author: "Jane Doe",
			issue: 12,
			section: "articles",
		},
		1_000,
	),
	makeCapture(
		{
			title: "Postmortem: the café outage",
			note: "A résumé of what went wrong at the Café.",
			url: "https://www.status.example.org/incidents/1",
			issue: 13,
			section: "outages",
		},
		2_000,
	),
	makeCapture(
		{
			title: "A tool for rollouts",
			note: "Small and sharp.",
			url: "https://github.com/acme/roll",
			quote: "We built *roll* because canary deploys were slow.",
			issue: null,
			section: "tools",
		},
		3_000,
	),
];
const index = buildSearchIndex(captures);
const titles = (text: string, rest = {}) => search(index, { text, ...rest }).hits.map((h) => h.capture.title);

describe("search: what is found", () => {
	it("finds a capture by a word of its note, title, site, author, URL or quote", () => {
		expect(titles("careful")).toEqual(["Canarying every second"]);
		expect(titles("postmortem")).toEqual(["Postmortem: the café outage"]);
		expect(titles("jane")).toEqual(["Canarying every second"]);
		expect(titles("github")).toEqual(["A tool for rollouts"]);
		expect(titles("deploys")).toEqual(["A tool for rollouts"]);
		expect(titles("status")).toEqual(["Postmortem: the café outage"]);
	});

	it("ignores case and diacritics both ways", () => {
		expect(titles("CAFE")).toEqual(["Postmortem: the café outage"]);
		expect(titles("resume")).toEqual(["Postmortem: the café outage"]);
		expect(titles("Résumé")).toEqual(["Postmortem: the café outage"]);
	});

	it("needs every word; the last word may be unfinished, the others are whole words", () => {
		expect(titles("stripe care")).toEqual(["Canarying every second"]);
		expect(titles("stripe outage")).toEqual([]);
		// "car" is not a whole word anywhere: only as the word being typed does it match "careful".
		expect(titles("car stripe")).toEqual([]);
		expect(titles("stripe car")).toEqual(["Canarying every second"]);
	});

	it("matches words, not the middle of words", () => {
		expect(titles("ripe")).toEqual([]);
		expect(titles("anary")).toEqual([]);
	});

	it("does not search Markdown's link targets in notes", () => {
		expect(titles("example")).toEqual(["Postmortem: the café outage"]);
	});

	it("ranks a title match above a note match above a URL or quote match, newer first on a tie", () => {
		// "rollouts": title of the tool, note of the canary post.
		expect(titles("rollouts")).toEqual(["A tool for rollouts", "Canarying every second"]);
		// The same score: the newer capture first.
		const tie = buildSearchIndex([
			makeCapture({ title: "Older kafka", issue: 1 }, 5_000),
			makeCapture({ title: "Newer kafka", issue: 2 }, 6_000),
		]);
		expect(search(tie, { text: "kafka" }).hits.map((h) => h.capture.title)).toEqual(["Newer kafka", "Older kafka"]);
		// "canarying" in a title beats nothing; "canar" as a prefix hits the title, URL and quote.
		expect(titles("canar")).toEqual(["Canarying every second", "A tool for rollouts"]);
	});

	it("filters by section, site and issue (a number or the draft)", () => {
		expect(titles("rollouts", { section: "tools" })).toEqual(["A tool for rollouts"]);
		expect(titles("rollouts", { issue: 12 })).toEqual(["Canarying every second"]);
		expect(titles("rollouts", { issue: "draft" })).toEqual(["A tool for rollouts"]);
		expect(titles("rollouts", { site: "Stripe Blog" })).toEqual(["Canarying every second"]);
		expect(titles("", { site: "status.example.org" })).toEqual(["Postmortem: the café outage"]);
		expect(titles("", { section: "articles", issue: 13 })).toEqual([]);
	});

	it("finds nothing for an empty query and lists the filtered captures newest first for filters alone", () => {
		expect(search(index, { text: "  " })).toEqual({ hits: [], total: 0 });
		expect(titles("", { section: "outages" })).toEqual(["Postmortem: the café outage"]);
		expect(titles(" ", { issue: 12 })).toEqual(["Canarying every second"]);
	});

	it("caps the hits shown and counts them all", () => {
		const many = buildSearchIndex(
			Array.from({ length: 120 }, (_, i) => makeCapture({ title: `Kafka tip ${i}` }, 10_000 + i)),
		);
		const result = search(many, { text: "kafka" }, 50);
		expect(result.total).toBe(120);
		expect(result.hits).toHaveLength(50);
		expect(result.hits[0]?.capture.title).toBe("Kafka tip 119");
	});
});

describe("search: what is shown", () => {
	it("marks the matched words in the title and the note excerpt, as typed", () => {
		const [hit] = search(index, { text: "cafe out" }).hits;
		expect(marked(hit?.title ?? { text: "", ranges: [] })).toEqual(["café", "out"]);
		expect(marked(hit?.excerpt ?? { text: "", ranges: [] })).toEqual(["Café"]);
	});

	it("shows the quote when only the quote matched, and the note's words without Markdown", () => {
		const [tool] = search(index, { text: "deploys" }).hits;
		expect(tool?.excerpt.text).toBe("We built roll because canary deploys were slow.");
		const [canary] = search(index, { text: "careful" }).hits;
		expect(canary?.excerpt.text).toBe("How Stripe ships config with careful rollouts.");
		expect(marked(canary?.excerpt ?? { text: "", ranges: [] })).toEqual(["careful"]);
	});

	it("cuts a long note around its first match, at spaces", () => {
		const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
		const shown = excerpt(`${words} needle ${words}`, ["needle"], 60);
		expect(shown.text.startsWith("… ")).toBe(true);
		expect(shown.text.endsWith(" …")).toBe(true);
		expect(marked(shown)).toEqual(["needle"]);
		expect(shown.text).not.toMatch(/ word\d*[^\d\s]/);
	});

	it("names a capture's site by its site name, else by its host", () => {
		expect(siteOf({ url: "https://www.Example.org/x", siteName: undefined })).toBe("example.org");
		expect(siteOf({ url: "https://a.b/x", siteName: " LWN " })).toBe("LWN");
		expect(markdownWords("**a** [b](c) `d`")).toBe("a b d");
	});

	it("offers the sites and issues the captures have, the draft first, newest issue next", () => {
		expect(searchFacets(index)).toEqual({
			sites: ["github.com", "status.example.org", "Stripe Blog"],
			issues: ["draft", 13, 12],
		});
	});
});

describe("search: properties", () => {
	it("a highlighted range always covers text that folds to a query term", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ maxLength: 6 }), (text, word) => {
				const terms = queryTerms(word);
				for (const [a, b] of highlightRanges(text, terms)) {
					const folded = foldText(text.slice(a, b));
					expect(terms.some((t) => folded.includes(t))).toBe(true);
				}
			}),
		);
	});

	it("every word of a capture's title finds it, typed whole or in part, in any case", () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[A-Za-zà-öø-ÿ]{1,8}$/), { minLength: 1, maxLength: 5 }),
				fc.nat(),
				fc.nat(),
				(words, pick, cut) => {
					const capture = makeCapture({ title: words.join(" ") });
					const word = words[pick % words.length] as string;
					const typed = word.slice(0, 1 + (cut % word.length)).toUpperCase();
					expect(search(buildSearchIndex([capture]), { text: typed }).total).toBe(1);
				},
			),
		);
	});

	it("folding keeps a map back to every original position", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
				const { folded, map } = foldWithMap(text);
				expect(map).toHaveLength(folded.length + 1);
				expect(map[map.length - 1]).toBe(text.length);
				for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1] as number);
				expect(foldText(text)).toBe(folded);
			}),
		);
	});

	it("a query with more words never finds more", () => {
		fc.assert(
			fc.property(
				fc.constantFrom("stripe", "cafe", "the", "a", "canary"),
				fc.constantFrom("rollouts", "outage", "c"),
				(a, b) => {
					expect(search(index, { text: `${a} ${b}` }).total).toBeLessThanOrEqual(search(index, { text: b }).total);
				},
			),
		);
	});

	it("typing letter by letter finds exactly what a fresh search finds, hits and order", () => {
		const words = ["kafka", "canary", "cafe", "outage", "stripe", "rollouts", "deploys", "the"];
		const many = buildSearchIndex(
			Array.from({ length: 300 }, (_, i) =>
				makeCapture(
					{ title: `${words[i % 8]} ${words[(i * 3) % 8]} number ${i}`, note: `${words[(i * 5) % 8]} notes` },
					1_000 + (i % 7),
				),
			),
		);
		const ids = (r: ReturnType<typeof search>) => r.hits.map((h) => `${h.capture.id}:${h.score}`);
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(..."kafcnryoutgesipld ".split(""), "\b"), { maxLength: 14 }),
				fc.constantFrom(5, 50),
				(keys, limit) => {
					let text = "";
					let previous: ReturnType<typeof search> | undefined;
					for (const key of keys) {
						text = key === "\b" ? text.slice(0, -1) : text + key;
						const typed = search(many, { text }, limit, previous);
						const fresh = search(many, { text }, limit);
						expect(ids(typed)).toEqual(ids(fresh));
						expect(typed.total).toBe(fresh.total);
						previous = typed;
					}
				},
			),
			{ seed: 7, numRuns: 300 },
		);
	});
});
