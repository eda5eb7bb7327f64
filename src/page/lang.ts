const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,6}$/i;

/**
 * Normalise a language tag as pages write it ("en_us", "EN-gb", "en, fr",
 * og:locale "pt_BR") to BCP 47 case ("en-US", "pt-BR"). Undefined for values
 * that are not a language tag ("x-default", "und", "English").
 */
export function normalizeLang(raw: unknown): string | undefined {
	if (typeof raw !== "string" || raw.length > 200) return undefined;
	const first =
		raw
			.trim()
			.split(/[\s,;]+/, 1)[0]
			?.replace(/_/g, "-") ?? "";
	if (first.length > 35 || !TAG.test(first)) return undefined;
	const [primary = "", ...subtags] = first.split("-");
	const lower = primary.toLowerCase();
	if (lower === "und" || lower === "mul" || lower === "zxx") return undefined;
	const rest = subtags.map((tag, index) => {
		// Regions are upper case ("US"), scripts title case ("Hant"), the rest lower case.
		if (/^[a-z]{2}$/i.test(tag)) return tag.toUpperCase();
		if (index === 0 && /^[a-z]{4}$/i.test(tag)) return `${tag.slice(0, 1).toUpperCase()}${tag.slice(1).toLowerCase()}`;
		return tag.toLowerCase();
	});
	return [lower, ...rest].join("-");
}
