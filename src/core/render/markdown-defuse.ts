import { parseUrl } from "../url.ts";
import { parseMarkdown } from "./markdown-tree.ts";

/*
 * Making Markdown from a web page (or pasted into a note) safe to publish
 * as Markdown, without changing how its harmless parts read.
 */

/** Length of the backtick run starting at index. */
function backtickRun(text: string, index: number): number {
	let end = index;
	while (text[end] === "`") end++;
	return end - index;
}

/** Where the code span starting at a backtick run ends (just the run when it is never closed). */
export function codeSpanEnd(text: string, at: number): number {
	const run = backtickRun(text, at);
	const close = text.indexOf("`".repeat(run), at + run);
	return close === -1 ? at + run : close + run;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const INDENTED = /^( {4}|\t)/;
const TAG_START = /^<[A-Za-z/!?]/;
const AUTOLINK_AT = /^<([A-Za-z][A-Za-z\d+.-]{1,31}):[^\s<>]*>/;
const EMAIL_AUTOLINK_AT =
	/^<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]*[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]*[A-Za-z\d])?)*>/;
const SAFE_SCHEME = /^(?:https?|mailto)$/i;
const DESTINATION = /^[ \t]*<?/;
const REFERENCE_DEFINITION = /^ {0,3}\[(?:\\.|[^\\\]])+\]:[ \t]*<?/;
const MAY_NEED_DEFUSING = /<|\]\(|\]:/;

// Destinations that are plainly web links, fragments or relative paths.
const PLAINLY_SAFE = /^(?:https?:\/\/|mailto:|[#/.?])/i;
const NEEDS_READING = /[:&\\]/;

/**
 * Whether the link destination starting at `at` would be followed to a
 * scheme other than http, https or mailto. Anything not plainly safe is
 * read back the way a CommonMark renderer reads it (entities such as
 * "jav&#x61;script&#58;" decoded) and parsed as a URL.
 */
function isUnsafeDestination(line: string, at: number): boolean {
	// The scheme is at the start; 512 characters is plenty and keeps a hostile line linear.
	const raw = /^[^\s)>]*/.exec(line.slice(at, at + 512))?.[0] ?? "";
	if (PLAINLY_SAFE.test(raw) || !NEEDS_READING.test(raw)) return false;
	const link = parseMarkdown(`[x](<${raw.replace(/[<>]/g, "")}>)`).firstChild?.firstChild;
	const destination = link?.type === "link" ? (link.destination ?? "") : raw;
	const url = parseUrl(destination);
	return url !== undefined && !["http:", "https:", "mailto:"].includes(url.protocol);
}

function defuseLine(line: string): string {
	let out = "";
	let index = 0;
	const definition = REFERENCE_DEFINITION.exec(line);
	if (definition) {
		out = definition[0] + (isUnsafeDestination(line, definition[0].length) ? "#" : "");
		index = definition[0].length;
	}
	const special = /[\\`<]|\]\(/g;
	special.lastIndex = index;
	for (let match = special.exec(line); match; match = special.exec(line)) {
		const at = match.index;
		out += line.slice(index, at);
		const char = match[0];
		if (char === "\\") {
			out += line.slice(at, at + 2);
			index = at + 2;
		} else if (char === "`") {
			index = codeSpanEnd(line, at);
			out += line.slice(at, index);
		} else if (char === "<") {
			const rest = line.slice(at);
			const autolink = AUTOLINK_AT.exec(rest);
			const kept = autolink
				? SAFE_SCHEME.test(autolink[1] ?? "")
				: EMAIL_AUTOLINK_AT.test(rest) || !TAG_START.test(rest);
			out += kept ? "<" : "\\<";
			index = at + 1;
		} else {
			const lead = DESTINATION.exec(line.slice(at + 2))?.[0] ?? "";
			index = at + 2 + lead.length;
			out += `](${lead}${isUnsafeDestination(line, index) ? "#" : ""}`;
		}
		special.lastIndex = index;
	}
	return out + line.slice(index);
}

/**
 * Markdown made safe to publish as Markdown: outside code, a "<" that would
 * open an HTML tag, comment or non-web autolink is escaped (so a static-site
 * generator shows it as text, as the HTML export does), and a link whose
 * destination has a scheme other than http, https or mailto points at "#"
 * instead. Everything else, links and emphasis included, is kept as written.
 */
export function defuseMarkdown(markdown: string): string {
	if (!MAY_NEED_DEFUSING.test(markdown)) return markdown;
	// One line (most notes): what the loop below does with a first line, without splitting and joining.
	if (!markdown.includes("\n"))
		return FENCE.test(markdown) || INDENTED.test(markdown) ? markdown : defuseLine(markdown);
	const lines = markdown.split("\n");
	let fence: string | undefined;
	let previousBlankOrCode = true;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		const opening = FENCE.exec(line)?.[1];
		if (fence !== undefined) {
			if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
			continue;
		}
		if (opening) {
			fence = opening;
			continue;
		}
		const indentedCode: boolean = INDENTED.test(line) && previousBlankOrCode;
		previousBlankOrCode = line.trim() === "" || indentedCode;
		if (!indentedCode && MAY_NEED_DEFUSING.test(line)) lines[i] = defuseLine(line);
	}
	return lines.join("\n");
}
