import type { Starter } from "./types.ts";

/*
 * A community weekly in Markdown: dozens of sections nested by area (a
 * section's heading level follows its depth), events grouped by region
 * with their date and place (capture fields "date" and "place", the
 * region as the capture's group), a quote of the week, and sections kept
 * with a line of text when they are empty this week. The covered week is
 * computed from the issue date. The template never names a section: it
 * chooses by the section's partial and layout.
 */

const MAIN = `# {{ issue.title | md_text }}

*The week of {{ issue.date | date_add: -6 | date: "%B %o" }} to {{ issue.date | date: "%B %o, %Y" }}*
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
{%- if section.partial %}{% render section.partial, section: section %}
{%- else %}
{%- if section.layout == "list" %}
{%- if section.items %}
{% for item in section.items -%}
{%- if item.url %}
- [{{ item.text | md_link_text }}]({{ item.url | md_url }})
{%- else %}
- {{ item.text }}
{%- for entry in item.entries %}
  - [{{ entry.linkText | md_link_text }}]({{ entry.url | md_url }})
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- endif %}
{%- elsif section.entries %}
{% for entry in section.entries %}
- [{{ entry.title | md_text }}]({{ entry.url | md_url }})
{%- if entry.note %}: {{ entry.note | md_safe }}{% endif %}
{%- if entry.byline %} *({{ entry.byline | md_text }})*{% endif %}
{%- endfor %}
{%- endif %}
{%- endif %}
{%- endfor %}
{%- if issue.outro %}

{{ issue.outro | md_safe }}
{%- endif %}
{%- if issue.fields.next_call %}

The next community call is on {{ issue.fields.next_call | date: "%A, %B %o" }}. Everyone is welcome.
{%- endif %}
`;

/**
 * Events by region (the capture's group; events without one under "Other
 * events"), each with its date and place when the capture has them.
 */
const EVENTS = `{%- assign level = section.level | plus: 1 %}
{%- assign regions = section.entries | group_by: "group" %}
{%- assign named = regions | map: "name" | compact | size %}
{%- for region in regions %}
{%- if region.name %}

{{ "######" | slice: 0, level }} {{ region.name | md_text }}
{%- elsif named > 0 %}

{{ "######" | slice: 0, level }} Other events
{%- endif %}
{% for entry in region.items %}
{%- assign known = entry.fields | json %}
- **[{{ entry.title | md_text }}]({{ entry.url | md_url }})**
{%- if known contains '"date":' %} — {{ entry.fields.date | date: "%a, %B %o" }}{% endif %}
{%- if known contains '"place":' %}, {{ entry.fields.place | md_text }}{% endif %}
{%- if entry.note %}
  {{ entry.note | md_safe }}
{%- endif %}
{%- endfor %}
{%- endfor %}`;

/** The quote of the week: the quoted passage (or the note), then who said it, linked. */
const QUOTE = `{%- for entry in section.entries %}

{{ entry.quote | default: entry.note | md_safe | prefix_lines: "> " }}
>
> — [{{ entry.author | default: entry.title | md_text }}]({{ entry.url | md_url }})
{%- endfor %}`;

export const COMMUNITY_WEEKLY_STARTER: Starter = {
	id: "community-weekly",
	name: "Community weekly",
	description:
		"A project's weekly news in Markdown: updates nested by area, events by region with dates and places, a quote of the week, and calls for participation that say so when there are none.",
	formats: ["md"],
	templates: { md: MAIN },
	partials: { md: { events: EVENTS, quote: QUOTE } },
	sections: [
		{ id: "updates", name: "Updates", layout: "entries" },
		{ id: "updates-core", name: "Core", layout: "entries", parent: "updates" },
		{ id: "updates-docs", name: "Documentation", layout: "entries", parent: "updates" },
		{ id: "updates-infra", name: "Infrastructure", layout: "entries", parent: "updates" },
		{ id: "upcoming-events", name: "Upcoming events", layout: "entries", partial: "events", notesOptional: true },
		{ id: "quote-of-the-week", name: "Quote of the week", layout: "entries", partial: "quote", notesOptional: true },
		{
			id: "calls",
			name: "Calls for participation",
			layout: "list",
			keepWhenEmpty: true,
			emptyText: "No open calls this week. Running a survey or looking for reviewers? Reply to this issue.",
		},
	],
	fields: [{ id: "next_call", label: "Next community call", type: "date", recurring: true }],
};
