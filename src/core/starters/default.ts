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

/**
 * The default HTML template grown the same way (nested headings h2–h5 with
 * entries one level below, section intros, kept-empty text, several
 * sponsors in one block); byte for byte template/default-html.ts's output
 * for an issue without them.
 */
export const NESTED_HTML_TEMPLATE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ issue.title }}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;">
<div style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5;color:#222222;">
<h1 style="margin:0 0 4px;font-size:28px;line-height:1.25;">{{ issue.title }}</h1>
<p style="margin:0 0 24px;font-size:14px;color:#666666;">{{ issue.longDate }}</p>
{%- if issue.intro %}
{{ issue.intro | markdown }}
{%- endif %}
{%- if issue.sponsors %}
<div style="margin:24px 0;padding:12px 16px;border-top:1px solid #dddddd;border-bottom:1px solid #dddddd;background-color:#f7f7f7;">
{%- for sponsor in issue.sponsors %}
<p style="{% if forloop.first %}margin:0;{% else %}margin:12px 0 0;{% endif %}"><strong>A message from our sponsor, {{ sponsor.name }}:</strong> {{ sponsor.text | markdown_inline }}
{%- if sponsor.url %} <a href="{{ sponsor.url | href }}" style="color:#0b57d0;text-decoration:underline;">{{ sponsor.linkText | default: "Learn more" }}</a>{% endif %}</p>
{%- endfor %}
</div>
{%- endif %}
{%- for section in issue.sections %}
{%- capture entry_level %}{% if section.level == 2 %}3{% elsif section.level == 3 %}4{% elsif section.level == 4 %}5{% else %}6{% endif %}{% endcapture %}
{%- if section.level == 2 %}
<h2 style="margin:32px 0 16px;font-size:22px;line-height:1.3;border-bottom:2px solid #222222;">{{ section.name }}</h2>
{%- else %}
<h{{ section.level }} style="margin:24px 0 12px;font-size:19px;line-height:1.3;">{{ section.name }}</h{{ section.level }}>
{%- endif %}
{%- if section.intro %}
{{ section.intro | markdown }}
{%- endif %}
{%- if section.emptyText %}
{{ section.emptyText | markdown }}
{%- endif %}
{%- if section.layout == "list" %}
{%- if section.items %}
<ul style="margin:0 0 16px;padding:0 0 0 24px;">
{%- for item in section.items %}
{%- if item.url %}
<li style="margin:0 0 8px;"><a href="{{ item.url | href }}" style="color:#0b57d0;text-decoration:underline;">{{ item.text | markdown_link_text }}</a></li>
{%- else %}
<li style="margin:0 0 8px;">{{ item.text | markdown_inline }}
<ul style="margin:4px 0 0;padding:0 0 0 24px;">
{%- for entry in item.entries %}
<li style="margin:0 0 4px;"><a href="{{ entry.url | href }}" style="color:#0b57d0;text-decoration:underline;">{{ entry.linkText | markdown_link_text }}</a></li>
{%- endfor %}
</ul>
</li>
{%- endif %}
{%- endfor %}
</ul>
{%- endif %}
{%- else %}
{%- for entry in section.entries %}
<h{{ entry_level }} style="margin:24px 0 8px;font-size:18px;line-height:1.35;"><a href="{{ entry.url | href }}" style="color:#0b57d0;text-decoration:none;">{{ entry.title }}</a></h{{ entry_level }}>
{%- if entry.note %}
{{ entry.note | markdown }}
{%- endif %}
{%- if entry.quote %}
<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #d0d7de;color:#555555;">
{{ entry.quote | markdown }}
</blockquote>
{%- endif %}
{%- if entry.byline %}
<p style="margin:0 0 16px;font-style:italic;color:#555555;">{{ entry.byline }}</p>
{%- endif %}
{%- if entry.via %}
<p style="margin:0 0 16px;font-size:14px;color:#555555;">Thanks to {% if entry.via.url %}<a href="{{ entry.via.url | href }}" style="color:#0b57d0;text-decoration:underline;">{{ entry.via.name }}</a>{% else %}{{ entry.via.name }}{% endif %} for this one.</p>
{%- endif %}
{%- endfor %}
{%- endif %}
{%- endfor %}
{%- if issue.outro %}
{{ issue.outro | markdown }}
{%- endif %}
<hr style="border:0;border-top:1px solid #dddddd;margin:32px 0 16px;">
<p style="margin:0;font-size:14px;font-style:italic;color:#666666;">{{ issue.title }} · {{ issue.longDate }}</p>
</div>
</body>
</html>
`;

/**
 * The default plain-text template grown the same way (subsection names
 * underlined with "·"); byte for byte template/default-text.ts's output for
 * an issue without them.
 */
export const NESTED_TEXT_TEMPLATE = `{{ issue.title }}
{{ issue.title | underline: "=" }}
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

/** The nested starters by format, for the lead to wire in as DEFAULT_TEMPLATES (json needs no change). */
export const NESTED_TEMPLATES = {
	md: NESTED_MARKDOWN_TEMPLATE,
	html: NESTED_HTML_TEMPLATE,
	txt: NESTED_TEXT_TEMPLATE,
} as const;
