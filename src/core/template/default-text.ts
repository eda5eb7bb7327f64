/**
 * The default plain-text template, for the text part of an email: titles
 * underlined, each link's URL alone on the next line (mail clients make it
 * clickable), notes as readable text without Markdown markers, no hard
 * wrapping.
 *
 * Sections nest (a heading's level follows the section's depth); a section
 * with its own partial (Section.partial) renders its body through it, any
 * other through its layout; kept-empty text, section intros and every
 * sponsor are shown.
 */
export const DEFAULT_TEXT_TEMPLATE = `{{ issue.title | title_text }}
{{ issue.title | title_text | underline: "=" }}
{{ issue.longDate }}
{%- if issue.intro %}

{{ issue.intro | plain }}
{%- endif %}
{%- if issue.sponsors %}

----------------------------------------
{%- for sponsor in issue.sponsors %}
{%- unless forloop.first %}
{% endunless %}
A message from our sponsor, {{ sponsor.name }}: {{ sponsor.text | plain }}
{%- if sponsor.url %}
{{ sponsor.linkText | default: "Learn more" }}: {{ sponsor.url }}
{%- endif %}
{%- endfor %}
----------------------------------------
{%- endif %}
{%- for section in issue.sections %}


{{ section.name }}
{% if section.level == 2 %}{{ section.name | underline: "-" }}{% else %}{{ section.name | underline: "·" }}{% endif %}
{%- if section.intro %}

{{ section.intro | plain }}
{%- endif %}
{%- if section.emptyText %}

{{ section.emptyText | plain }}
{%- endif %}
{%- if section.partial %}

{% render section.partial, section: section %}
{%- elsif section.layout == "list" %}
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

{{ entry.title | title_text }}
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
{{ issue.title | title_text }} · {{ issue.longDate }}
`;
