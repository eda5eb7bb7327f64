import { cleanText, cut, LIMITS, squash } from "./text.ts";

const MAX_NAMES = 10;
const BY = /^(?:written\s+by|posted\s+by|by)\s*:?\s+/i;

function looksLikeUrl(value: string): boolean {
	return /^(?:https?:)?\/\//i.test(value) || /^www\./i.test(value) || /^[\w.-]+\.[a-z]{2,}\/\S*$/i.test(value);
}

/** "Vaswani, Ashish" → "Ashish Vaswani"; citation and Dublin Core list family name first. */
function flipFamilyFirst(name: string): string {
	const parts = name.split(",");
	if (parts.length !== 2) return name;
	const [family = "", given = ""] = parts.map((p) => p.trim());
	// "King, Jr." and "Acme, Inc." are not family-first names.
	const suffix = /^(?:jr|sr|ii|iii|iv|phd|md|inc|ltd|llc|gmbh|co|corp|plc|s\.?a|ag)\.?$/i;
	// "Innovation, Science and Economic Development Canada" is an organisation, not "Family, Given".
	const short = (part: string) => part.split(/\s+/).length <= 3;
	return family && given && !suffix.test(given) && short(family) && short(given) ? `${given} ${family}` : name;
}

/**
 * Join author names found in the page into one byline: each cleaned,
 * "By " removed, URLs and e-mail addresses rejected, duplicates dropped,
 * at most ten names, "A, B, C". With `familyFirst`, "Last, First" is turned
 * around. Undefined when no usable name is left.
 */
export function joinAuthors(values: readonly unknown[], options: { familyFirst?: boolean } = {}): string | undefined {
	const names: string[] = [];
	const seen = new Set<string>();
	for (const value of values.slice(0, 50)) {
		let name = cleanText(value, LIMITS.author, { html: true });
		if (!name) continue;
		name = name.replace(BY, "").trim();
		// A handle ("@jdoe") names an account, not a person.
		if (name === "" || name.startsWith("@") || looksLikeUrl(name) || /\S@\S+\.\S/.test(name)) continue;
		if (options.familyFirst) name = flipFamilyFirst(name);
		const key = squash(name);
		if (key === "" || seen.has(key)) continue;
		seen.add(key);
		names.push(name);
		if (names.length >= MAX_NAMES) break;
	}
	return names.length > 0 ? cut(names.join(", "), LIMITS.author) : undefined;
}
