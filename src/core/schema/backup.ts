import * as v from "valibot";
import { isIsoDate } from "../dates.ts";
import { issueAt, CAPTURE_LIMITS as L, list, nonEmptyText, strict, text } from "./fields.ts";
import { BACKUP_FORMAT } from "./kind.ts";
import { byFormat, issueMeta, newsletter, sentIssue, storedCapture, unique } from "./shapes.ts";

const exportTime = v.pipe(
	text(),
	v.check((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && isIsoDate(s.slice(0, 10)), "expected an ISO 8601 time"),
);

/** A backup of the current version (3), after the upgrade ladder. */
export const backupV3 = v.pipe(
	strict({
		format: v.literal(BACKUP_FORMAT),
		version: v.literal(3),
		exportedAt: exportTime,
		newsletter,
		draft: issueMeta,
		captures: list(storedCapture),
		issues: list(sentIssue),
		templates: byFormat,
		trackingParams: list(text()),
		groups: list(text(L.group)),
		lastSection: v.optional(nonEmptyText(L.section)),
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const backup = dataset.value;
		const capture = unique(backup.captures, (c) => c.id, "capture id");
		if (capture) return issueAt(addIssue, backup, ["captures", capture.index, "id"], capture.message);
		const issue = unique(backup.issues, (i) => i.number, "issue number");
		if (issue) return issueAt(addIssue, backup, ["issues", issue.index, "number"], issue.message);
		const sent = new Set(backup.issues.map((i) => i.number));
		for (const [i, c] of backup.captures.entries()) {
			if (c.issue !== null && !sent.has(c.issue)) {
				const known = sent.size === 0 ? "it holds none" : `it holds ${[...sent].join(", ")}`;
				return issueAt(
					addIssue,
					backup,
					["captures", i, "issue"],
					`issue ${c.issue} is not a sent issue in this backup (${known})`,
				);
			}
		}
	}),
);
