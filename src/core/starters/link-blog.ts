import type { Starter } from "./types.ts";

/*
 * A personal link-blog post for a static-site generator: YAML front matter
 * (title, date, tags, summary; every value written as JSON, which YAML
 * reads as is), then each section's links with a line or two of
 * commentary, and the quoted passage when there is one.
 */

const MAIN = `---
title: {{ issue.title | json }}
date: {{ issue.date | date: "%Y-%m-%d" }}
tags: {{ issue.fields.tags | json }}
{%- if issue.fields.summary %}
summary: {{ issue.fields.summary | json }}
{%- endif %}
---
{%- if issue.intro %}

{{ issue.intro | md_safe }}
{%- endif %}
{%- for section in issue.sections %}

{{ "######" | slice: 0, section.level }} {{ section.name | md_text }}
{%- if section.intro %}

{{ section.intro | md_safe }}
{%- endif %}
{%- if section.emptyText %}

{{ section.emptyText | md_safe }}
{%- endif %}
{%- for entry in section.entries %}

**[{{ entry.title | md_text }}]({{ entry.url | md_url }})**
{%- if entry.siteName %} ({{ entry.siteName | md_text }}){% endif %}
{%- if entry.note %}

{{ entry.note | md_safe }}
{%- endif %}
{%- if entry.quote %}

{{ entry.quote | md_safe | prefix_lines: "> " }}
{%- endif %}
{%- if entry.via %}

*Via {% if entry.via.url %}[{{ entry.via.name | md_text }}]({{ entry.via.url | md_url }}){% else %}{{ entry.via.name | md_text }}{% endif %}.*
{%- endif %}
{%- endfor %}
{%- endfor %}
{%- if issue.outro %}

{{ issue.outro | md_safe }}
{%- endif %}
`;

export const LINK_BLOG_STARTER: Starter = {
	id: "link-blog",
	name: "Link-blog post",
	description:
		"A post for your static site: front matter with title, date and tags, then each link with a short comment of yours.",
	formats: ["md"],
	templates: { md: MAIN },
	partials: {},
	sections: [
		{ id: "links", name: "Links", layout: "entries" },
		{ id: "reading", name: "Longer reads", layout: "entries" },
	],
	fields: [
		{ id: "tags", label: "Tags", type: "list" },
		{ id: "summary", label: "Summary", type: "text" },
	],
};
