import type { JsonLd, JsonNode } from "./json-ld.ts";
import type { MetaTags } from "./meta.ts";

/** Everything read from a page once, shared by the functions that pick each detail. */
export interface ReadContext {
	doc: Document;
	/** The URL the page is at. */
	location: string;
	/** The URL relative links resolve against. */
	base: string;
	/** Meta tags, without route-specific ones when they are left over from another route. */
	meta: MetaTags;
	ld: JsonLd;
	/** The JSON-LD node describing this page, when it can be trusted. */
	main: JsonNode | undefined;
	/** `document.title`, read once: a browser recomputes it on every read. */
	title: () => string;
}

/** `document.title`, read on first use and kept. */
export function onceTitle(doc: Document): () => string {
	let title: string | undefined;
	return () => {
		title ??= attempt(() => doc.title) ?? "";
		return title;
	};
}

/** Run a read that hostile or broken markup may make throw; undefined when it does. */
export function attempt<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		// Hostile or broken markup costs one field, never the snapshot.
		return undefined;
	}
}
