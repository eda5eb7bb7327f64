import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { MAX_FIELD_LENGTH } from "../../src/core/capture.ts";
import { run } from "../../src/page/inject.ts";
import { readPage } from "../../src/page/read-page.ts";
import { selectionToMarkdown, selectionToText } from "../../src/page/selection.ts";
import { textDirective, textFragmentUrl } from "../../src/page/text-fragment.ts";

const PAGE_URL = "https://blog.example.com/posts/retries/";

function page(body: string, url = PAGE_URL): Document {
	return new JSDOM(
		`<!doctype html><html lang="en"><head><title>Retries | Blog</title></head><body>${body}</body></html>`,
		{
			url,
		},
	).window.document;
}

/** Select from the start of `from` to the end of `to` (elements found by selector). */
function selectElements(doc: Document, from: string, to = from): Selection {
	const range = doc.createRange();
	const start = doc.querySelector(from);
	const end = doc.querySelector(to);
	if (!start || !end) throw new Error("no such element");
	range.setStartBefore(start);
	range.setEndAfter(end);
	const selection = doc.getSelection();
	if (!selection) throw new Error("no selection");
	selection.removeAllRanges();
	selection.addRange(range);
	return selection;
}

/** Select `text` inside the first text node that contains it. */
function selectText(doc: Document, text: string): Selection {
	const walker = doc.createTreeWalker(doc.body, 4);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const at = (node as Text).data.indexOf(text);
		if (at === -1) continue;
		const range = doc.createRange();
		range.setStart(node, at);
		range.setEnd(node, at + text.length);
		const selection = doc.getSelection();
		if (!selection) throw new Error("no selection");
		selection.removeAllRanges();
		selection.addRange(range);
		return selection;
	}
	throw new Error(`"${text}" is not in the page`);
}

describe("selectionToMarkdown", () => {
	it("keeps links (made absolute), emphasis and inline code", () => {
		const doc = page(
			'<p id="p">Retry with <a href="../backoff/#jitter" title="Backoff">exponential backoff</a>, <em>always</em> with <strong>jitter</strong>: <code>sleep(rand() * base)</code>.</p>',
		);
		expect(selectionToMarkdown(selectElements(doc, "#p"), doc.baseURI)).toBe(
			"Retry with [exponential backoff](https://blog.example.com/posts/backoff/#jitter), *always* with **jitter**: `sleep(rand() * base)`.",
		);
	});

	it("keeps code blocks fenced, with their language, across paragraphs", () => {
		const doc = page(
			'<p id="a">Configure it:</p><div class="highlight highlight-source-yaml"><pre>retries: 3\nbackoff: 200ms</pre></div><pre><code class="language-go">if err != nil {\n\treturn err\n}</code></pre><p id="b">Done.</p>',
		);
		expect(selectionToMarkdown(selectElements(doc, "#a", "#b"), PAGE_URL)).toBe(
			"Configure it:\n\n```yaml\nretries: 3\nbackoff: 200ms\n```\n\n```go\nif err != nil {\n\treturn err\n}\n```\n\nDone.",
		);
	});

	it("uses a longer fence when the code itself contains backticks", () => {
		const doc = page('<pre id="c">Use ``` to fence code</pre>');
		expect(selectionToMarkdown(selectElements(doc, "#c"), PAGE_URL)).toBe("````\nUse ``` to fence code\n````");
	});

	it("keeps the link, emphasis or code block that a partial selection lies inside", () => {
		const doc = page(
			'<p>See <a href="/docs/retries">the retry <em>documentation</em> page</a>.</p><pre class="language-sh"><code>curl -X POST https://api.example.com/jobs</code></pre>',
		);
		expect(selectionToMarkdown(selectText(doc, "the retry "), PAGE_URL)).toBe(
			"[the retry](https://blog.example.com/docs/retries)",
		);
		expect(selectionToMarkdown(selectText(doc, "documentation"), PAGE_URL)).toBe(
			"[*documentation*](https://blog.example.com/docs/retries)",
		);
		expect(selectionToMarkdown(selectText(doc, "-X POST"), PAGE_URL)).toBe("```sh\n-X POST\n```");
	});

	it("drops scripts, styles, hidden and form elements, and links that go nowhere", () => {
		const doc = page(
			'<div id="d"><p>Visible <a href="javascript:void(0)">text</a><script>alert(1)</script><style>p{}</style><span hidden>secret</span><span aria-hidden="true">#</span><button>Copy</button> here <img src="data:image/png;base64,AAAA" alt="pixel"><img src="/chart.png" alt="Chart"></p></div>',
		);
		expect(selectionToMarkdown(selectElements(doc, "#d"), PAGE_URL)).toBe(
			"Visible text here ![Chart](https://blog.example.com/chart.png)",
		);
	});

	it("is undefined for a collapsed or missing selection", () => {
		const doc = page("<p>Text</p>");
		expect(selectionToMarkdown(doc.getSelection(), PAGE_URL)).toBeUndefined();
		expect(selectionToMarkdown(null, PAGE_URL)).toBeUndefined();
	});

	it("bounds the work and the result when everything on a huge page is selected", () => {
		const paragraph = `<p>${"All work and no play makes Jack a dull boy. ".repeat(20)}<a href="/x">link</a></p>`;
		const doc = page(`<div id="all">${paragraph.repeat(400)}</div>`);
		const selection = selectElements(doc, "#all");
		// Time is a bench figure (test/bench/hostile-input.measure.ts); here the work is bounded by the output.
		const markdown = selectionToMarkdown(selection, PAGE_URL) ?? "";
		const text = selectionToText(selection) ?? "";
		expect(markdown.length).toBeGreaterThan(10_000);
		expect(markdown.length).toBeLessThanOrEqual(MAX_FIELD_LENGTH);
		expect(text.length).toBeLessThanOrEqual(MAX_FIELD_LENGTH);
	}, 30_000);
});

