/**
 * Evidence for the site's name beyond og:site_name: the home link or logo in
 * the page header and the copyright line, and the clean-up every site name
 * gets (a tagline or a legal form removed).
 */
import { namesSite } from "./site-title.ts";
import { cleanText, LIMITS, squash } from "./text.ts";
import { walkElements } from "./walk.ts";

// "Spiceworks Inc", "Stadtwerke Nord GmbH", "The Daring Fireball Company LLC".
const LEGAL_FORM =
	/,?\s+(?:inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|s\.?a\.?|s\.?a\.?s\.?|s\.?l\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|plc|corp\.?|corporation|co\.|a\.?s\.?|oy|ab|pty\.? ltd\.?)$/i;
const TAGLINE_SEPARATORS = [" - ", " – ", " — ", " | ", ": ", " · "];
const NOT_A_NAME =
	/^(?:logo|home|homepage|home page|start|startseite|accueil|inicio|início|strona główna|site logo|go to homepage|back to home|menu)$/i;

/**
 * A site name as a curator would write it: "Aktuálně.cz - Víte, co se právě
 * děje" → "Aktuálně.cz" when one part names the host; "Spiceworks Inc" →
 * "Spiceworks".
 */
export function cleanSiteName(value: string | undefined, host: string): string | undefined {
	if (!value) return undefined;
	let name = value;
	for (const separator of TAGLINE_SEPARATORS) {
		const at = name.indexOf(separator);
		if (at <= 0) continue;
		const parts = [name.slice(0, at).trim(), name.slice(at + separator.length).trim()];
		const named = parts.find((part) => part && namesSite(part, { host }));
		if (named && !parts.every((part) => namesSite(part, { host }))) {
			name = named;
			break;
		}
	}
	const bare = name.replace(LEGAL_FORM, "").trim();
	return bare.length >= 2 ? bare : name;
}

function isHomeUrl(href: string | null, location: URL): boolean {
	if (href === null) return false;
	let url: URL;
	try {
		url = new URL(href, location);
	} catch {
		return false;
	}
	if (url.host !== location.host) return false;
	const path = url.pathname.replace(/(?:index\.html?)?$/, "");
	// The site root, or a directory the page lives under (a project's docs on a shared host).
	return path === "/" || (path.endsWith("/") && location.pathname.startsWith(path) && location.pathname !== path);
}

function labelOf(link: Element): string | undefined {
	const values = [
		link.getAttribute("aria-label"),
		link.getAttribute("title"),
		link.textContent,
		...Array.from(link.querySelectorAll("img[alt]"), (img) => img.getAttribute("alt")),
	];
	for (const value of values) {
		const text = cleanText(value ?? undefined, LIMITS.siteName);
		if (!text || NOT_A_NAME.test(text) || /logo/i.test(text) || text.length > 60) continue;
		if (text.split(" ").length > 6 || /:\s|\(Alt/i.test(text)) continue;
		return text;
	}
	return undefined;
}

const HOME_PLACE = /logo|brand|site-title|site-name|masthead|navbar|home|header|banner/i;
/** Elements looked at for a home link: it sits at the top of the page. */
const MAX_HOME_VISITED = 800;

/** Whether a link sits where a site's own name does: in the header, navigation or a logo. */
function inHeaderPlace(link: Element): boolean {
	let current: Element | null = link;
	for (let depth = 0; current && depth < 6; depth++) {
		const tag = current.localName;
		if (tag === "header" || tag === "nav") return true;
		if (HOME_PLACE.test(`${current.getAttribute("class") ?? ""} ${current.id}`)) return true;
		current = current.parentElement;
	}
	return false;
}

/**
 * Names the page header gives the site: the text, aria-label, title or logo
 * alt of a link home (`rel=home`, or to the site root from the header, the
 * navigation or a logo). Only the first 800 elements are looked at.
 */
export function homeLinkNames(doc: Document, location: string): string[] {
	let here: URL;
	try {
		here = new URL(location);
	} catch {
		return [];
	}
	const root = doc.body ?? doc.documentElement;
	if (!root) return [];
	const names: string[] = [];
	walkElements(root, MAX_HOME_VISITED, (link) => {
		if (names.length >= 3) return false;
		if (link.localName !== "a") return true;
		const home = /(?:^|\s)home(?:\s|$)/i.test(link.getAttribute("rel") ?? "");
		if (!home && !(isHomeUrl(link.getAttribute("href"), here) && inHeaderPlace(link))) return true;
		const name = labelOf(link);
		if (name && !names.includes(name)) names.push(name);
		return true;
	});
	return names;
}

/** "© 2024 Brave New Geek. All rights reserved." → "Brave New Geek", when that names the host. */
export function copyrightName(doc: Document, host: string): string | undefined {
	// The copyright line is at the end of the page: the body's last blocks, down to three levels deep.
	const footers: Element[] = [];
	const collect = (parent: Element | null | undefined, depth: number): void => {
		let child = parent?.lastElementChild ?? null;
		for (let i = 0; child && i < 3; i++, child = child.previousElementSibling) {
			if (child.localName === "script" || child.localName === "style") continue;
			footers.push(child);
			if (depth < 2) collect(child, depth + 1);
		}
	};
	collect(doc.body, 0);
	for (const footer of footers) {
		// Only small blocks: a footer by name, or an element with few children (a body-sized wrapper is skipped).
		const named =
			footer.localName === "footer" ||
			/footer|copyright|colophon|legal/i.test(`${footer.getAttribute("class") ?? ""} ${footer.id}`);
		if (!named && footer.childElementCount > 0) continue;
		if (footer.childElementCount > 20) continue;
		const text = (footer.textContent ?? "").slice(-2_000);
		const match =
			/(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:©\s*)?(?:\d{4}\s*(?:[-–—]\s*\d{4})?\s*,?\s*)?([^.|©\n]{2,60}?)(?:\.|\||,|\s+all rights|\s+alle rechte|\s+tous droits|\s+todos los derechos|\s+powered|\n|$)/iu.exec(
				text,
			);
		const name = cleanSiteName(cleanText(match?.[1], LIMITS.siteName), host);
		if (name && namesSite(name, { host }) && squash(name).length >= 3) return name;
	}
	return undefined;
}
