import { FileError } from "./errors.ts";

/**
 * Deepest nesting of lists and objects a file may have. Real files need 5
 * levels (issues[0].captures[0].via); the limit keeps every later step (and
 * every engine) away from recursion on hostile input.
 */
export const MAX_DEPTH = 32;

/** How deep the text's lists and objects nest, counted without recursion (strings skipped). */
function nestingDepth(source: string): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < source.length; i++) {
		const c = source.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			depth++;
			if (depth > deepest) deepest = depth;
			if (deepest > MAX_DEPTH) return deepest;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return deepest;
}

/**
 * The JSON value of a file's text. A leading UTF-8 byte order mark is
 * skipped (Node keeps it, a browser's File.text() drops it: both read the
 * same file the same). The messages are the engine's own nowhere, so every
 * browser and Node say the same.
 */
export function parseJsonText(source: string): unknown {
	const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	if (nestingDepth(text) > MAX_DEPTH) {
		throw new FileError(`the file nests lists and objects more than ${MAX_DEPTH} levels deep`);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new FileError("the file is not valid JSON");
	}
}
