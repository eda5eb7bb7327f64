import { describe, expect, it } from "vitest";
import { parseBackup, serializeBackup } from "../../src/core/backup.ts";
import { editCapture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { readEverything, restoreBackup } from "../../src/db/backup.ts";
import { addCaptures, getCapture, listDraft } from "../../src/db/captures.ts";
import { listSentIssues, sendIssue } from "../../src/db/issues.ts";
import { loadNewsletter, saveNewsletter, saveTemplates } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

async function backupOf(db: Awaited<ReturnType<typeof freshDb>>) {
	return parseBackup(
		serializeBackup({ exportedAt: "2026-11-24T00:00:00Z", ...(await readEverything(db, "2026-11-24")) }),
	);
}

describe("backup and restore", () => {
	it("restores everything into a fresh browser", async () => {
		const source = await freshDb();
		const sent = makeCapture({ note: "sent" }, 10);
		await addCaptures(source, [sent, makeCapture({ note: "draft" }, 20)]);
		await sendIssue(
			source,
			{
				number: 1,
				sentAt: 5,
				newsletter: DEFAULT_NEWSLETTER,
				meta: { number: 1, date: "2026-11-01", intro: "", outro: "" },
				captures: [sent],
				templates: {},
			},
			{ number: 2, date: "2026-11-08", intro: "Next", outro: "" },
		);
		await saveTemplates(source, { md: "custom" });
		const backup = await backupOf(source);

		const target = await freshDb();
		expect(await restoreBackup(target, backup)).toEqual({ added: 2, updated: 0, issues: 1, settings: true });
		expect(await readEverything(target, "x")).toEqual(await readEverything(source, "x"));
	});

	it("merges into a database in use without losing either side", async () => {
		const db = await freshDb();
		const mine = makeCapture({ note: "mine" }, 100);
		const shared = makeCapture({ note: "old" }, 100);
		await addCaptures(db, [mine, shared]);
		await saveNewsletter(db, { ...DEFAULT_NEWSLETTER, name: "Mine" });
		const other = await freshDb();
		const theirs = makeCapture({ note: "theirs" }, 200);
		await addCaptures(other, [theirs, editCapture(shared, { note: "newer elsewhere" }, 300)]);
		await saveNewsletter(other, {
			...DEFAULT_NEWSLETTER,
			sections: [...DEFAULT_NEWSLETTER.sections, { id: "talks", name: "Talks", layout: "entries" }],
		});

		const report = await restoreBackup(db, await backupOf(other));
		expect(report).toEqual({ added: 1, updated: 1, issues: 0, settings: false });
		expect((await listDraft(db)).map((c) => c.note).sort()).toEqual(["mine", "newer elsewhere", "theirs"]);
		const newsletter = await loadNewsletter(db);
		expect(newsletter.name).toBe("Mine");
		expect(newsletter.sections.map((s) => s.id)).toEqual(["articles", "tools", "outages", "talks"]);
		expect(await getCapture(db, mine.id)).toEqual(mine);
		expect(await listSentIssues(db)).toEqual([]);
	});
});
