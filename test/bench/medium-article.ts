/** A ~200 KB article page with JSON-LD and OpenGraph, like a long post on a news site. */
export function mediumArticle(): string {
	const paragraph = (i: number) =>
		`<p>Paragraph ${i}: incident response is a team sport. <a href="/link/${i}">A link</a>, some <em>emphasis</em>, and <code>kubectl get pods</code> keep the parser honest. ${"Reliability is a feature users notice when it is missing. ".repeat(4)}</p>`;
	const body = Array.from({ length: 600 }, (_, i) => paragraph(i)).join("\n");
	const jsonLd = {
		"@context": "https://schema.org",
		"@graph": [
			{ "@type": "Organization", name: "Example News", url: "http://127.0.0.1/" },
			{
				"@type": "NewsArticle",
				headline: "What We Learned From a Year of Postmortems",
				datePublished: "2026-11-20T09:30:00+01:00",
				dateModified: "2026-11-21T10:00:00+01:00",
				author: [{ "@type": "Person", name: "Riley Chen" }],
				publisher: { "@type": "Organization", name: "Example News" },
				description: "Twelve months of incident reviews, distilled.",
				articleBody: "x".repeat(20_000),
			},
		],
	};
	return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>What We Learned From a Year of Postmortems | Example News</title>
<meta property="og:title" content="What We Learned From a Year of Postmortems">
<meta property="og:site_name" content="Example News">
<meta property="og:description" content="Twelve months of incident reviews, distilled.">
<meta property="og:image" content="/img/cover.png">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
</head><body><header><nav>${Array.from({ length: 80 }, (_, i) => `<a href="/s/${i}">Section ${i}</a>`).join(" ")}</nav></header>
<article><h1>What We Learned From a Year of Postmortems</h1>${body}</article></body></html>`;
}
