import * as v from "valibot";
import type { CaptureInput, Section } from "./capture.ts";
import { DEFAULT_NEWSLETTER, type IssueMeta, type Newsletter, type Sponsor } from "./newsletter.ts";
import { FileError, fromIssue } from "./schema/errors.ts";
import { calendarDate, issueAt, issueNumber, list, nonEmptyText, strict, text } from "./schema/fields.ts";
import { parseJsonText } from "./schema/json.ts";
import { fileKind } from "./schema/kind.ts";
import {
	captureInput,
	htmlStyles,
	issueFieldDefs,
	issueFieldValues,
	partials,
	sectionIntros,
	sections,
	sponsor,
} from "./schema/shapes.ts";

/** An issue file that cannot be used (the same error as a bad backup). */
export { FileError as IssueFileError };

/** What an issue file holds: the newsletter, one issue's meta, and its captures as inputs to normalizeCapture. */
export interface IssueFile {
	newsletter: Newsletter;
	meta: IssueMeta;
	captures: CaptureInput[];
}

const issueFile = v.pipe(
	strict({
		newsletter: nonEmptyText(),
		titleTemplate: v.optional(text()),
		number: issueNumber,
		date: calendarDate,
		intro: v.optional(text()),
		outro: v.optional(text()),
		sponsor: v.nullish(sponsor),
		sponsors: v.optional(list(sponsor)),
		fieldDefs: v.optional(issueFieldDefs),
		fields: v.optional(issueFieldValues),
		sectionIntros: v.optional(sectionIntros),
		partials: v.optional(partials),
		htmlStyles: v.optional(htmlStyles),
		sections,
		captures: list(captureInput),
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const file = dataset.value;
		if (file.sponsor && file.sponsors) {
			return issueAt(addIssue, file, ["sponsor"], 'give either "sponsor" or "sponsors", not both');
		}
		const ids = file.sections.map((s) => s.id);
		for (const [i, capture] of file.captures.entries()) {
			if (!ids.includes(capture.section)) {
				const message = `unknown section id ${JSON.stringify(capture.section)} (sections are ${ids.join(", ")})`;
				return issueAt(addIssue, file, ["captures", i, "section"], message);
			}
			// The file holds one issue: a capture can only belong to it.
			if (capture.issue != null && capture.issue !== file.number) {
				const message = `issue ${capture.issue} is not in this file (it holds issue ${file.number})`;
				return issueAt(addIssue, file, ["captures", i, "issue"], message);
			}
		}
	}),
);

/**
 * Check an already-parsed issue file (the shape of examples/sre-weekly-90/issue.json).
 * Throws FileError naming the field's full path, e.g. `captures[3].url: expected an http(s) URL`.
 */
export function issueFileFromJson(value: unknown): IssueFile {
	const { kind, data } = fileKind(value);
	if (kind !== "issue") {
		throw new FileError('this is a Linkletter backup, not an issue file: open it with "Restore from backup"');
	}
	const result = v.safeParse(issueFile, data, { abortEarly: true });
	if (!result.success) throw fromIssue(result.issues[0]);
	const file = result.output;
	const meta: IssueMeta = { number: file.number, date: file.date, intro: file.intro ?? "", outro: file.outro ?? "" };
	const sponsors = file.sponsors ?? (file.sponsor ? [file.sponsor] : []);
	if (sponsors.length > 0) meta.sponsors = sponsors as Sponsor[];
	if (file.fields) meta.fields = file.fields;
	if (file.sectionIntros) meta.sectionIntros = file.sectionIntros;
	const captures = file.captures.map(({ issue: _inThisIssue, via, ...capture }) => {
		const input = capture as CaptureInput;
		if (via) input.via = via as NonNullable<CaptureInput["via"]>;
		return input;
	});
	return {
		newsletter: {
			name: file.newsletter,
			titleTemplate: file.titleTemplate ?? DEFAULT_NEWSLETTER.titleTemplate,
			sections: file.sections as Section[],
			...(file.fieldDefs ? { fields: file.fieldDefs } : {}),
			...(file.partials ? { partials: file.partials as Newsletter["partials"] } : {}),
			...(file.htmlStyles ? { htmlStyles: file.htmlStyles } : {}),
		},
		meta,
		captures,
	};
}

/**
 * Read an issue file: validate every field and return the newsletter, the
 * issue's meta and the captures ready for normalizeCapture, which will not
 * need to cut anything (every field is within its limit or refused).
 */
export function parseIssueFile(source: string): IssueFile {
	return issueFileFromJson(parseJsonText(source));
}
