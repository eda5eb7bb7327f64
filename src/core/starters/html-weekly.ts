import type { Starter } from "./types.ts";

/*
 * A commercial HTML weekly for email: a featured story with its image, then
 * each section's links as a bold title link with the commentary (or the
 * page's description) and the author; sponsored links marked where they
 * fall, the sponsors after the first section (mid-issue), and the
 * list layout as an "In brief" style bullet list. Element styles come from
 * the style map, so the template itself stays plain.
 */

const MAIN = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ issue.title }}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<div style="max-width:600px;margin:0 auto;padding:24px 20px;background-color:#ffffff;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
{%- if issue.fields.preheader %}
<div style="display:none;max-height:0;overflow:hidden;">{{ issue.fields.preheader }}</div>
{%- endif %}
<h1>{{ issue.newsletter }}</h1>
<div style="margin:0 0 24px;color:#666666;font-size:14px;">{{ issue.title }} · {{ issue.date | date: "%A, %B %o, %Y" }}</div>
{%- if issue.intro %}
{{ issue.intro | markdown }}
{%- endif %}
{%- assign count = issue.sections | size %}
{%- for section in issue.sections %}
{%- if forloop.index == 2 %}{% render "sponsors" %}{% endif %}
<h{{ section.level }}>{{ section.name }}</h{{ section.level }}>
{%- if section.intro %}
{{ section.intro | markdown }}
{%- endif %}
{%- if section.emptyText %}
{{ section.emptyText | markdown }}
{%- endif %}
{%- if section.partial %}{% render section.partial for section.entries as entry %}
{%- else %}
{%- if section.layout == "list" %}
{%- if section.items %}
<ul>
{%- for item in section.items %}
{%- if item.url %}
<li><a href="{{ item.url | href }}">{{ item.text | markdown_link_text }}</a></li>
{%- else %}
<li><strong>{{ item.text | markdown_inline }}</strong>
<ul>
{%- for entry in item.entries %}
<li><a href="{{ entry.url | href }}">{{ entry.linkText | markdown_link_text }}</a></li>
{%- endfor %}
</ul>
</li>
{%- endif %}
{%- endfor %}
</ul>
{%- endif %}
{%- else %}{% render "item" for section.entries as entry %}
{%- endif %}
{%- endif %}
{%- endfor %}
{%- if count < 2 %}{% render "sponsors" %}{% endif %}
{%- if issue.outro %}
<hr>
{{ issue.outro | markdown }}
{%- endif %}
<div style="margin:32px 0 0;color:#666666;font-size:12px;">You are receiving {{ issue.newsletter }} because you subscribed. {{ issue.title }}.</div>
</div>
</body>
</html>
`;

/** One link: bold title link, a "Sponsored" mark when paid, the commentary or description, the author. */
const ITEM = `
<p><a href="{{ entry.url | href }}"><strong>{{ entry.title }}</strong></a>
{%- if entry.sponsored %} <span style="font-size:12px;text-transform:uppercase;color:#8a6d00;">Sponsored</span>{% endif %}
{%- if entry.note %}<br>
{{ entry.note | markdown_inline }}
{%- elsif entry.description %}<br>
{{ entry.description }}
{%- endif %}
{%- if entry.author %}<br>
<em>by {{ entry.author }}</em>
{%- endif %}</p>`;

/** The featured story: its image (when the page has one), a large title link, the commentary and byline. */
const FEATURED = `
{%- if entry.image %}
<a href="{{ entry.url | href }}"><img src="{{ entry.image | href }}" alt="{{ entry.title }}" width="560"></a>
{%- endif %}
<h3><a href="{{ entry.url | href }}">{{ entry.title }}</a></h3>
{%- if entry.note %}
{{ entry.note | markdown }}
{%- elsif entry.description %}
<p>{{ entry.description }}</p>
{%- endif %}
{%- if entry.byline %}
<p><em>{{ entry.byline }}</em></p>
{%- endif %}`;

/** The sponsors, each in a shaded box. */
const SPONSORS = `
{%- for sponsor in issue.sponsors %}
<div style="margin:24px 0;padding:12px 16px;background-color:#fff8e1;border-left:4px solid #f2c200;">
<p><strong>Sponsored by {{ sponsor.name }}</strong><br>
{{ sponsor.text | markdown_inline }}
{%- if sponsor.url %} <a href="{{ sponsor.url | href }}">{{ sponsor.linkText | default: "Learn more" }}</a>{% endif %}</p>
</div>
{%- endfor %}`;

export const HTML_WEEKLY_STARTER: Starter = {
	id: "html-weekly",
	name: "HTML email weekly",
	description:
		"An email newsletter in HTML: a featured story with its image, bold title links with a description and author, sponsors mid-issue, and an In brief list.",
	formats: ["html"],
	templates: { html: MAIN },
	partials: { html: { item: ITEM, featured: FEATURED, sponsors: SPONSORS } },
	sections: [
		{ id: "lead-story", name: "Featured", layout: "entries", partial: "featured" },
		{ id: "top-stories", name: "Top stories", layout: "entries" },
		{ id: "tools", name: "Tools and launches", layout: "entries" },
		{ id: "in-brief", name: "In brief", layout: "list", notesOptional: true },
	],
	fields: [{ id: "preheader", label: "Inbox preview text", type: "text" }],
	htmlStyles: {
		h1: "margin:0 0 4px;font-size:26px;line-height:1.2;color:#111111;",
		h2: "margin:32px 0 12px;font-size:13px;letter-spacing:1px;text-transform:uppercase;color:#b00020;",
		h3: "margin:16px 0 8px;font-size:22px;line-height:1.3;",
		p: "margin:0 0 16px;",
		a: "color:#0b57d0;text-decoration:none;",
		img: "display:block;max-width:100%;height:auto;border:0;",
		ul: "margin:0 0 16px;padding:0 0 0 20px;",
		li: "margin:0 0 6px;",
		hr: "border:0;border-top:1px solid #e0e0e0;margin:24px 0;",
	},
};
