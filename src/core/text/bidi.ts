/*
 * Bidirectional formatting characters in exported text. The embeddings and
 * overrides (U+202A–U+202E) and isolates (U+2066–U+2069) change the order in
 * which a reader sees the characters after them: an unbalanced one in a page
 * title can reverse the rest of a newsletter line, or make a link's text read
 * as another address. They are removed, not isolated: an export is pasted into
 * tools that re-wrap and re-join lines, where a balancing isolate would not
 * stay paired. The marks U+200E/U+200F (which only nudge neutral characters)
 * and the joiners U+200C/U+200D (inside words and emoji sequences) are kept.
 */

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Text without bidi embeddings, overrides and isolates; the same string when it has none. */
export function stripBidiControls(text: string): string {
	return BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, "") : text;
}

/**
 * Data known to hold no such characters: built clean (compileIssue strips
 * every string as it makes the issue), or cleaned once before. Walking it
 * again on every render would be wasted.
 */
const BIDI_FREE = new WeakMap<object, true>();

/** Record that `value` holds no bidi controls anywhere (the caller made it so); returns it. */
export function markBidiFree<T extends object>(value: T): T {
	BIDI_FREE.set(value, true);
	return value;
}

function isPlainObject(value: object): value is Record<string, unknown> {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * A copy of plain data (objects, arrays, strings) with every string passed
 * through stripBidiControls; parts without such characters are shared, not
 * copied, so clean data costs one scan, and data already known clean
 * (markBidiFree, or this function's own result) costs nothing.
 */
export function withoutBidiControls<T>(value: T): T {
	if (typeof value !== "object" || value === null) return cleanLeaf(value);
	if (BIDI_FREE.has(value)) return value;
	const clean = walk(value);
	if (typeof clean === "object" && clean !== null) BIDI_FREE.set(clean, true);
	return clean;
}

function cleanLeaf<T>(value: T): T {
	return typeof value === "string" ? (stripBidiControls(value) as T) : value;
}

function walk<T>(value: T): T {
	if (typeof value !== "object" || value === null) return cleanLeaf(value);
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		for (let i = 0; i < value.length; i++) {
			const cleaned = walk(value[i]);
			if (cleaned !== value[i]) {
				copy ??= value.slice();
				copy[i] = cleaned;
			}
		}
		return (copy ?? value) as T;
	}
	if (!isPlainObject(value)) return value;
	let copy: Record<string, unknown> | undefined;
	for (const key of Object.keys(value)) {
		const cleaned = walk(value[key]);
		if (cleaned !== value[key]) {
			copy ??= { ...value };
			copy[key] = cleaned;
		}
	}
	return (copy ?? value) as T;
}
