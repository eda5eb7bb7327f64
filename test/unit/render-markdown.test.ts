import { type Node, Parser } from "commonmark";
import { describe, expect, it } from "vitest";
import { type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue, type Issue } from "../../src/core/issue.ts";
import type { IssueMeta, Newsletter } from "../../src/core/newsletter.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";

const NEWSLETTER: Newsletter = {
	name: "Ops Digest",
	titleTemplate: "{{newsletter}} #{{number}}",
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "tools", name: "Tools", layout: "entries" },
		{ id: "outages", name: "Outages", layout: "list" },
	],
};

function issueOf(captures: CaptureInput[], meta: Partial<IssueMeta> = {}): Issue {
	const normalized = captures.map((input, i) =>
		normalizeCapture({ position: i, ...input }, { id: `c${i}`, now: 1000 + i }),
	);
	return compileIssue(normalized, NEWSLETTER, { number: 3, date: "2024-05-01", intro: "", outro: "", ...meta });
}

const parse = (markdown: string) => new Parser().parse(markdown);

function nodes(root: Node, type: string): Node[] {
	const found: Node[] = [];
	const walker = root.walker();
	for (let step = walker.next(); step; step = walker.next()) {
		if (step.entering && step.node.type === type) found.push(step.node);
	}
	return found;
}

function text(node: Node): string {
	let out = "";
	const walker = node.walker();
	for (let step = walker.next(); step; step = walker.next()) {
		if (step.entering && step.node.literal && step.node.type !== "code_block") out += step.node.literal;
	}
	return out;
}

const links = (markdown: string) =>
	nodes(parse(markdown), "link").map((link) => ({ text: text(link), url: link.destination }));

