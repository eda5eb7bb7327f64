import type { Starter } from "./types.ts";

/*
 * A plain-text team digest, readable in any mail client: one block per
 * topic (section), subtopics indented by their depth, each link as a
 * bullet with its URL on its own line and the note below it.
 */

const MAIN = `{{ issue.title }}
{{ issue.title | underline: "=" }}
Week ending {{ issue.date | date: "%A, %B %o" }}
{%- if issue.intro %}

{{ issue.intro | plain }}
{%- endif %}
{%- for section in issue.sections %}
{%- if section.depth == 0 %}


{{ section.name | upcase }}
{{ section.name | underline: "=" }}
{%- else %}

{{ section.name }}
{{ section.name | underline: "-" }}
{%- endif %}
{%- if section.intro %}

{{ section.intro | plain }}
{%- endif %}
{%- if section.emptyText %}

{{ section.emptyText | plain }}
{%- endif %}
{%- if section.layout == "list" %}
{%- if section.items %}
{% for item in section.items -%}
{%- if item.url %}
* {{ item.text | plain_inline }}
  {{ item.url }}
{%- else %}
* {{ item.text | plain_inline }}
{%- for entry in item.entries %}
  - {{ entry.linkText | plain_inline }}
    {{ entry.url }}
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- endif %}
{%- else %}
{%- for entry in section.entries %}

* {{ entry.title }}
  {{ entry.url }}
{%- if entry.note %}
{{ entry.note | plain | prefix_lines: "  " }}
{%- endif %}
{%- if entry.author %}
  (by {{ entry.author }})
{%- endif %}
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- if issue.outro %}

----
{{ issue.outro | plain }}
{%- endif %}
`;

export const TEAM_DIGEST_STARTER: Starter = {
	id: "team-digest",
	name: "Plain-text team digest",
	description:
		"A weekly digest for your team's mailing list, grouped by topic, in plain text that reads well in any mail client.",
	formats: ["txt"],
	templates: { txt: MAIN },
	partials: {},
	sections: [
		{ id: "announcements", name: "Announcements", layout: "entries" },
		{ id: "reading", name: "Worth reading", layout: "entries" },
		{ id: "tools", name: "Tools", layout: "list" },
		{ id: "incidents", name: "Incidents and postmortems", layout: "entries" },
	],
	fields: [],
};
