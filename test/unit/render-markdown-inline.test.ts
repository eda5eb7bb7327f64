import { describe, expect, it } from "vitest";
import { MARKDOWN_STYLES } from "../../src/core/render/html-styles.ts";
import { htmlFromTree } from "../../src/core/render/markdown-html.ts";
import {
	type InlinePiece,
	parseSimpleInline,
	simpleInlineHtml,
	simpleInlineText,
} from "../../src/core/render/markdown-inline.ts";
import { textFromTree } from "../../src/core/render/markdown-text.ts";
import { parseMarkdown } from "../../src/core/render/markdown-tree.ts";

/** Every rendering the filters make of a note, from the CommonMark tree. */
function viaTree(markdown: string): string[] {
	const tree = parseMarkdown(markdown);
	return [
		htmlFromTree(tree, "block"),
		htmlFromTree(tree, "inline"),
		htmlFromTree(tree, "linkText"),
		textFromTree(tree, false),
		textFromTree(tree, true),
	];
}

/** The same renderings from the one-line shortcut's pieces. */
function viaShortcut(pieces: readonly InlinePiece[]): string[] {
	const html = simpleInlineHtml(pieces, false);
	const text = simpleInlineText(pieces);
	return [`<p style="${MARKDOWN_STYLES.p}">${html}</p>`, html, simpleInlineHtml(pieces, true), text, text];
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Fragments near the edges of the accepted form: delimiter runs, flanking
// characters, entities, escapes, brackets, odd destinations, code spaces.
const PLAIN = ["word", "two words", "it's", '"q"', "a > b", "a & b", "AT&T;", "wow!", "50%", "(x)", "ünï", "💥"];
const MORE_PLAIN = "a\tb &amp; &#x41; &# &b ! ? a.b ~ : | # + - = > —".split(" ");
const INNER = ["a", "a b", "A1", "9", "it's a", "a,b", "a-b", "a!b", "a>b", "é", "aé", " a", "a ", "a*b", "a_b"];
const MORE_INNER = ["a`b", "a&b", "a&amp;b", "a\\b", "(a)", "a)", '"a"', "", "1.", "a b.", "a\nb", "a\u0000b"];
const CODE = ["x", "a b", "*", "**", "_", "<b>", "&amp;", "\\", "[x](y)", " x", "x ", " x ", " ", "a``b", "!", "a\nb"];
const DESTINATIONS = [
	"https://example.com/ref/1",
	"https://e.com/a_b*c~d",
	"https://e.com/?a=1&b=2",
	"https://e.com/?a=1&amp;b",
	"https://e.com/%20x",
	"https://e.com/%2",
	"https://e.com/ü",
	"https://e.com/(x)",
	"https://e.com/a b",
	"<https://e.com>",
	'https://e.com/"q"',
	"https://e.com/a\\b",
	"https://e.com/$,;@:=+!'",
	"http://x",
	"https://",
	"mailto:a@b.c",
	"javascript:alert(1)",
	"JAVASCRIPT:x",
	"/rel/path",
	"#frag",
	"ftp://x",
	"x:y",
	"",
	'https://e.com/ "title"',
];
const SEPARATORS = [" ", " ", " ", "", "(", ")", ".", ",", '"', "'", "-", "/", "!", ":", "a", "é", "\t", ";", "?"];
const ODD_SEPARATORS = ["*", "[", "]", "_", "`", ">", "&", "  ", "\n", "\\", "<"];

function generator(seed: number): () => string {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const plain = () => pick(next() < 0.7 ? PLAIN : MORE_PLAIN);
	const inner = () => pick(next() < 0.7 ? INNER : MORE_INNER);
	const separator = (tidy: boolean) => (tidy && next() < 0.8 ? " " : pick(next() < 0.85 ? SEPARATORS : ODD_SEPARATORS));
	const segment = (): string => {
		switch (Math.floor(next() * 5)) {
			case 0: {
				const run = pick(["*", "**", "*", "**", "***", "_"]);
				return run + inner() + (next() < 0.9 ? run : pick(["*", "**", "***"]));
			}
			case 1:
				return `\`${pick(CODE)}${next() < 0.95 ? "`" : "``"}`;
			case 2:
				return `[${inner()}](${pick(DESTINATIONS)})`;
			default:
				return plain();
		}
	};
	return () => {
		const tidy = next() < 0.5;
		let note = next() < 0.3 ? "" : plain();
		const count = 1 + Math.floor(next() * 5);
		for (let i = 0; i < count; i++) note += separator(tidy) + segment();
		if (next() < 0.7) note += separator(tidy) + plain();
		return next() < 0.8 ? note.trim() : note;
	};
}

describe("the one-line Markdown shortcut", () => {
	it("takes the common inline-only notes", () => {
		for (const note of [
			"A **thoughtful** note about post 3, with [a link](https://example.com/ref/3) and `code`. More commentary.",
			"This week: *lots* of [links](https://example.com).",
			"A quoted passage, *emphasised*.",
			'Say "*hello*" (*twice*) to [me](mailto:me@example.com); `a < b && c`!',
			"[Docs](https://example.com/a_b?x=1&y=2#top) first, then **more**",
		]) {
			const pieces = parseSimpleInline(note);
			expect(pieces, note).toBeDefined();
			expect(viaShortcut(pieces ?? []), note).toEqual(viaTree(note));
		}
	});

	it("leaves everything outside its narrow form to CommonMark", () => {
		for (const note of [
			"_underscores_ emphasise too",
			"***both*** at once",
			"**unbalanced* runs",
			"intra*word*emphasis",
			"*a*b",
			"escaped \\*star\\*",
			"an &amp; entity",
			"an image ![alt](https://example.com/a.png)",
			"[a link](https://example.com 'with a title')",
			"[a link](<https://example.com>)",
			"[nested [brackets]](https://example.com)",
			"[**strong** text](https://example.com)",
			"*[emphasised link](https://example.com)*",
			"[a link](https://example.com/ü)",
			"[a link](https://example.com/%zz)",
			"`` double ticks ``",
			"` padded `",
			"<b>html</b>",
			"* a list",
			"> a quote",
			"# a heading",
			"1. a list",
			"two\nlines",
			"trailing space ",
			" leading space",
		]) {
			expect(parseSimpleInline(note), note).toBeUndefined();
		}
	});

	it("renders exactly what the CommonMark tree renders, for thousands of generated notes", () => {
		const next = generator(20260601);
		let taken = 0;
		for (let i = 0; i < 20_000; i++) {
			const note = next();
			if (note.trim() === "") continue;
			const pieces = parseSimpleInline(note);
			if (!pieces) continue;
			taken++;
			expect(viaShortcut(pieces), JSON.stringify(note)).toEqual(viaTree(note));
		}
		// The generator is meant to land near the edges of the form; make sure it still reaches it.
		expect(taken).toBeGreaterThan(1_000);
	});
});
