import { DEFAULT_NEWSLETTER } from "../newsletter.ts";
import { DEFAULT_TEMPLATES } from "../template/defaults.ts";
import type { Starter } from "./types.ts";

/** Today's default templates, unchanged, with the default newsletter's sections. */
export const DEFAULT_STARTER: Starter = {
	id: "default",
	name: "Linkletter default",
	description:
		"One heading per section, each link with your commentary, quotes and credits; a list layout for short items. Markdown, HTML, plain text and JSON.",
	formats: ["md", "html", "txt", "json"],
	templates: { ...DEFAULT_TEMPLATES },
	partials: {},
	// Shared, not copied (nothing runs at import): applyStarter copies what it hands out.
	sections: DEFAULT_NEWSLETTER.sections,
	fields: [],
};
