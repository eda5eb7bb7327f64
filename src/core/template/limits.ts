import { TemplateFailure } from "./errors.ts";

/**
 * Longest output one render may produce, in characters (UTF-16 code units),
 * counted as it is produced so a runaway template stops at once instead of
 * freezing the page. 16 Mi: room for the JSON of a 10,000-capture archive
 * (about 13 M), which a tighter "few MB" would refuse.
 */
export const MAX_OUTPUT = 16 * 1024 * 1024;
/**
 * The reason a render over MAX_OUTPUT stops. Both causes are named: a loop
 * that repeats more than meant, and a draft too large for one export (the
 * default JSON of about 12,500 captures passes the limit).
 */
export const TOO_LARGE =
	"the output passed the limit of 16,777,216 characters (16 MB): a loop may repeat more than meant, or the issue holds more than one export can (hold some captures for the next issue)";

/** A string value (a filter's result) too long to ever be output is stopped where it is made. */
export function checkLength(value: unknown, at: number): unknown {
	if (typeof value === "string" && value.length > MAX_OUTPUT) throw new TemplateFailure(at, TOO_LARGE);
	return value;
}
