import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	canonicalUrl,
	DEFAULT_TRACKING_PARAMS,
	isSavableUrl,
	stripTracking,
	urlKey,
	viaFromReferrer,
	webOrMailScheme,
} from "../../src/core/url.ts";

describe("which pages can be saved", () => {
	it.each([
		["https://example.com/a", true],
		["http://127.0.0.1:8080/x", true],
		["chrome://extensions/", false],
		["chrome-extension://abc/popup.html", false],
		["file:///home/me/notes.pdf", false],
		["about:blank", false],
		["javascript:alert(1)", false],
		["data:text/html,hi", false],
		["not a url", false],
		["", false],
	])("%s → %s", (url, savable) => {
		expect(isSavableUrl(url)).toBe(savable);
	});
});

describe("stripping tracking parameters", () => {
	it("removes trackers and keeps meaningful parameters byte for byte", () => {
		expect(
			stripTracking(
				"https://ex.com/p?id=7&utm_source=nl&utm_medium=email&q=a%20b+c&fbclid=xyz&gclid=1&mc_cid=2&ref=hn",
			),
		).toBe("https://ex.com/p?id=7&q=a%20b+c");
	});
	it("drops the text-fragment directive but keeps a real anchor", () => {
		expect(stripTracking("https://ex.com/p#:~:text=hello")).toBe("https://ex.com/p");
		expect(stripTracking("https://ex.com/p#section-2:~:text=hello")).toBe("https://ex.com/p#section-2");
		expect(stripTracking("https://ex.com/app#/route/5")).toBe("https://ex.com/app#/route/5");
	});
	it("uses the curator's own list when given", () => {
		expect(stripTracking("https://ex.com/?src=tw&id=1", ["src"])).toBe("https://ex.com/?id=1");
		expect(stripTracking("https://ex.com/?utm_source=x", ["src"])).toBe("https://ex.com/?utm_source=x");
	});
});

describe("canonical URL", () => {
	const tab = "https://www.example.com/post/1?utm_source=feed";
	it("prefers rel=canonical on the same site", () => {
		expect(canonicalUrl(tab, { canonical: "https://example.com/posts/one" })).toBe("https://example.com/posts/one");
	});
	it("resolves a relative canonical against the tab", () => {
		expect(canonicalUrl(tab, { canonical: "/posts/one" })).toBe("https://www.example.com/posts/one");
	});
	it("falls back to og:url, then to the tab without trackers", () => {
		expect(canonicalUrl(tab, { ogUrl: "https://example.com/p/1" })).toBe("https://example.com/p/1");
		expect(canonicalUrl(tab, {})).toBe("https://www.example.com/post/1");
	});
	it("ignores a canonical on another site or with another scheme", () => {
		expect(canonicalUrl(tab, { canonical: "https://evil.example.net/x" })).toBe("https://www.example.com/post/1");
		expect(
			canonicalUrl(tab, {
				canonical: "javascript:alert(1)",
				ogUrl: "ftp://example.com/x",
			}),
		).toBe("https://www.example.com/post/1");
	});
});

describe("matching the same link", () => {
	it("ignores scheme, www, trailing slash, parameter order and trackers", () => {
		const key = urlKey("https://example.com/a/b/?x=1&y=2");
		for (const same of [
			"http://example.com/a/b?y=2&x=1",
			"https://www.example.com/a/b/?x=1&y=2&utm_campaign=z",
			"https://example.com/a/b?x=1&y=2#:~:text=quoted",
		]) {
			expect(urlKey(same)).toBe(key);
		}
	});
	it("keeps different pages apart", () => {
		expect(urlKey("https://example.com/a?id=1")).not.toBe(urlKey("https://example.com/a?id=2"));
		expect(urlKey("https://example.com/a")).not.toBe(urlKey("https://example.org/a"));
		expect(urlKey("https://example.com/app#/one")).not.toBe(urlKey("https://example.com/app#/two"));
	});
});

