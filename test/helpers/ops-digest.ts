import type { Newsletter } from "../../src/core/newsletter.ts";

/** A small newsletter for render tests: one entries section, one list section. */
export const OPS_DIGEST: Newsletter = {
	name: "Ops Digest",
	titleTemplate: "{{newsletter}} #{{number}}",
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "outages", name: "Outages", layout: "list" },
	],
};
