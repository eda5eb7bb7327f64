import { type Backup, backupFromJson } from "../backup.ts";
import { type IssueFile, issueFileFromJson } from "../issue-file.ts";
import { parseJsonText } from "./json.ts";
import { fileKind } from "./kind.ts";

/** A file Linkletter can read: a backup, or one issue. */
export type LinkletterFile = { kind: "backup"; backup: Backup } | { kind: "issue"; issue: IssueFile };

/**
 * Read any Linkletter file: the one function the CLI and the options page
 * share (parseBackup and parseIssueFile are this, for one kind), so a file
 * is accepted or refused with the same message everywhere. Throws FileError.
 */
export function readLinkletterFile(source: string): LinkletterFile {
	const value = parseJsonText(source);
	return fileKind(value).kind === "backup"
		? { kind: "backup", backup: backupFromJson(value) }
		: { kind: "issue", issue: issueFileFromJson(value) };
}
