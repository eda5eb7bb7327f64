/**
 * The default plain-text template, for the text part of an email: titles
 * underlined, each link's URL alone on the next line (mail clients make it
 * clickable), notes as readable text without Markdown markers, no hard
 * wrapping.
 */
export const DEFAULT_TEXT_TEMPLATE = `{{ issue.title }}
{{ issue.title | underline: "=" }}
{{ issue.longDate }}
{%- if issue.intro %}

{{ issue.intro | plain }}
{%- endif %}
{%- if issue.sponsor %}

----------------------------------------
A message from our sponsor, {{ issue.sponsor.name }}: {{ issue.sponsor.text | plain }}
{%- if issue.sponsor.url %}
{{ issue.sponsor.linkText | default: "Learn more" }}: {{ issue.sponsor.url }}
{%- endif %}
----------------------------------------
{%- endif %}
{%- for section in issue.sections %}


{{ section.name }}
{{ section.name | underline: "-" }}
{%- if section.layout == "list" %}
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
{%- else %}
{%- for entry in section.entries %}

{{ entry.title }}
{{ entry.url }}
{%- if entry.note %}

{{ entry.note | plain }}
{%- endif %}
{%- if entry.quote %}

{{ entry.quote | plain | prefix_lines: "> " }}
{%- endif %}
{%- if entry.byline %}

By {{ entry.byline }}
{%- endif %}
{%- if entry.via %}

Thanks to {{ entry.via.name }}{% if entry.via.url %} <{{ entry.via.url }}>{% endif %} for this one.
{%- endif %}
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- if issue.outro %}

{{ issue.outro | plain }}
{%- endif %}

----------------------------------------
{{ issue.title }} · {{ issue.longDate }}
`;
