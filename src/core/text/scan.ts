/*
 * Character tests for the export's hot paths. A regular expression's
 * character class, tested against a 200-character note, costs about ten
 * times a native substring search per character looked for (V8 searches a
 * string for one character much as memchr does), so a test for a few
 * characters is a few searches. Every export runs these over every note of
 * the issue, in every format.
 */

/** Whether `text` holds any of the characters of `chars` (best for a handful of characters). */
export function hasAnyOf(text: string, chars: string): boolean {
	for (let i = 0; i < chars.length; i++) if (text.includes(chars[i] as string)) return true;
	return false;
}

/** Whether `text` holds a line break (LF or CR). */
export function hasLineBreak(text: string): boolean {
	return text.includes("\n") || text.includes("\r");
}

/** Whether the UTF-16 code unit is an ASCII letter (NaN, past the end of a string, is not). */
export function isAsciiLetter(code: number): boolean {
	const lower = code | 0x20;
	return lower >= 0x61 && lower <= 0x7a;
}

/** Whether the UTF-16 code unit is an ASCII letter or digit: a comparison, where a one-character regex test costs a call. */
export function isAsciiAlnum(code: number): boolean {
	return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}
