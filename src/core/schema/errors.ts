import type { BaseIssue } from "valibot";

/**
 * A backup or issue file that cannot be used. The message is one line that
 * names the full path of the field at fault (`issues[0].meta.number: …`), the
 * same in the CLI and on the options page.
 */
export class FileError extends Error {
	override name = "FileError";
}

/** `issues[0].meta.number` from a path of keys. */
export function formatPath(keys: readonly (string | number)[]): string {
	let path = "";
	for (const key of keys) {
		if (typeof key === "number") path += `[${key}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += path === "" ? key : `.${key}`;
		else path += `[${JSON.stringify(key)}]`;
	}
	return path;
}

/** Throw a FileError for a field; an empty path is the file as a whole. */
export function fail(keys: readonly (string | number)[], problem: string): never {
	const path = formatPath(keys);
	throw new FileError(path === "" ? problem : `${path}: ${problem}`);
}

/** The FileError for the first problem valibot found. */
export function fromIssue(issue: BaseIssue<unknown>): FileError {
	const keys = (issue.path ?? []).map((item) => item.key as string | number);
	const path = formatPath(keys);
	return new FileError(path === "" ? issue.message : `${path}: ${issue.message}`);
}

/** A value as a message shows it: short text quoted, anything else by kind. */
export function describe(value: unknown): string {
	if (value === null) return "null";
	if (value === undefined) return "nothing";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "string") return value.length > 40 ? "text" : JSON.stringify(value);
	return typeof value === "object" ? "an object" : String(value);
}
