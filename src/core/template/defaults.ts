import type { Format } from "../render/format.ts";
import { DEFAULT_HTML_TEMPLATE } from "./default-html.ts";
import { DEFAULT_JSON_TEMPLATE } from "./default-json.ts";
import { DEFAULT_MARKDOWN_TEMPLATE } from "./default-markdown.ts";
import { DEFAULT_TEXT_TEMPLATE } from "./default-text.ts";

/**
 * The template each format uses unless the curator has written their own.
 * Templates are data (Liquid-style text), rendered by the interpreter in
 * template/engine.ts; the variable is `issue` (see Issue in core/issue.ts).
 */
export const DEFAULT_TEMPLATES: Readonly<Record<Format, string>> = {
	md: DEFAULT_MARKDOWN_TEMPLATE,
	html: DEFAULT_HTML_TEMPLATE,
	txt: DEFAULT_TEXT_TEMPLATE,
	json: DEFAULT_JSON_TEMPLATE,
};
