/**
 * Text hygiene for values read from a page. Page data is hostile: every
 * function here does linear work on a bounded slice of its input.
 */

/** Longest value kept per field, in characters. */
export const LIMITS = {
	title: 1_000,
	author: 300,
	siteName: 200,
	description: 2_000,
	url: 8_000,
	lang: 35,
} as const;

const NAMED_ENTITIES: Record<string, string> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
	nbsp: " ",
	ensp: " ",
	emsp: " ",
	thinsp: " ",
	ndash: "–",
	mdash: "—",
	hellip: "…",
	lsquo: "‘",
	rsquo: "’",
	sbquo: "‚",
	ldquo: "“",
	rdquo: "”",
	bdquo: "„",
	laquo: "«",
	raquo: "»",
	lsaquo: "‹",
	rsaquo: "›",
	middot: "·",
	bull: "•",
	copy: "©",
	reg: "®",
	trade: "™",
	deg: "°",
	times: "×",
	divide: "÷",
	euro: "€",
	pound: "£",
	yen: "¥",
	cent: "¢",
	sect: "§",
	para: "¶",
	shy: "",
	zwj: "",
	zwnj: "",
	aacute: "á",
	agrave: "à",
	acirc: "â",
	auml: "ä",
	aring: "å",
	atilde: "ã",
	ccedil: "ç",
	eacute: "é",
	egrave: "è",
	ecirc: "ê",
	euml: "ë",
	iacute: "í",
	igrave: "ì",
	icirc: "î",
	iuml: "ï",
	ntilde: "ñ",
	oacute: "ó",
	ograve: "ò",
	ocirc: "ô",
	ouml: "ö",
	otilde: "õ",
	oslash: "ø",
	uacute: "ú",
	ugrave: "ù",
	ucirc: "û",
	uuml: "ü",
	szlig: "ß",
	Aacute: "Á",
	Eacute: "É",
	Ouml: "Ö",
	Uuml: "Ü",
	Auml: "Ä",
};

// Bounded quantifiers only: no backtracking blow-up on "&&&&&…".
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(code: number): string {
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
	return String.fromCodePoint(code);
}

/**
 * Decode HTML character references. Attribute values were decoded once by the
 * HTML parser, but metadata is often double-encoded ("&amp;#039;") and JSON-LD
 * is never decoded, so one more pass is made on every value.
 */
export function decodeEntities(value: string): string {
	if (!value.includes("&")) return value;
	return value.replace(ENTITY, (match, dec?: string, hex?: string, name?: string) => {
		if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
		if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
		const named = name === undefined ? undefined : (NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()]);
		return named ?? match;
	});
}

// Only real HTML tag names are stripped, so "Vec<u8>" or "Option<T>" in a
// title about code survive.
/** Elements whose boundaries separate text, as lines in a byline and spaces in stripped markup. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
	"address",
	"article",
	"aside",
	"blockquote",
	"br",
	"dd",
	"div",
	"dl",
	"dt",
	"figcaption",
	"figure",
	"footer",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"header",
	"hr",
	"li",
	"ol",
	"p",
	"pre",
	"section",
	"table",
	"td",
	"th",
	"tr",
	"ul",
]);
const INLINE_TAGS = new Set([
	"a",
	"abbr",
	"b",
	"cite",
	"code",
	"del",
	"em",
	"font",
	"i",
	"img",
	"ins",
	"kbd",
	"mark",
	"q",
	"s",
	"small",
	"span",
	"strike",
	"strong",
	"sub",
	"sup",
	"tbody",
	"thead",
	"u",
	"iframe",
	"script",
	"style",
	"noscript",
	"source",
	"picture",
	"video",
	"audio",
]);

function tagNameAt(value: string, at: number): string {
	let i = at + 1;
	if (value[i] === "/") i++;
	const start = i;
	while (i < value.length && i - start < 12) {
		const c = value.charCodeAt(i);
		const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && i > start);
		if (!letter) break;
		i++;
	}
	const next = value[i];
	if (next !== undefined && next !== ">" && next !== "/" && next !== " " && next !== "\n" && next !== "\t") return "";
	return value.slice(start, i).toLowerCase();
}

/**
 * Remove HTML tags (known tag names and comments) from text found in
 * descriptions and JSON-LD, in one linear scan.
 */