describe("selectionToText", () => {
	it("keeps a line break between blocks", () => {
		const doc = page('<p id="a">First   paragraph.</p><p id="b">Second\nparagraph.</p>');
		expect(selectionToText(selectElements(doc, "#a", "#b"))).toBe("First paragraph.\n\nSecond paragraph.");
	});
});

describe("textFragmentUrl", () => {
	it("links to a short quote with the exact text", () => {
		expect(textFragmentUrl("https://example.com/post", "retry storms")).toBe(
			"https://example.com/post#:~:text=retry%20storms",
		);
	});

	it("percent-encodes the directive's own syntax: dash, ampersand and comma", () => {
		expect(textDirective("at-least-once, not exactly-once & done")).toBe(
			"at%2Dleast%2Donce%2C%20not%20exactly%2Donce%20%26%20done",
		);
	});

	it("uses textStart,textEnd for a long quote", () => {
		const text =
			"Retries are the most common resilience mechanism and, at the same time, the most common cause of metastable failures in large systems.";
		expect(textDirective(text)).toBe("Retries%20are%20the%20most,failures%20in%20large%20systems.");
	});

	it("takes textStart from the first block and textEnd from the last", () => {
		expect(textDirective("First paragraph starts here and goes on.\n\nMiddle.\n\nThe last one ends right here.")).toBe(
			"First%20paragraph%20starts%20here,one%20ends%20right%20here.",
		);
	});

	it("puts the directive after an existing anchor and replaces an old directive", () => {
		expect(textFragmentUrl("https://example.com/doc#install", "npm i")).toBe(
			"https://example.com/doc#install:~:text=npm%20i",
		);
		expect(textFragmentUrl("https://example.com/doc#install:~:text=old", "new")).toBe(
			"https://example.com/doc#install:~:text=new",
		);
	});

	it("is undefined for text without words", () => {
		expect(textFragmentUrl("https://example.com/", " \n\t ")).toBeUndefined();
	});
});

describe("readPage with a selection", () => {
	it("returns the quote as Markdown and text, and a text-fragment link without tracking parameters", () => {
		const doc = page(
			'<article><h1>Retries</h1><p id="q">Use <a href="/jitter">jitter</a>, always.</p></article>',
			"https://blog.example.com/posts/retries/?utm_source=newsletter&id=7",
		);
		selectElements(doc, "#q");
		const snapshot = readPage(doc);
		expect(snapshot.quote).toBe("Use [jitter](https://blog.example.com/jitter), always.");
		expect(snapshot.quoteText).toBe("Use jitter, always.");
		expect(snapshot.quoteUrl).toBe("https://blog.example.com/posts/retries/?id=7#:~:text=Use%20jitter%2C%20always.");
		expect(snapshot.title).toBe("Retries");
	});

	it("quotes text selected inside a text field as escaped plain text", () => {
		const doc = page('<textarea id="t">Use *args and **kwargs</textarea>');
		const field = doc.querySelector("textarea") as HTMLTextAreaElement;
		field.focus();
		field.setSelectionRange(4, 22);
		const snapshot = readPage(doc);
		expect(snapshot.quoteText).toBe("*args and **kwargs");
		expect(snapshot.quote).toBe("\\*args and \\*\\*kwargs");
	});

	it("never quotes a password field", () => {
		const doc = page('<input type="password" value="hunter2">');
		const field = doc.querySelector("input") as HTMLInputElement;
		field.focus();
		field.setSelectionRange(0, 7);
		expect(readPage(doc).quote).toBeUndefined();
	});
});

describe("inject entry point", () => {
	it("reads the global document and returns a plain snapshot", () => {
		const doc = page("<h1>Hello</h1>");
		const globals = globalThis as { document?: Document };
		globals.document = doc;
		try {
			expect(run()).toMatchObject({ url: PAGE_URL, title: "Retries", lang: "en" });
		} finally {
			delete globals.document;
		}
	});
});

describe("hostile selections", () => {
	it.each([
		["a pre with a huge run of spaces", `<pre id="x">a${" ".repeat(19_000)}x</pre>`],
		["an image with a huge alt text", `<p id="x">Chart: <img src="/a.png" alt="${"\n \n".repeat(100_000)}x"></p>`],
		["Markdown syntax everywhere", `<p id="x">${"*_`[<&".repeat(5_000)}</p>`],
		["deeply nested markup", `<div id="x">${"<span>".repeat(2_500)}deep${"</span>".repeat(2_500)}</div>`],
	])("quotes %s within bounds", (_name, body) => {
		const doc = page(body);
		selectElements(doc, "#x");
		// Time is a bench figure (test/bench/hostile-input.measure.ts); here the result is bounded.
		const snapshot = readPage(doc);
		expect(snapshot.quote?.length).toBeGreaterThan(0);
		expect(snapshot.quote?.length).toBeLessThanOrEqual(MAX_FIELD_LENGTH);
		expect(snapshot.quoteText?.length).toBeLessThanOrEqual(MAX_FIELD_LENGTH);
	});
});
