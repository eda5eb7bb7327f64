/**
 * Inline styles for HTML rendered from Markdown (notes, intro, quotes).
 * Email clients drop <style> blocks and external CSS, so every element
 * carries its own.
 */
export const MARKDOWN_STYLES = {
	p: "margin:0 0 16px;",
	a: "color:#0b57d0;text-decoration:underline;",
	blockquote: "margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #d0d7de;color:#555555;",
	list: "margin:0 0 16px;padding:0 0 0 24px;",
	li: "margin:0 0 4px;",
	heading: "margin:0 0 8px;font-size:16px;font-weight:bold;",
	code: "font-family:Menlo,Consolas,monospace;font-size:14px;background-color:#f3f3f3;padding:1px 4px;",
	pre: "margin:0 0 16px;padding:12px;background-color:#f3f3f3;font-family:Menlo,Consolas,monospace;font-size:14px;white-space:pre-wrap;",
	hr: "border:0;border-top:1px solid #dddddd;margin:16px 0;",
	img: "max-width:100%;height:auto;",
} as const;

/** The curator's inline CSS by HTML element name ("h2", "p", "a"…). */
export type HtmlStyles = Readonly<Record<string, string>>;

/**
 * The styles rendered Markdown gives each element, by element name: what a
 * curator's style map is merged over (shown beside the style editor).
 */
export const DEFAULT_HTML_STYLES: HtmlStyles = {
	p: MARKDOWN_STYLES.p,
	a: MARKDOWN_STYLES.a,
	blockquote: MARKDOWN_STYLES.blockquote,
	ul: MARKDOWN_STYLES.list,
	ol: MARKDOWN_STYLES.list,
	li: MARKDOWN_STYLES.li,
	h4: MARKDOWN_STYLES.heading,
	code: MARKDOWN_STYLES.code,
	pre: MARKDOWN_STYLES.pre,
	hr: MARKDOWN_STYLES.hr,
	img: MARKDOWN_STYLES.img,
};

/** A name a style map may use: an HTML element name in lower case. */
export const STYLE_ELEMENT = /^[a-z][a-z0-9]{0,15}$/;

/** The styles in effect for each element: the defaults with the curator's map over them. */
export function mergedHtmlStyles(overrides: HtmlStyles = {}): Record<string, string> {
	return { ...DEFAULT_HTML_STYLES, ...overrides };
}

const START_TAG = /<([A-Za-z][A-Za-z0-9]*)(\s[^<>]*?)?(\s*\/?)>/g;
const STYLE_ATTRIBUTE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*')/i;

function quoteAttribute(value: string): string {
	return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The HTML export with the curator's style map applied: every element the
 * map names gets that inline style, in place of the one the template or the
 * Markdown renderer gave it (or as its first, when it had none). Elements
 * the map does not name are left byte for byte as they were. Text is never
 * touched: in the export a "<" that is not markup is always escaped.
 */
export function applyHtmlStyles(html: string, styles: HtmlStyles | undefined): string {
	if (!styles) return html;
	const names = Object.keys(styles).filter((name) => STYLE_ELEMENT.test(name));
	if (names.length === 0) return html;
	const wanted = new Map(names.map((name) => [name, quoteAttribute(styles[name] as string)]));
	return html.replace(START_TAG, (tag, name: string, attributes: string | undefined, close: string) => {
		const style = wanted.get(name.toLowerCase());
		if (style === undefined) return tag;
		const attrs = attributes ?? "";
		const replaced = STYLE_ATTRIBUTE.test(attrs)
			? attrs.replace(STYLE_ATTRIBUTE, (_, lead: string) => `${lead}"${style}"`)
			: `${attrs} style="${style}"`;
		return `<${name}${replaced}${close}>`;
	});
}
