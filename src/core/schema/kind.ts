import { describe, FileError, fail } from "./errors.ts";

/** The marker every Linkletter backup file carries. */
export const BACKUP_FORMAT = "linkletter-backup";

/** Fields only a backup has: a file with any of them and no `format` is a damaged backup, not an issue file. */
const BACKUP_ONLY = [
	"version",
	"exportedAt",
	"draft",
	"issues",
	"templates",
	"trackingParams",
	"groups",
	"lastSection",
];

/**
 * What a parsed file is, by its `format` field (never by sniffing the
 * text): a backup carries `"format": "linkletter-backup"`, an issue file
 * has no `format`. Anything else is refused here, so every reader agrees.
 */
export function fileKind(value: unknown): { kind: "backup" | "issue"; data: Record<string, unknown> } {
	if (typeof value !== "object" || value === null || Array.isArray(value)) {
		throw new FileError(`expected a JSON object (a Linkletter backup or issue file), got ${describe(value)}`);
	}
	const data = value as Record<string, unknown>;
	if (Object.hasOwn(data, "format")) {
		if (data.format !== BACKUP_FORMAT) {
			fail(["format"], `unknown file format ${describe(data.format)} (a Linkletter backup has "${BACKUP_FORMAT}")`);
		}
		return { kind: "backup", data };
	}
	const backupField = BACKUP_ONLY.find((key) => Object.hasOwn(data, key));
	if (backupField) {
		fail(
			["format"],
			`missing: a file with "${backupField}" is a backup, and a backup starts with "format": "${BACKUP_FORMAT}"`,
		);
	}
	return { kind: "issue", data };
}
