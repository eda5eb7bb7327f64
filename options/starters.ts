import type { Newsletter } from "../src/core/newsletter.ts";
import type { Format } from "../src/core/render/index.ts";
import {
	type AppliedStarter,
	applyStarter,
	STARTERS,
	type StarterTarget,
	starterById,
} from "../src/core/starters/index.ts";
import type { DraftData } from "./deps.ts";

export { STARTERS };

/** What a starter replaces, as the draft has it now. */
function target(draft: DraftData): StarterTarget {
	const n = draft.newsletter;
	return {
		templates: draft.templates as Partial<Record<Format, string>>,
		partials: n.partials ?? {},
		sections: n.sections,
		fields: n.fields ?? [],
		htmlStyles: n.htmlStyles,
	};
}

/**
 * The newsletter and templates after choosing starter `id`: sections that
 * hold captures stay (after the starter's), so no link ends up unsorted.
 */
export function startFrom(
	draft: DraftData,
	id: string,
	overwriteEdited: boolean,
): { applied: AppliedStarter; newsletter: Newsletter; templates: Record<string, string> } {
	const starter = starterById(id);
	if (!starter) throw new Error(`There is no starter “${id}”.`);
	const keepSections = new Set(draft.captures.map((c) => c.section));
	const applied = applyStarter(target(draft), starter, { overwriteEdited, keepSections });
	const { htmlStyles: _old, ...rest } = draft.newsletter;
	const newsletter: Newsletter = {
		...rest,
		sections: applied.sections,
		fields: applied.fields,
		partials: applied.partials,
		...(applied.htmlStyles ? { htmlStyles: applied.htmlStyles } : {}),
	};
	const templates: Record<string, string> = {};
	for (const [format, text] of Object.entries(applied.templates)) if (text !== undefined) templates[format] = text;
	return { applied, newsletter, templates };
}
