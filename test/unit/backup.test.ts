import { describe, expect, it } from "vitest";
import { BackupError, parseBackup, serializeBackup } from "../../src/core/backup.ts";
import { normalizeCapture } from "../../src/core/capture.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { CAPTURE_LIMITS } from "../../src/core/schema/fields.ts";
import { readLinkletterFile } from "../../src/core/schema/read-file.ts";
import { ACCEPTED, ISSUE_FILE, REFUSED, V1_BACKUP } from "../fixtures/backups/hostile.ts";
import { makeCapture } from "../helpers/captures.ts";

function sample() {
	const draft = makeCapture({ note: "in the draft", via: { name: "DevOps Weekly" } }, 1000);
	const archived = { ...makeCapture({ note: "sent" }, 500), issue: 4 };
	return {
		exportedAt: "2026-11-24T22:00:00.000Z",
		newsletter: DEFAULT_NEWSLETTER,
		draft: { number: 5, date: "2026-11-24", intro: "Hi *all*", outro: "", autoDate: false },
		captures: [draft, archived],
		issues: [
			{
				number: 4,
				sentAt: 99,
				newsletter: DEFAULT_NEWSLETTER,
				meta: { number: 4, date: "2026-11-17", intro: "", outro: "" },
				captures: [archived],
				templates: { md: "# {{ issue.title }}" },
			},
		],
		templates: { txt: "{{ issue.title }}" },
		trackingParams: ["utm_*", "ref"],
		groups: ["PagerDuty", "AWS"],
		lastSection: "tools",
	};
}

/** The message a reader throws, or "accepted". */
function messageOf(read: () => unknown): string {
	try {
		read();
		return "accepted";
	} catch (error) {
		return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	}
}

describe("backup files", () => {
	it("round-trip every record intact", () => {
		const original = sample();
		expect(parseBackup(serializeBackup(original))).toEqual({ format: "linkletter-backup", version: 3, ...original });
	});

	it("open a version-1 backup with every record as it was, no groups yet, and each sponsor as a list of one", () => {
		const v1 = JSON.parse(V1_BACKUP);
		const sponsorList = ({ sponsor, ...meta }: { sponsor?: unknown }) =>
			sponsor ? { ...meta, sponsors: [sponsor] } : meta;
		expect(v1.draft.sponsor).toBeDefined();
		expect(parseBackup(V1_BACKUP)).toEqual({
			...v1,
			version: 3,
			groups: [],
			draft: sponsorList(v1.draft),
			issues: v1.issues.map((issue: { meta: { sponsor?: unknown } }) => ({ ...issue, meta: sponsorList(issue.meta) })),
		});
	});

	it("open a version-2 backup with its single sponsors as lists, and refuse the old field in version 3", () => {
		const v2 = JSON.parse(serializeBackup(sample()).replace('"version": 3', '"version": 2'));
		v2.draft.sponsor = { name: "Acme", text: "Buy it" };
		const read = parseBackup(JSON.stringify(v2));
		expect(read.draft.sponsors).toEqual([{ name: "Acme", text: "Buy it" }]);
		expect(read.draft).not.toHaveProperty("sponsor");
		expect(messageOf(() => parseBackup(JSON.stringify({ ...v2, version: 3 })))).toBe(
			"FileError: draft.sponsor: unknown field (expected one of number, date, intro, outro, sponsors, fields, sectionIntros, outroRecurring, autoDate)",
		);
	});

	it("are written the same, byte for byte, whatever order the stored records keep their fields in", () => {
		const original = sample();
		const shuffled = JSON.parse(JSON.stringify(original), (_key, value) =>
			value && typeof value === "object" && !Array.isArray(value)
				? Object.fromEntries(Object.entries(value).reverse())
				: value,
		);
		expect(serializeBackup(shuffled)).toBe(serializeBackup(original));
		expect(
			serializeBackup(original).startsWith('{\n  "format": "linkletter-backup",\n  "version": 3,\n  "exportedAt"'),
		).toBe(true);
	});

	it("are refused where an issue file is expected, and the other way round, saying where each goes", () => {
		expect(messageOf(() => parseIssueFile(V1_BACKUP))).toBe(
			'FileError: this is a Linkletter backup, not an issue file: open it with "Restore from backup"',
		);
		expect(messageOf(() => parseBackup(ISSUE_FILE))).toBe(
			'FileError: this is an issue file, not a backup: import it with "Import issue file"',
		);
		expect(() => parseBackup("{")).toThrow(BackupError);
	});
});

describe("malformed and hostile files", () => {
	it.each(REFUSED.map((c) => [c.name, c] as const))("refuses %s, naming the field's full path", (_, c) => {
		const read = c.kind === "backup" ? parseBackup : parseIssueFile;
		expect(messageOf(() => read(c.text))).toBe(`FileError: ${c.message}`);
		// The reader the CLI uses says exactly the same.
		expect(messageOf(() => readLinkletterFile(c.text))).toBe(`FileError: ${c.message}`);
		expect(c.message).not.toContain("\n");
	});

	it.each(ACCEPTED.map((c) => [c.name, c] as const))("accepts a %s as the same file without it", (_, c) => {
		const read = c.kind === "backup" ? parseBackup : parseIssueFile;
		expect(read(c.text)).toEqual(read(c.same));
		expect(readLinkletterFile(c.text)).toEqual(readLinkletterFile(c.same));
	});
});

describe("capture field limits", () => {
	const fields = Object.keys(CAPTURE_LIMITS).filter((f) => !f.startsWith("via") && f !== "url" && f !== "section");

	/** An issue file with one capture whose `field` is `value`. */
	const fileWith = (field: string, value: string) =>
		JSON.stringify({
			newsletter: "N",
			number: 1,
			date: "2024-01-01",
			sections: [{ id: "a", name: "A", layout: "entries" }],
			captures: [{ url: "https://a.example/", section: "a", [field]: value }],
		});

	it.each(fields)("%s: what the file may hold is exactly what normalizeCapture keeps uncut", (field) => {
		const max = CAPTURE_LIMITS[field as keyof typeof CAPTURE_LIMITS];
		const longest = "x".repeat(max);
		const [input] = parseIssueFile(fileWith(field, longest)).captures;
		expect(normalizeCapture(input as never, { now: 1, id: "a" })).toMatchObject({ [field]: longest });
		// One more character would be cut by normalisation, so the file is refused instead.
		const cut = normalizeCapture(
			{ url: "https://a.example/", section: "a", [field]: `${longest}x` },
			{ now: 1, id: "a" },
		);
		expect((cut as unknown as Record<string, string>)[field]).not.toBe(`${longest}x`);
		expect(() => parseIssueFile(fileWith(field, `${longest}x`))).toThrow(
			`captures[0].${field}: too long: ${max + 1} characters, at most ${max} are kept`,
		);
	});
});
