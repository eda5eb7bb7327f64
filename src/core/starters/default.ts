/**
 * The default Markdown template, grown for the newsletter model: nested
 * sections (a section's heading level follows its depth, its entries one
 * level below), a section's intro for this issue, the text of a section
 * kept when empty, and several sponsors. For an issue with none of these
 * (SRE Weekly #90) it renders exactly what template/default-markdown.ts
 * renders, byte for byte (test/unit/starters.test.ts holds the two
 * together). It uses only what the template engine has today; it becomes
 * the default when the lead wires it in place of DEFAULT_MARKDOWN_TEMPLATE.
 */
export const NESTED_MARKDOWN_TEMPLATE = `# {{ issue.title | md_text }}
{%- if issue.intro %}

{{ issue.intro | md_safe }}
{%- endif %}
{%- if issue.sponsors %}

---
{%- for sponsor in issue.sponsors %}

**A message from our sponsor, {{ sponsor.name | md_text }}:** {{ sponsor.text | md_safe }}
{%- if sponsor.url %} [{{ sponsor.linkText | default: "Learn more" | md_text }}]({{ sponsor.url | md_url }}){% endif %}
{%- endfor %}
{%- if issue.sections or issue.outro %}

---
{%- endif %}
{%- endif %}
{%- for section in issue.sections %}
{%- capture heading %}{% if section.level == 2 %}##{% elsif section.level == 3 %}###{% elsif section.level == 4 %}####{% else %}#####{% endif %}{% endcapture %}
{%- capture entry_heading %}{% if section.level == 2 %}###{% elsif section.level == 3 %}####{% elsif section.level == 4 %}#####{% else %}######{% endif %}{% endcapture %}

{{ heading }} {{ section.name | md_text }}
{%- if section.intro %}

{{ section.intro | md_safe }}
{%- endif %}
{%- if section.emptyText %}

{{ section.emptyText | md_safe }}
{%- endif %}
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
{%- else %}
{%- for entry in section.entries %}

{{ entry_heading }} [{{ entry.title | md_text }}]({{ entry.url | md_url }})
{%- if entry.note %}

{{ entry.note | md_safe }}
{%- endif %}
{%- if entry.quote %}

{{ entry.quote | md_safe | prefix_lines: "> " }}
{%- endif %}
{%- if entry.byline %}

*{{ entry.byline | md_text }}*
{%- endif %}
{%- if entry.via %}

Thanks to {% if entry.via.url %}[{{ entry.via.name | md_text }}]({{ entry.via.url | md_url }}){% else %}{{ entry.via.name | md_text }}{% endif %} for this one.
{%- endif %}
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- if issue.outro %}

{{ issue.outro | md_safe }}
{%- endif %}

---

*{{ issue.title | md_text }} · {{ issue.longDate }}*
`;