export function stripTags(value: string): string {
	if (!value.includes("<")) return value;
	let out = "";
	let i = 0;
	while (i < value.length) {
		const lt = value.indexOf("<", i);
		if (lt === -1) {
			out += value.slice(i);
			break;
		}
		out += value.slice(i, lt);
		if (value.startsWith("<!--", lt)) {
			const end = value.indexOf("-->", lt + 4);
			if (end === -1) break;
			i = end + 3;
			continue;
		}
		const name = tagNameAt(value, lt);
		const known = BLOCK_TAGS.has(name) || INLINE_TAGS.has(name);
		const gt = known ? value.indexOf(">", lt) : -1;
		if (gt === -1) {
			out += "<";
			i = lt + 1;
			continue;
		}
		if (BLOCK_TAGS.has(name)) out += " ";
		i = gt + 1;
	}
	return out;
}

/** Cut text to at most `max` characters, ending in "…" when cut. */
export function cut(value: string, max: number): string {
	if (value.length <= max) return value;
	let end = max - 1;
	const last = value.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return `${value.slice(0, end).trimEnd()}…`;
}

const PLACEHOLDER_WORDS = new Set([
	"undefined",
	"null",
	"nil",
	"nan",
	"none",
	"n/a",
	"[object object]",
	"true",
	"false",
	"untitled",
	"untitled document",
	"no title",
	"object object",
]);
// Template syntax that leaked into the page: {{title}}, {title}, ${title},
// %title%, [[title]], <%= title %>, #{title}, __TITLE__. Checked only on short
// strings; the anchored patterns run in linear time.
const TEMPLATE = /^(?:\{\{.*\}\}|\{[^{}]*\}|\$\{.*\}|%[^%\s]+%|\[\[.*\]\]|<%.*%>|#\{.*\}|__[A-Za-z_]+__)$/;
const ONLY_PUNCTUATION = /^[\p{P}\p{S}\s]*$/u;

/** True for values that are a template placeholder or carry no text at all. */
export function isPlaceholder(value: string): boolean {
	const text = value.trim();
	if (text === "") return true;
	if (text.length > 200) return false;
	return PLACEHOLDER_WORDS.has(text.toLowerCase()) || TEMPLATE.test(text) || ONLY_PUNCTUATION.test(text);
}

// \s covers U+00A0, U+2028/9 and U+FEFF; the zero-width space and word joiner are not \s.
// The joiners U+200C/U+200D are kept: they belong inside words and emoji sequences.
const SPACE_RUN = /[\s\u200B\u2060]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Turn a raw page value into a plain, single-line string: bounded, entities
 * decoded, tags stripped when `html`, whitespace collapsed. Undefined for
 * non-strings, empty values and placeholders.
 */
export function cleanText(raw: unknown, max: number, options: { html?: boolean } = {}): string | undefined {
	if (typeof raw !== "string") return undefined;
	// Look at a bounded prefix only: enough to fill `max` after markup and entities are removed.
	let text = raw.length > max * 4 + 256 ? raw.slice(0, max * 4 + 256) : raw;
	if (options.html) text = stripTags(text);
	text = decodeEntities(text).replace(CONTROL, "").replace(SPACE_RUN, " ").trim();
	if (isPlaceholder(text)) return undefined;
	return cut(text, max);
}

/**
 * Lower-case letters and digits only, accents dropped ("Aktuálně.cz" →
 * "aktualnecz"): for comparing names loosely. Looks at the first 4,000
 * characters only: names and titles are shorter, hostile values are not.
 */
export function squash(value: string): string {
	return value
		.slice(0, 4_000)
		.normalize("NFD")
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, "");
}
