import { describe, expect, it } from "vitest";
import { editCapture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, type SentIssue } from "../../src/core/newsletter.ts";
import { deleteSection } from "../../src/core/sections.ts";
import { addCaptures, deleteCapture, findByUrlKey, listDraft, updateCapture } from "../../src/db/captures.ts";
import { ConflictError } from "../../src/db/errors.ts";
import {
	getSentIssue,
	IssueExistsError,
	listSentIssues,
	recentSentIssues,
	sendIssue,
	sentIssueDates,
} from "../../src/db/issues.ts";
import { saveSections } from "../../src/db/sections.ts";
import { loadDraftMeta, loadNewsletter } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

function issueOf(number: number, captures: SentIssue["captures"]): SentIssue {
	return {
		number,
		sentAt: 1,
		newsletter: DEFAULT_NEWSLETTER,
		meta: { number, date: "2026-11-24", intro: "Hello", outro: "" },
		captures,
		templates: {},
	};
}

describe("marking an issue as sent", () => {
	it("archives its captures, keeps held ones in the draft and starts the next issue", async () => {
		const db = await freshDb();
		const sent = makeCapture({ note: "goes out" });
		const held = makeCapture({ note: "next time", held: true });
		await addCaptures(db, [sent, held]);
		await sendIssue(db, issueOf(7, [sent]), { number: 8, date: "2026-12-01", intro: "", outro: "" });
		expect((await listDraft(db)).map((c) => c.id)).toEqual([held.id]);
		expect((await findByUrlKey(db, sent.urlKey))[0]?.issue).toBe(7);
		expect((await getSentIssue(db, 7))?.captures[0]).toMatchObject({ id: sent.id, issue: 7, note: "goes out" });
		expect((await loadDraftMeta(db, "x")).number).toBe(8);
		expect(await sentIssueDates(db, await findByUrlKey(db, sent.urlKey))).toEqual(new Map([[7, "2026-11-24"]]));
		expect((await listSentIssues(db)).map((i) => i.number)).toEqual([7]);
	});

	it("refuses when a capture was edited in another window since the checklist was shown", async () => {
		const db = await freshDb();
		const capture = makeCapture({ note: "v1" }, 100);
		await addCaptures(db, [capture]);
		await updateCapture(db, editCapture(capture, { note: "v2" }, 200), 100);
		await expect(
			sendIssue(db, issueOf(1, [capture]), { number: 2, date: "d", intro: "", outro: "" }),
		).rejects.toBeInstanceOf(ConflictError);
		expect(await listSentIssues(db)).toEqual([]);
		expect((await listDraft(db))[0]?.issue).toBeNull();
	});

	it("refuses to send the same number twice", async () => {
		const db = await freshDb();
		const a = makeCapture();
		await addCaptures(db, [a]);
		await sendIssue(db, issueOf(3, [a]), { number: 4, date: "d", intro: "", outro: "" });
		const b = makeCapture();
		await addCaptures(db, [b]);
		await expect(sendIssue(db, issueOf(3, [b]), { number: 4, date: "d", intro: "", outro: "" })).rejects.toBeInstanceOf(
			IssueExistsError,
		);
	});
});

describe("changing sections", () => {
	it("moves the captures of a deleted section in the same transaction", async () => {
		const db = await freshDb();
		const tool = makeCapture({ section: "tools" }, 10);
		await addCaptures(db, [tool]);
		const { newsletter, moved } = deleteSection(DEFAULT_NEWSLETTER, "tools", "articles", [tool], 20);
		await saveSections(
			db,
			newsletter,
			moved.map((next) => ({ next, expectedUpdatedAt: 10 })),
		);
		expect((await loadNewsletter(db)).sections.map((s) => s.id)).toEqual(["articles", "outages"]);
		expect((await listDraft(db))[0]?.section).toBe("articles");
	});
});

describe("recent issues", () => {
	it("reads only the newest ones, newest first", async () => {
		const db = await freshDb();
		for (let n = 1; n <= 12; n++) {
			const c = makeCapture();
			await addCaptures(db, [c]);
			await sendIssue(db, issueOf(n, [c]), { number: n + 1, date: "d", intro: "", outro: "" });
		}
		expect((await recentSentIssues(db, 10)).map((i) => i.number)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
	});
});

describe("held captures", () => {
	it("are carried into the next issue and no longer held", async () => {
		const db = await freshDb();
		const sent = makeCapture({ note: "now" }, 10);
		const held = makeCapture({ note: "later", held: true }, 20);
		await addCaptures(db, [sent, held]);
		const carried = [{ next: { ...held, held: undefined, updatedAt: 30 }, expectedUpdatedAt: 20 }];
		await sendIssue(db, issueOf(1, [sent]), { number: 2, date: "d", intro: "", outro: "" }, carried);
		const draft = await listDraft(db);
		expect(draft.map((c) => [c.id, c.held])).toEqual([[held.id, undefined]]);
	});
});

describe("a stale window after sending", () => {
	it("cannot pull a sent capture back into the draft, nor delete it", async () => {
		const db = await freshDb();
		const capture = makeCapture({ note: "as sent" }, 10);
		await addCaptures(db, [capture]);
		await sendIssue(db, issueOf(1, [capture]), { number: 2, date: "d", intro: "", outro: "" });
		const stale = editCapture(capture, { note: "edited in a window opened before sending" }, 20);
		await expect(updateCapture(db, stale, capture.updatedAt)).rejects.toThrow("went out in issue #1");
		await expect(deleteCapture(db, capture.id, capture.updatedAt)).rejects.toBeInstanceOf(ConflictError);
		expect(await listDraft(db)).toEqual([]);
		expect((await findByUrlKey(db, capture.urlKey))[0]).toMatchObject({ issue: 1, note: "as sent" });
	});
});
