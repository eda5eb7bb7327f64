import { describe, expect, it } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { parseIssueFile } from "../../src/core/issue-file.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { countDraft, listDraft } from "../../src/db/captures.ts";
import { importIssue } from "../../src/db/import.ts";
import { loadDraftMeta, loadNewsletter, saveNewsletter } from "../../src/db/settings.ts";
import { ISSUE_FILE } from "../fixtures/backups/hostile.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

describe("importing an issue file", () => {
	it("into a fresh profile keeps the default sections after the file's", async () => {
		const db = await freshDb();
		const file = parseIssueFile(ISSUE_FILE);
		const captures = file.captures.map((c, i) => normalizeCapture(c, { now: i, id: `i${i}` }));
		await importIssue(db, file.newsletter, file.meta, captures);
		expect((await loadNewsletter(db)).sections.map((s) => s.id)).toEqual(["articles", "outages", "tools"]);
		// Every capture sits in a section the newsletter has: none ends up "Unsorted".
		const ids = new Set((await loadNewsletter(db)).sections.map((s) => s.id));
		const draft = await listDraft(db);
		expect(draft).toHaveLength(18);
		expect(draft.filter((c) => !ids.has(c.section))).toEqual([]);
		expect(await loadDraftMeta(db, "2026-01-01")).toEqual(file.meta);
	});

	it("keeps the curator's own sections after the file's, so no capture loses its section", async () => {
		const db = await freshDb();
		await saveNewsletter(db, { ...DEFAULT_NEWSLETTER, sections: [{ id: "talks", name: "Talks", layout: "entries" }] });
		const newsletter = {
			name: "SRE Weekly",
			titleTemplate: "SRE Weekly Issue #{{number}}",
			sections: [{ id: "articles", name: "Articles", layout: "entries" as const }],
		};
		const meta = { number: 90, date: "2017-09-28", intro: "Hi", outro: "" };
		await importIssue(db, newsletter, meta, [makeCapture(), makeCapture()]);
		const stored = await loadNewsletter(db);
		expect(stored.name).toBe("SRE Weekly");
		expect(stored.sections.map((x) => x.id)).toEqual(["articles", "talks"]);
		expect(await countDraft(db)).toBe(2);
	});

	it("writes nothing at all when one capture cannot be stored", async () => {
		const db = await freshDb();
		const bad = { ...makeCapture(), id: undefined as unknown as string };
		await expect(
			importIssue(
				db,
				{ ...DEFAULT_NEWSLETTER, name: "Half" },
				{ number: 2, date: "2026-01-01", intro: "", outro: "" },
				[makeCapture(), bad],
			),
		).rejects.toThrow();
		expect(await countDraft(db)).toBe(0);
		expect((await loadNewsletter(db)).name).toBe(DEFAULT_NEWSLETTER.name);
	});
});
