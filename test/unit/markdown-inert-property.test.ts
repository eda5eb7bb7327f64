import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { renderIssue } from "../../src/core/render/index.ts";
import { defuseMarkdown } from "../../src/core/render/markdown-defuse.ts";
import { makeCapture } from "../helpers/captures.ts";
import { liveConstructs, quoted } from "../helpers/markdown-inert.ts";

/** Fixed, so a failure names the same input on every run; fast-check prints it shrunk. */
const SEED = 20_240_502;
const RUNS = 3_000;

// Pieces of Markdown that are harmless alone and dangerous together: tags,
// schemes, link syntax, and everything that changes what counts as code.
const PIECES = [
	"<script>",
	"</script>",
	"<img src=x onerror=alert(1)>",
	"<div>",
	"<a",
	" href=",
	">",
	"<",
	"<!--",
	"-->",
	"<?",
	"<!X",
	// Around the allow-list (<small>, <sup>, <br>, comments): allowed alone, not with the rest.
	"<small>",
	"</small>",
	"<sup>",
	"</sup>",
	"<br>",
	"<br/>",
	"<br />",
	"<SMALL >",
	" onclick=x",
	"<!-- c -->",
	"<!--->",
	"--!>",
	"--",
	"javascript:alert(1)",
	"JaVaScRiPt:",
	"jav&#x61;script&#58;",
	"&#106;",
	"vbscript:x",
	"data:text/html,x",
	"https://ok.example/p",
	"mailto:a@b.example",
	"/relative",
	"#frag",
	"[",
	"]",
	"](",
	"]:",
	"(",
	")",
	"![",
	"[x]",
	"[x]: ",
	"<javascript:x>",
	"<https://ok.example>",
	"\n",
	"\n\n",
	"    ",
	"\t",
	" ",
	"> ",
	"- ",
	"* ",
	"1. ",
	"3) ",
	"10. ",
	"```",
	"~~~",
	"`",
	"``",
	"\\",
	"*",
	"_",
	"**",
	"#",
	"===",
	"---",
	'"t"',
	"'",
	"text",
	"word ",
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));

describe("defused Markdown, over generated inputs", () => {
	it(`parses with no raw HTML and no unsafe destination, alone and quoted (seed ${SEED}, ${RUNS} runs)`, () => {
		fc.assert(
			fc.property(markdown, (input) => {
				const defused = defuseMarkdown(input);
				expect(liveConstructs(defused)).toEqual([]);
				expect(liveConstructs(quoted(defused))).toEqual([]);
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});

	it("leaves Markdown that is already inert byte for byte as written", () => {
		fc.assert(
			fc.property(markdown, (input) => {
				fc.pre(liveConstructs(input).length === 0 && !/<[A-Za-z/!?]/.test(input) && !/^[ >\-+*.)\d]*\t/m.test(input));
				expect(defuseMarkdown(input)).toBe(input);
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});

	it("keeps the whole Markdown export inert, whatever the note and the quote hold", () => {
		fc.assert(
			fc.property(markdown, markdown, (note, quote) => {
				const capture = makeCapture({ note, quote });
				const out = renderIssue(
					compileIssue([capture], DEFAULT_NEWSLETTER, { number: 1, date: "2024-05-02", intro: "", outro: "" }),
					"md",
				);
				expect(liveConstructs(out)).toEqual([]);
			}),
			{ seed: SEED, numRuns: 300 },
		);
	});
});
