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
