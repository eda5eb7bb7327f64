/**
 * The default HTML template: an email-safe document (inline styles only, no
 * scripts, no external CSS). Every `{{ }}` is HTML-escaped; the Markdown
 * filters return sanitised HTML that is passed through as is.
 *
 * Sections nest (a heading's level follows the section's depth); a section
 * with its own partial (Section.partial) renders its body through it, any
 * other through its layout; kept-empty text, section intros and every
 * sponsor are shown.
 */
export const DEFAULT_HTML_TEMPLATE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ issue.title | title_text }}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;">
<div style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5;color:#222222;">
<h1 style="margin:0 0 4px;font-size:28px;line-height:1.25;">{{ issue.title | title_html }}</h1>
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
{%- if section.partial %}
{% render section.partial, section: section %}
{%- elsif section.layout == "list" %}
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
<h{{ entry_level }} style="margin:24px 0 8px;font-size:18px;line-height:1.35;"><a href="{{ entry.url | href }}" style="color:#0b57d0;text-decoration:none;">{{ entry.title | title_html }}</a></h{{ entry_level }}>
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
<p style="margin:0;font-size:14px;font-style:italic;color:#666666;">{{ issue.title | title_html }} · {{ issue.longDate }}</p>
</div>
</body>
</html>
`;