describe("Markdown export", () => {
	it("is CommonMark whose headings are the title, the sections and one per entry", () => {
		const md = renderMarkdown(
			issueOf([
				{ section: "articles", url: "https://a.example/1", title: "First", note: "One." },
				{ section: "tools", url: "https://a.example/2", title: "Second", note: "Two." },
				{ section: "outages", url: "https://a.example/3", title: "Down", group: "Acme" },
			]),
		);
		const headings = nodes(parse(md), "heading").map((h) => [h.level, text(h)]);
		expect(headings).toEqual([
			[1, "Ops Digest #3"],
			[2, "Articles"],
			[3, "First"],
			[2, "Tools"],
			[3, "Second"],
			[2, "Outages"],
		]);
		expect(md.endsWith("\n\n---\n\n*Ops Digest #3 · May 1, 2024*\n")).toBe(true);
	});

	it("keeps hostile titles inside their link: brackets, parentheses and spaces cannot break it", () => {
		const md = renderMarkdown(
			issueOf([
				{
					section: "articles",
					url: "https://en.example.org/wiki/Foo_(bar) baz?x=(1)",
					title: "A ](https://evil.example) [b] *c* `d` <e>",
					note: "n",
				},
			]),
		);
		// Inline code in a title stays code (its text is "d"); the rest shows as written.
		expect(links(md)).toEqual([
			{ text: "A ](https://evil.example) [b] *c* d <e>", url: "https://en.example.org/wiki/Foo_(bar)%20baz?x=(1)" },
		]);
		expect(nodes(parse(md), "html_inline")).toEqual([]);
	});

	it("lays out a list section: groups in order of first appearance, notes as linked sub-bullets", () => {
		const md = renderMarkdown(
			issueOf([
				{ section: "outages", url: "https://o.example/1", title: "t1", group: "Beta", note: "Beta went down." },
				{ section: "outages", url: "https://o.example/2", title: "t2", group: "Alpha", note: "" },
				{ section: "outages", url: "https://o.example/3", title: "Gamma outage" },
				{
					section: "outages",
					url: "https://o.example/4",
					title: "t4",
					group: "Beta",
					note: "Beta again, [details](https://x.example).",
				},
			]),
		);
		const [list] = nodes(parse(md), "list");
		const items: { text: string; url: string | null; children: string[] }[] = [];
		for (let item = list?.firstChild; item; item = item.next) {
			const paragraph = item.firstChild as Node;
			const link = nodes(paragraph, "link")[0];
			const sub = nodes(item, "item")
				.slice(1)
				.map((child) => text(child));
			items.push({ text: text(paragraph), url: link?.destination ?? null, children: sub });
		}
		expect(items).toEqual([
			{ text: "Beta", url: null, children: ["Beta went down.", "Beta again, details."] },
			{ text: "Alpha", url: "https://o.example/2", children: [] },
			{ text: "Gamma outage", url: "https://o.example/3", children: [] },
		]);
		// A note's own link cannot nest inside the bullet's link.
		expect(links(md).map((link) => link.url)).toEqual([
			"https://o.example/1",
			"https://o.example/4",
			"https://o.example/2",
			"https://o.example/3",
		]);
	});

	it("writes an entry's note, multi-paragraph pull-quote, byline and credit in that order", () => {
		const md = renderMarkdown(
			issueOf([
				{
					section: "articles",
					url: "https://a.example/post",
					title: "Post",
					note: "Why it matters.",
					quote: "First quoted paragraph.\n\nSecond, with a [link](https://a.example/src).",
					author: "Tyler Treat",
					siteName: "Brave New Geek",
					via: { name: "DevOps Weekly", url: "https://devopsweekly.example" },
				},
			]),
		);
		expect(md).toContain(
			[
				"### [Post](https://a.example/post)",
				"",
				"Why it matters.",
				"",
				"> First quoted paragraph.",
				">",
				"> Second, with a [link](https://a.example/src).",
				"",
				"*Tyler Treat — Brave New Geek*",
				"",
				"Thanks to [DevOps Weekly](https://devopsweekly.example) for this one.",
			].join("\n"),
		);
		const quote = nodes(parse(md), "block_quote");
		expect(quote).toHaveLength(1);
		expect(nodes(quote[0] as Node, "paragraph")).toHaveLength(2);
	});

	it("leaves no stray blank lines or rules when intro, sponsor, outro and sections are empty", () => {
		const md = renderMarkdown(issueOf([]));
		expect(md).toBe("# Ops Digest #3\n\n---\n\n*Ops Digest #3 · May 1, 2024*\n");
		const withSponsor = renderMarkdown(issueOf([], { sponsor: { name: "Acme", text: "Buy it." } }));
		expect(withSponsor).toBe(
			"# Ops Digest #3\n\n---\n\n**A message from our sponsor, Acme:** Buy it.\n\n---\n\n*Ops Digest #3 · May 1, 2024*\n",
		);
		const full = renderMarkdown(
			issueOf([{ section: "tools", url: "https://t.example", title: "T", note: "" }], {
				intro: "  Hi.\n\n",
				outro: "Bye.",
			}),
		);
		expect(full).toBe(
			"# Ops Digest #3\n\nHi.\n\n## Tools\n\n### [T](https://t.example)\n\nBye.\n\n---\n\n*Ops Digest #3 · May 1, 2024*\n",
		);
		for (const out of [md, withSponsor, full]) expect(out).not.toMatch(/\n\n\n|^\n| \n/);
	});

	it("makes raw HTML and script links in notes and quotes inert, outside code", () => {
		const md = renderMarkdown(
			issueOf([
				{
					section: "articles",
					url: "https://a.example",
					title: "t",
					note: "Hi <script>alert(1)</script> and [x](javascript:alert(2)) and `<b>code</b>`.",
					quote: "<img src=x onerror=alert(3)> and <javascript:alert(4)> but <https://ok.example>",
				},
			]),
		);
		const tree = parse(md);
		expect(nodes(tree, "html_inline")).toEqual([]);
		expect(nodes(tree, "html_block")).toEqual([]);
		const urls = nodes(tree, "link").map((link) => link.destination ?? "");
		expect(urls.filter((url) => /^javascript:/i.test(url))).toEqual([]);
		expect(urls).toContain("https://ok.example");
		expect(nodes(tree, "code").map((code) => code.literal)).toEqual(["<b>code</b>"]);
	});

	it("credits a via without a URL as plain text and escapes a byline's emphasis markers", () => {
		const md = renderMarkdown(
			issueOf([
				{
					section: "articles",
					url: "https://a.example",
					title: "t",
					author: "*Star* _Author_",
					via: { name: "A [friend]" },
				},
			]),
		);
		expect(md).toContain("*\\*Star\\* \\_Author\\_*");
		expect(md).toContain("Thanks to A \\[friend\\] for this one.");
		const emphasis = nodes(parse(md), "emph").map(text);
		expect(emphasis).toEqual(["*Star* _Author_", "Ops Digest #3 · May 1, 2024"]);
	});
});
