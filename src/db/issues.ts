import type { Capture } from "../core/capture.ts";
import { carryRecurring, type IssueMeta, type SentIssue } from "../core/newsletter.ts";
import { type GuardedEdit, putUnchanged, toStored } from "./captures.ts";
import { ConflictError } from "./errors.ts";
import type { DB } from "./open.ts";
import { writeTransaction } from "./write.ts";

/** Sent issues, newest first. */
export async function listSentIssues(db: DB): Promise<SentIssue[]> {
	return (await db.getAll("issues")).reverse();
}

/** The `count` most recent sent issues, newest first, without reading the whole archive. */
export async function recentSentIssues(db: DB, count: number): Promise<SentIssue[]> {
	const recent: SentIssue[] = [];
	let cursor = await db.transaction("issues").store.openCursor(null, "prev");
	while (cursor && recent.length < count) {
		recent.push(cursor.value);
		cursor = await cursor.continue();
	}
	return recent;
}

export function getSentIssue(db: DB, number: number): Promise<SentIssue | undefined> {
	return db.get("issues", number);
}

/** The send dates of the issues these captures were featured in, by issue number. */
export async function sentIssueDates(db: DB, captures: readonly Capture[]): Promise<Map<number, string>> {
	const numbers = [...new Set(captures.flatMap((c) => (c.issue === null ? [] : [c.issue])))];
	const issues = await Promise.all(numbers.map((n) => db.get("issues", n)));
	return new Map(issues.flatMap((issue) => (issue ? [[issue.number, issue.meta.date] as const] : [])));
}

export class IssueExistsError extends Error {
	override name = "IssueExistsError";
	constructor(readonly number: number) {
		super(`Issue #${number} was already sent. Change this issue's number before sending it.`);
	}
}

/**
 * Mark the draft as sent, in one transaction: the frozen issue is stored,
 * its captures are archived under its number, the captures the curator held
 * back stay in the draft (`carried`: the same captures with `held` cleared),
 * and the draft's details become `next`, with what the sent issue marked
 * recurring carried into it (fields, sponsors, outro: carryRecurring). Fails with
 * ConflictError if any capture changed since the curator looked, and with
 * IssueExistsError if that number was already sent.
 */
export function sendIssue(
	db: DB,
	issue: SentIssue,
	next: IssueMeta,
	carried: readonly GuardedEdit[] = [],
): Promise<void> {
	return writeTransaction(db, ["captures", "issues", "settings"], async (tx) => {
		const captures = tx.objectStore("captures");
		const issues = tx.objectStore("issues");
		if (await issues.get(issue.number)) throw new IssueExistsError(issue.number);
		// Archiving is a change: a stale editor elsewhere must see a newer version, not overwrite it.
		const archived = issue.captures.map((c) => ({
			...c,
			issue: issue.number,
			updatedAt: Math.max(issue.sentAt, c.updatedAt + 1),
		}));
		for (const [i, capture] of issue.captures.entries()) {
			const current = await captures.get(capture.id);
			// Only a draft capture, unchanged since the curator looked, may be archived.
			if (current?.issueKey !== 0 || current.updatedAt !== capture.updatedAt) throw new ConflictError(current);
			await captures.put(toStored(archived[i] as Capture));
		}
		await putUnchanged(captures, carried);
		await Promise.all([
			issues.put({ ...issue, captures: archived }),
			tx.objectStore("settings").put(carryRecurring(issue, next), "draft"),
		]);
	});
}
