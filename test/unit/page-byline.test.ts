import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { readByline } from "../../src/page/byline.ts";
import { extractDetails } from "../../src/page/details.ts";
import { cleanSiteName } from "../../src/page/site-name.ts";
import { trimSiteName } from "../../src/page/site-title.ts";

function names(body: string): string[] | undefined {
	const doc = new JSDOM(`<!doctype html><html><body>${body}</body></html>`, { url: "https://news.example/a" }).window
		.document;
	return readByline(doc)?.names;
}

describe("the visible byline", () => {
	it.each([
		['<h1>T</h1><div class="byline">By <a href="/p/e">Erin Cunningham</a></div>', ["Erin Cunningham"]],
		['<h1>T</h1><p class="byline">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>', ["Rob Ewaschuk"]],
		['<h1>T</h1><span class="meta__author">Par Claire Dubois</span>', ["Claire Dubois"]],
		['<h1>T</h1><span class="autor">Von Hans-Jürgen Becker</span>', ["Hans-Jürgen Becker"]],
		['<h1>T</h1><span class="byline">Por Marta Ruiz el 22 enero</span>', ["Marta Ruiz"]],
		['<h1>T</h1><p class="byline">By Kate Lin Updated Dec. 3, 2024, 2:10 PM ET</p>', ["Kate Lin"]],
		[
			'<h1>T</h1><p class="byline">By Alice Smith, Bob Jones and Carol White</p>',
			["Alice Smith", "Bob Jones", "Carol White"],
		],
		[
			'<h1>T</h1><p class="post-meta">Door Jan de Vries en Fatima El Amrani — 8 februari</p>',
			["Jan de Vries", "Fatima El Amrani"],
		],
		[
			'<h1>T</h1><div class="contributors">Words by Dmitri Volkov <span>Illustration by Sofia Reyes</span></div>',
			["Dmitri Volkov"],
		],
		[
			"<h1>T</h1><address>Toon Verwaest and Camillo Bruni — not enough cooks</address>",
			["Toon Verwaest", "Camillo Bruni"],
		],
	])("reads %s", (html, expected) => {
		expect(names(html)).toEqual(expected);
	});

	it("prefers the byline under the heading to a related story's and a comment's", () => {
		const html = `<aside><div class="byline">By Related Writer</div></aside>
<article><h1>Headline</h1><div class="byline">By Main Author</div><p>${"Body text. ".repeat(10)}</p></article>
<div class="related-stories"><div class="byline">By Other Writer</div></div>
<ol class="comment-list"><li><span class="comment-author">Commenter Person</span></li></ol>`;
		expect(names(html)).toEqual(["Main Author"]);
	});

	it("finds no author in comments, handles or a date", () => {
		expect(names('<h1>T</h1><div id="comments"><span class="author">Oskar Lindqvist</span></div>')).toBeUndefined();
		expect(names('<h1>T</h1><span itemprop="author">kmatsuda</span>')).toBeUndefined();
		expect(names('<h1>T</h1><span class="byline">March 5, 2024</span>')).toBeUndefined();
	});

	it("drops an author that is the site itself", () => {
		const html = `<html><head><meta property="og:site_name" content="Mac &amp; i"><meta name="author" content="Mac &amp; i"></head>
<body><h1>Titel</h1><div class="a-byline"><span class="a-creator">Mac &amp; i — Mac &amp; i</span></div></body></html>`;
		const doc = new JSDOM(html, { url: "https://www.heise.de/news/x.html" }).window.document;
		expect(extractDetails(doc, "https://www.heise.de/news/x.html").author).toBeUndefined();
	});

	it("reads the 1 MB page in bounded time", () => {
		const html = readFileSync(join(import.meta.dirname, "../fixtures/pages/huge-wordpress-1mb.html"), "utf8");
		expect(html.length).toBeGreaterThan(1_000_000);
		const doc = new JSDOM(html, { url: "https://eng.tidewater.co.uk/2024/05/moving-4000-tables/" }).window.document;
		const started = performance.now();
		const byline = readByline(doc);
		// jsdom is far slower than a browser (the Chromium bench measures the real figure); this guards against a whole-page blow-up.
		expect(performance.now() - started).toBeLessThan(3_000);
		expect(byline?.names).toEqual(["Grace Okonkwo"]);
	}, 60_000);
});

describe("site names and titles", () => {
	it.each([
		["Aktuálně.cz - Víte, co se právě děje", "zpravy.aktualne.cz", "Aktuálně.cz"],
		["Spiceworks Inc", "www.spiceworks.com", "Spiceworks"],
		["Stadtwerke Nord GmbH", "stadtwerke-nord.de", "Stadtwerke Nord"],
		["Rust: Notes", "example.org", "Rust: Notes"],
	])("cleans %j on %s to %j", (name, host, expected) => {
		expect(cleanSiteName(name, host)).toBe(expected);
	});

	it.each([
		["The state of the page cache [LWN.net]", "lwn.net", "The state of the page cache"],
		["Maglev - V8’s Fastest Optimizing JIT · V8", "v8.dev", "Maglev - V8’s Fastest Optimizing JIT"],
		["Sharing mutable history — evolve extension for Mercurial", "www.mercurial-scm.org", "Sharing mutable history"],
		["What Is Ownership? - The Rust Programming Language", "doc.rust-lang.org", "What Is Ownership?"],
	])("trims %j on %s", (title, host, expected) => {
		expect(trimSiteName(title, { host }).title).toBe(expected);
	});

	it("trims a 'Site: ' prefix only when the page names its site so", () => {
		const title = "Daring Fireball: The iPad Pro";
		expect(trimSiteName(title, { host: "daringfireball.net", aliases: ["Daring Fireball"] }).title).toBe(
			"The iPad Pro",
		);
		expect(trimSiteName("nullsink: a /dev/null for logs", { host: "nullsink.dev" }).title).toBe(
			"nullsink: a /dev/null for logs",
		);
	});
});
