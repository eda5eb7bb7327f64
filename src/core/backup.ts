import { type Capture, normalizeCapture } from "./capture.ts";
import { isIsoDate } from "./dates.ts";
import { parseIssueFile } from "./issue-file.ts";
import type { IssueMeta, Newsletter, SentIssue } from "./newsletter.ts";

/** The marker every Linkletter backup file carries. */
export const BACKUP_FORMAT = "linkletter-backup";
/** The version this code writes. parseBackup reads this and every older one. */
export const BACKUP_VERSION = 1;

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
	templates: Record<string, string>;
	trackingParams: string[];
}

/** A backup file that cannot be used; the message names what is wrong in one line. */
export class BackupError extends Error {
	override name = "BackupError";
}

type Json = Record<string, unknown>;

function fail(path: string, problem: string): never {
	throw new BackupError(`${path}: ${problem}`);
}

function object(value: unknown, path: string): Json {
	if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "expected an object");
	return value as Json;
}

function list(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value)) fail(path, "expected a list");
	return value;
}

function whole(value: unknown, path: string): number {
	if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(path, "expected a whole number");
	return value;
}

function text(value: unknown, path: string): string {
	if (typeof value !== "string") fail(path, "expected text");
	return value;
}

/**
 * The newsletter and draft meta are the issue-file shape; reuse its checks
 * (one rule for both files) by handing it a one-issue file.
 */
function newsletterAndMeta(newsletter: unknown, meta: unknown): { newsletter: Newsletter; meta: IssueMeta } {
	const n = object(newsletter, "newsletter");
	const { autoDate, ...m } = object(meta, "draft");
	try {
		const parsed = parseIssueFile(
			JSON.stringify({
				newsletter: n.name,
				titleTemplate: n.titleTemplate,
				sections: n.sections,
				...m,
				captures: [],
			}),
		);
		return { newsletter: parsed.newsletter, meta: autoDate === true ? { ...parsed.meta, autoDate } : parsed.meta };
	} catch (error) {
		throw new BackupError(error instanceof Error ? error.message : String(error));
	}
}

/** Check a stored capture, keeping its identity and times. */
function capture(value: unknown, path: string): Capture {
	const c = object(value, path);
	const id = text(c.id, `${path}.id`);
	const createdAt = whole(c.createdAt, `${path}.createdAt`);
	const updatedAt = whole(c.updatedAt, `${path}.updatedAt`);
	if (c.issue !== null && c.issue !== undefined) whole(c.issue, `${path}.issue`);
	try {
		const normal = normalizeCapture(c as never, { now: createdAt, id });
		return { ...normal, updatedAt };
	} catch (error) {
		return fail(path, error instanceof Error ? error.message : String(error));
	}
}

function sentIssue(value: unknown, path: string): SentIssue {
	const i = object(value, path);
	const number = whole(i.number, `${path}.number`);
	const { newsletter, meta } = newsletterAndMeta(i.newsletter, i.meta);
	const templates = stringMap(i.templates ?? {}, `${path}.templates`);
	const outputs = i.outputs === undefined ? undefined : stringMap(i.outputs, `${path}.outputs`);
	return {
		...(outputs ? { outputs } : {}),
		number,
		sentAt: whole(i.sentAt, `${path}.sentAt`),
		newsletter,
		meta,
		captures: list(i.captures, `${path}.captures`).map((c, k) => capture(c, `${path}.captures[${k}]`)),
		templates,
	};
}

function stringMap(value: unknown, path: string): Record<string, string> {
	const map = object(value, path);
	for (const [k, v] of Object.entries(map)) text(v, `${path}.${k}`);
	return map as Record<string, string>;
}

/**
 * Upgrades from each old version to the next, by version number: a future
 * version 2 adds `1: (v1) => v2` here, and every older file still opens.
 */
const UPGRADES: Readonly<Record<number, (data: Json) => Json>> = {};

/**
 * Read a backup file of any version this code knows, checking every field.
 * Throws BackupError with a one-line message naming what is wrong.
 */
export function parseBackup(source: string): Backup {
	let raw: unknown;
	try {
		raw = JSON.parse(source);
	} catch {
		throw new BackupError("This is not a Linkletter backup: the file is not valid JSON.");
	}
	let data = object(raw, "backup");
	if (data.format !== BACKUP_FORMAT) throw new BackupError("This is not a Linkletter backup file.");
	let version = whole(data.version, "version");
	if (version > BACKUP_VERSION) {
		throw new BackupError(`This backup was made by a newer Linkletter (version ${version}); update Linkletter first.`);
	}
	for (; version < BACKUP_VERSION; version++) {
		const upgrade = UPGRADES[version];
		if (!upgrade) throw new BackupError(`Backup version ${version} is not known.`);
		data = upgrade(data);
	}
	const { newsletter, meta } = newsletterAndMeta(data.newsletter, data.draft);
	const exportedAt = text(data.exportedAt, "exportedAt");
	if (!isIsoDate(exportedAt.slice(0, 10))) fail("exportedAt", "expected an ISO 8601 time");
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt,
		newsletter,
		draft: meta,
		captures: list(data.captures, "captures").map((c, i) => capture(c, `captures[${i}]`)),
		issues: list(data.issues, "issues").map((i, k) => sentIssue(i, `issues[${k}]`)),
		templates: stringMap(data.templates ?? {}, "templates"),
		trackingParams: list(data.trackingParams ?? [], "trackingParams").map((p, i) => text(p, `trackingParams[${i}]`)),
	};
}

/** Whether a text looks like a backup (rather than an issue file), without checking it. */
export function looksLikeBackup(source: string): boolean {
	return source.slice(0, 200).includes(`"${BACKUP_FORMAT}"`);
}

/** The backup file's text, stable and readable (2-space JSON, trailing newline). */
export function serializeBackup(backup: Omit<Backup, "format" | "version">): string {
	return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...backup }, null, 2)}\n`;
}
