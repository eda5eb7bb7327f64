/**
 * The default Markdown (CommonMark) template; it produces
 * test/fixtures/issues/sre-weekly-90/expected.md from issue.json.
 * Each optional block starts with `{%-` and a blank line, so a block that is
 * left out leaves no blank line behind.
 */
export const DEFAULT_MARKDOWN_TEMPLATE = `# {{ issue.title | md_text }}
{%- if issue.intro %}

{{ issue.intro | md_safe }}
{%- endif %}
{%- if issue.sponsor %}

---

**A message from our sponsor, {{ issue.sponsor.name | md_text }}:** {{ issue.sponsor.text | md_safe }}
{%- if issue.sponsor.url %} [{{ issue.sponsor.linkText | default: "Learn more" | md_text }}]({{ issue.sponsor.url | md_url }}){% endif %}
{%- if issue.sections or issue.outro %}

---
{%- endif %}
{%- endif %}
{%- for section in issue.sections %}

## {{ section.name | md_text }}
{%- if section.layout == "list" %}
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
{%- else %}
{%- for entry in section.entries %}

### [{{ entry.title | md_text }}]({{ entry.url | md_url }})
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
