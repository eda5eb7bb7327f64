import { hasAnyOf } from "../text/scan.ts";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const HTML_SPECIAL_ALL = /[&<>"']/g;

/** Escape text for HTML element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
	return hasAnyOf(text, `&<>"'`) ? text.replace(HTML_SPECIAL_ALL, (char) => HTML_ESCAPES[char] ?? char) : text;
}
