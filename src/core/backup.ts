import * as v from "valibot";
import type { Capture } from "./capture.ts";
import type { IssueMeta, Newsletter, SentIssue } from "./newsletter.ts";
import type { Format } from "./render/format.ts";
import { backupV3 } from "./schema/backup.ts";
import { describe, FileError, fail, fromIssue } from "./schema/errors.ts";
import { parseJsonText } from "./schema/json.ts";
import { BACKUP_FORMAT, fileKind } from "./schema/kind.ts";

/** A backup file that cannot be used (the same error as a bad issue file). */
export { BACKUP_FORMAT, FileError as BackupError };

/** The version this code writes. parseBackup reads this and every older one. */
export const BACKUP_VERSION = 3;

/** Everything Linkletter stores, as one file. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** ISO 8601 time the backup was made. */
	exportedAt: string;
	newsletter: Newsletter;
	draft: IssueMeta;
	/** Every capture: the draft's (issue null) and the archived ones. */
	captures: Capture[];
	issues: SentIssue[];
	templates: Partial<Record<Format, string>>;
	trackingParams: string[];
	/** Groups used lately in list sections, most recent first (since version 2). */
	groups: string[];
	/** The section the curator saved into last, when there is one (since version 2). */
	lastSection?: string;
}

/** What serializeBackup writes; `groups` may be left out by callers that keep none. */
export type BackupContents = Omit<Backup, "format" | "version" | "groups"> & { groups?: string[] };

type Json = Record<string, unknown>;

/**
 * Upgrades from each old version to the next, by version number: a future
 * version 3 adds `2: (v2) => v3` here, and every older file still opens.
 * An upgrade only adds what the old version did not have; it never drops
 * or cuts a field, and the result is checked as a whole afterwards.
 */
const UPGRADES: Readonly<Record<number, (data: Json) => Json>> = {
	// Version 1 had no groups and no last-used section; its reader took absent templates and tracking parameters as empty.
	1: (data) => ({
		...data,
		version: 2,
		templates: data.templates ?? {},
		trackingParams: data.trackingParams ?? [],
		issues: Array.isArray(data.issues)
			? data.issues.map((issue: unknown) =>
					typeof issue === "object" && issue !== null && !Object.hasOwn(issue, "templates")
						? { ...issue, templates: {} }
						: issue,
				)
			: data.issues,
		groups: [],
	}),
	// Version 2 had one optional sponsor per issue; version 3 has a list of them.
	2: (data) => ({
		...data,
		version: 3,
		draft: withSponsorList(data.draft),
		issues: Array.isArray(data.issues)
			? data.issues.map((issue: unknown) =>
					typeof issue === "object" && issue !== null
						? { ...issue, meta: withSponsorList((issue as Json).meta) }
						: issue,
				)
			: data.issues,
	}),
};

/** Issue details with the old `sponsor` as `sponsors: [sponsor]`; anything that is not an object is left for the schema to refuse. */
function withSponsorList(meta: unknown): unknown {
	if (typeof meta !== "object" || meta === null || Array.isArray(meta) || !Object.hasOwn(meta, "sponsor")) return meta;
	const { sponsor, ...rest } = meta as Json;
	return sponsor === undefined ? rest : { ...rest, sponsors: [sponsor] };
}

/**
 * Check an already-parsed backup of any version this code knows, upgrading
 * it to the current one. Throws FileError naming the field's full path.
 */
export function backupFromJson(value: unknown): Backup {
	const { kind, data: raw } = fileKind(value);
	if (kind !== "backup") {
		throw new FileError('this is an issue file, not a backup: import it with "Import issue file"');
	}
	let data = raw;
	let version = data.version;
	if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1) {
		fail(["version"], `expected a whole number from 1 up, got ${describe(version)}`);
	}
	if (version > BACKUP_VERSION) {
		throw new FileError(`this backup was made by a newer Linkletter (version ${version}); update Linkletter first`);
	}
	for (; version < BACKUP_VERSION; version++) {
		const upgrade = UPGRADES[version];
		if (!upgrade) throw new FileError(`backup version ${version} is not known`);
		data = upgrade(data);
	}
	const result = v.safeParse(backupV3, data, { abortEarly: true });
	if (!result.success) throw fromIssue(result.issues[0]);
	return result.output as Backup;
}

/**
 * Read a backup file of any version this code knows, checking every field.
 * Throws FileError with a one-line message naming the field's full path;
 * nothing is ever cut, defaulted or dropped silently.
 */
export function parseBackup(source: string): Backup {
	return backupFromJson(parseJsonText(source));
}

/** The same value with every object's keys in code-unit order (lists keep theirs). */
function sortedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortedKeys);
	if (typeof value !== "object" || value === null) return value;
	const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
}

/**
 * The backup file's text: 2-space JSON with a trailing newline, the
 * envelope first and every record's keys sorted, so the same data always
 * gives the same bytes (however the records were stored or read back).
 */
export function serializeBackup(backup: BackupContents): string {
	const { exportedAt, groups = [], ...rest } = backup;
	const body = sortedKeys({ ...rest, groups }) as Json;
	return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...body }, null, 2)}\n`;
}
