import { SafeString } from "./safe.ts";
import { didYouMean, listSome } from "./suggest.ts";

/** Liquid's `empty` literal: equal to "", [] and {}. */
export const EMPTY: unique symbol = Symbol("empty");
/** Liquid's `blank` literal: also equal to nil, false and whitespace-only text. */
export const BLANK: unique symbol = Symbol("blank");

/** What fieldOf returns for a field that does not exist. */
export const MISSING: unique symbol = Symbol("missing");

/**
 * Whether a value counts as true in a condition. Unlike Shopify Liquid, an
 * empty string and an empty list are false too, so `{% if entry.note %}`
 * means "has a note".
 */
export function isTruthy(value: unknown): boolean {
	// Most tests are of a text field (`if entry.note`).
	if (typeof value === "string") return value !== "";
	if (value === null || value === undefined || value === false || value === "") return false;
	if (Array.isArray(value)) return value.length > 0;
	if (value instanceof SafeString) return value.value !== "";
	return true;
}

/** How a value is written into the output before any escaping. */
export function toText(value: unknown): string {
	if (typeof value === "string") return value;
	if (value === null || value === undefined) return "";
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	if (value instanceof SafeString) return value.value;
	if (Array.isArray(value)) {
		let out = "";
		for (const item of value) out += toText(item);
		return out;
	}
	if (typeof value === "symbol") return "";
	// Printing a whole object is almost always a mistake; JSON shows what it holds.
	return JSON.stringify(value) ?? "";
}

function isEmptyValue(value: unknown): boolean {
	if (value === "" || (Array.isArray(value) && value.length === 0)) return true;
	if (value instanceof SafeString) return value.value === "";
	return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function isBlankValue(value: unknown): boolean {
	if (value === null || value === undefined || value === false) return true;
	if (typeof value === "string") return value.trim() === "";
	return isEmptyValue(value);
}

/** Liquid equality, with `empty` and `blank` matching empty and whitespace-only values. */
export function isEqual(a: unknown, b: unknown): boolean {
	if (a === EMPTY) return isEmptyValue(b);
	if (b === EMPTY) return isEmptyValue(a);
	if (a === BLANK) return isBlankValue(b);
	if (b === BLANK) return isBlankValue(a);
	const left = a instanceof SafeString ? a.value : (a ?? null);
	const right = b instanceof SafeString ? b.value : (b ?? null);
	return left === right;
}

/** `<`, `>`, `<=`, `>=` between two numbers or two strings; anything else is false. */
export function compareValues(a: unknown, b: unknown, op: string): boolean {
	if (!((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string"))) {
		return false;
	}
	switch (op) {
		case "<":
			return a < b;
		case ">":
			return a > b;
		case "<=":
			return a <= b;
		default:
			return a >= b;
	}
}

/** `a contains b`: substring of a string, or member of a list. */
export function containsValue(a: unknown, b: unknown): boolean {
	if (typeof a === "string" || a instanceof SafeString) return toText(a).includes(toText(b));
	if (Array.isArray(a)) return a.some((item) => isEqual(item, b));
	return false;
}

/**
 * Read a field of a value. Only the value's own fields are visible (never
 * the prototype: no `constructor`, no `__proto__`), plus `size`, `first`
 * and `last` on lists and `size` on text. Reading from nil gives nil; a field
 * that does not exist on a real value gives MISSING, which the caller turns
 * into an error, so a misspelt field shows up in the preview instead of as
 * silence.
 */
export function fieldOf(base: unknown, key: string | number): unknown {
	if (typeof base === "object" && base !== null && !Array.isArray(base) && !(base instanceof SafeString)) {
		const name = String(key);
		if (Object.hasOwn(base, name)) return (base as Record<string, unknown>)[name];
		return name === "size" ? Object.keys(base).length : MISSING;
	}
	if (base === null || base === undefined) return undefined;
	const value = base instanceof SafeString ? base.value : base;
	if (Array.isArray(value)) {
		if (typeof key === "number") return value[key < 0 ? value.length + key : key];
		if (key === "size") return value.length;
		if (key === "first") return value[0];
		if (key === "last") return value[value.length - 1];
		return /^\d+$/.test(key) ? value[Number(key)] : MISSING;
	}
	if (typeof value === "string" && key === "size") return value.length;
	return MISSING;
}

/**
 * Why fieldOf gave MISSING, for the error message: `no field "titel" on
 * entry — did you mean "title"? Fields: title, url, note, …`. `where` names
 * the value read from (`entry`, `issue.sponsor`).
 */
export function missingFieldReason(base: unknown, key: string | number, where?: string): string {
	const on = where ? ` on ${where}` : "";
	if (Array.isArray(base)) return `a list has no field "${key}"${on} (try size, first or last)`;
	if (typeof base === "string" || base instanceof SafeString) return `text has no field "${key}"${on}`;
	if (typeof base === "object" && base !== null) {
		const fields = Object.keys(base);
		const hint = didYouMean(String(key), fields);
		return `no field "${key}"${on}${hint}${fields.length ? `${hint ? " Fields" : " — fields"}: ${listSome(fields)}` : " — it has no fields"}`;
	}
	return `a ${typeof base} has no field "${key}"${on}`;
}