describe("the default tracker list", () => {
	it.each([
		["https://www.nytimes.com/2024/a.html?smid=url-share", "https://www.nytimes.com/2024/a.html"],
		["https://www.theguardian.com/a?CMP=share_btn_tw", "https://www.theguardian.com/a"],
		["https://www.lemonde.fr/a.html?xtor=RSS-3208", "https://www.lemonde.fr/a.html"],
		["https://news.yahoo.com/a.html?guccounter=1&guce_referrer=aHR0", "https://news.yahoo.com/a.html"],
		["https://www.heise.de/news/a.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag", "https://www.heise.de/news/a.html"],
		["https://example.com/a?iid=123&ocid=msedgntp&cvid=abc", "https://example.com/a"],
		["https://medium.com/p/abc?source=rss----5517fd7b58a6---4", "https://medium.com/p/abc"],
		["https://example.com/a?mtm_campaign=x&pk_source=y&ttclid=z", "https://example.com/a"],
	])("strips %s", (input, expected) => {
		expect(stripTracking(input)).toBe(expected);
	});

	it("never strips a parameter that picks the content", () => {
		const url = "https://example.com/search?id=7&p=3&page=2&q=rust&s=x&v=abc&t=42&sort=new&source=docs&lang=de";
		expect(stripTracking(url)).toBe(url);
		for (const name of ["id", "p", "page", "q", "s", "v", "t", "sort", "lang", "source"]) {
			expect(DEFAULT_TRACKING_PARAMS.map((p) => p.toLowerCase())).not.toContain(name);
		}
	});
});

describe("the via credit from the referrer", () => {
	const page = "https://blog.example.org/post";
	it.each([
		["https://news.ycombinator.com/item?id=1", "https://news.ycombinator.com/item?id=1"],
		[
			"https://l.facebook.com/l.php?u=https%3A%2F%2Fnewsletter.example%2Fissue-9%3Futm_source%3Dfb&h=AT0",
			"https://newsletter.example/issue-9",
		],
		["https://www.google.com/url?q=https://devopsweekly.example/42&sa=D", "https://devopsweekly.example/42"],
		[
			"https://out.reddit.com/t3_abc?url=https%3A%2F%2Fwww.reddit.com%2Fr%2Fsre%2F&token=x",
			"https://www.reddit.com/r/sre/",
		],
	])("from %s credits %s", (referrer, expected) => {
		expect(viaFromReferrer(referrer, page)).toBe(expected);
	});

	it.each([
		["a shortener that hides where the link was", "https://t.co/AbC123"],
		[
			"a redirector pointing at the page itself",
			"https://out.reddit.com/t3_abc?url=https%3A%2F%2Fblog.example.org%2Fpost",
		],
		["the page's own site", "https://blog.example.org/"],
		["a redirector with no destination", "https://l.facebook.com/l.php"],
		["not http(s)", "android-app://com.slack/"],
	])("gives none for %s", (_, referrer) => {
		expect(viaFromReferrer(referrer, page)).toBeUndefined();
	});
});

describe("webOrMailScheme", () => {
	/** What the parser says, the slow way every URL used to take. */
	const parsed = (url: string) => {
		try {
			const protocol = new URL(url).protocol;
			return ["http:", "https:", "mailto:"].includes(protocol) ? protocol : undefined;
		} catch {
			return undefined;
		}
	};

	it("agrees with the URL parser on every string, including hosts the parser refuses", () => {
		const part = fc.constantFrom(
			"http://",
			"https://",
			"HTTPS://",
			"mailto:",
			"javascript:",
			"a",
			"Z",
			"0",
			"9",
			"-",
			".",
			":",
			":80",
			":99999",
			"/",
			"?",
			"#",
			"%",
			"xn--",
			"xn--a",
			"999",
			"0x1",
			"[",
			"@",
			" ",
			"\t",
			"\u0000",
			"é",
			"\\",
		);
		fc.assert(
			fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
				const url = parts.join("");
				expect(webOrMailScheme(url)).toBe(parsed(url));
			}),
			{ seed: 20261201, numRuns: 20_000 },
		);
	});

	it("reads common links without a parser and refuses what the parser refuses", () => {
		expect(webOrMailScheme("https://example.com/a?b=c#d")).toBe("https:");
		expect(webOrMailScheme("http://sub.example.co.uk:8080/")).toBe("http:");
		expect(webOrMailScheme("mailto:ann@example.com")).toBe("mailto:");
		expect(webOrMailScheme("https://999.1.1.1/")).toBeUndefined();
		expect(webOrMailScheme("https://example.com:99999/")).toBeUndefined();
		expect(webOrMailScheme("javascript:alert(1)")).toBeUndefined();
	});
});
