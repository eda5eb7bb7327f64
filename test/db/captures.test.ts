import { describe, expect, it } from "vitest";
import { type Capture, editCapture } from "../../src/core/capture.ts";
import {
	addCaptures,
	countDraft,
	deleteCapture,
	findByUrlKey,
	getCapture,
	listDraft,
	updateCapture,
	updateCaptures,
} from "../../src/db/captures.ts";
import { ConflictError } from "../../src/db/errors.ts";
import { saveCapture } from "../../src/db/save-capture.ts";
import { saveLink } from "../../src/db/save-link.ts";
import { loadDraftMeta, loadGroups, loadLastSection, loadNewsletter } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

describe("captures store", () => {
	it("lists only the draft, in the order saved", async () => {
		const db = await freshDb();
		const first = makeCapture({}, 1000);
		const second = makeCapture({}, 2000);
		const sent = { ...makeCapture({}, 1500), issue: 7 };
		await addCaptures(db, [second, sent, first]);
		expect((await listDraft(db)).map((c) => c.id)).toEqual([first.id, second.id]);
		expect(await countDraft(db)).toBe(2);
	});

	it("finds earlier captures of the same link whatever its tracking parameters or scheme", async () => {
		const db = await freshDb();
		const saved = makeCapture({ url: "https://example.com/a/?b=2&a=1" });
		await addCaptures(db, [saved]);
		const hits = await findByUrlKey(db, makeCapture({ url: "http://www.example.com/a?a=1&b=2&utm_source=x" }).urlKey);
		expect(hits.map((c) => c.id)).toEqual([saved.id]);
	});

	it("refuses an edit of a capture that another window changed meanwhile, and keeps the other change", async () => {
		const db = await freshDb();
		const original = makeCapture({ note: "first" }, 1000);
		await addCaptures(db, [original]);
		const mine = editCapture(original, { note: "window A" }, 2000);
		const theirs = editCapture(original, { note: "window B" }, 2001);
		await updateCapture(db, theirs, original.updatedAt);
		await expect(updateCapture(db, mine, original.updatedAt)).rejects.toBeInstanceOf(ConflictError);
		expect((await getCapture(db, original.id))?.note).toBe("window B");
	});

	for (const changed of [0, 1, 2]) {
		it(`a move of three captures with capture ${changed + 1} changed elsewhere writes none of them`, async () => {
			const db = await freshDb();
			const rows = [0, 1, 2].map((i) => makeCapture({ note: `note ${i}` }, 1000));
			await addCaptures(db, rows);
			const theirs = editCapture(rows[changed] as Capture, { note: "elsewhere" }, 1500);
			await updateCapture(db, theirs, 1000);
			const moved = rows.map((x, i) => ({
				next: { ...x, position: 10 + i, updatedAt: 2000 },
				expectedUpdatedAt: 1000,
			}));
			await expect(updateCaptures(db, moved)).rejects.toBeInstanceOf(ConflictError);
			const stored = await Promise.all(rows.map((x) => getCapture(db, x.id)));
			expect(stored).toEqual(rows.map((x, i) => (i === changed ? theirs : x)));
		});
	}

	it("writes every capture of a move when none changed elsewhere", async () => {
		const db = await freshDb();
		const a = makeCapture({}, 1000);
		const b = makeCapture({}, 1000);
		await addCaptures(db, [a, b]);
		await updateCaptures(db, [
			{ next: { ...a, position: 5, section: "tools", updatedAt: 2000 }, expectedUpdatedAt: 1000 },
			{ next: { ...b, position: 6, updatedAt: 2000 }, expectedUpdatedAt: 1000 },
		]);
		expect((await getCapture(db, a.id))?.section).toBe("tools");
		expect([(await getCapture(db, a.id))?.position, (await getCapture(db, b.id))?.position]).toEqual([5, 6]);
	});

	it("refuses to delete a capture that changed since it was shown", async () => {
		const db = await freshDb();
		const original = makeCapture({}, 1000);
		await addCaptures(db, [original]);
		await updateCapture(db, editCapture(original, { note: "newer" }, 2000), original.updatedAt);
		await expect(deleteCapture(db, original.id, original.updatedAt)).rejects.toBeInstanceOf(ConflictError);
		await deleteCapture(db, original.id, 2000);
		expect(await getCapture(db, original.id)).toBeUndefined();
	});
});

describe("saving from the popup", () => {
	it("commits the capture and remembers the section together", async () => {
		const db = await freshDb();
		const capture = makeCapture({ section: "tools", note: "typed" });
		await saveCapture(db, capture, {});
		expect(await getCapture(db, capture.id)).toEqual(capture);
		expect(await loadLastSection(db)).toBe("tools");
	});

	it("does not overwrite a capture edited elsewhere since the popup opened", async () => {
		const db = await freshDb();
		const original = makeCapture({ note: "old" }, 1000);
		await addCaptures(db, [original]);
		await updateCapture(db, editCapture(original, { note: "options page" }, 1500), 1000);
		await expect(
			saveCapture(db, editCapture(original, { note: "popup" }, 2000), {
				expectedUpdatedAt: 1000,
			}),
		).rejects.toBeInstanceOf(ConflictError);
		expect((await getCapture(db, original.id))?.note).toBe("options page");
	});

	it("a refused save leaves the last used section as it was, though both were written at once", async () => {
		const db = await freshDb();
		const original = makeCapture({ section: "articles", note: "old" }, 1000);
		await saveCapture(db, original, {});
		await updateCapture(db, editCapture(original, { note: "options page" }, 1500), 1000);
		await expect(
			saveCapture(db, editCapture(original, { note: "popup", section: "outages" }, 2000), {
				expectedUpdatedAt: 1000,
			}),
		).rejects.toBeInstanceOf(ConflictError);
		expect(await loadLastSection(db)).toBe("articles");
		expect((await getCapture(db, original.id))?.section).toBe("articles");
	});

	it("a new capture the browser refuses, committed as soon as it was asked, leaves the last used section as it was", async () => {
		const db = await freshDb();
		const first = makeCapture({ section: "articles" });
		await saveCapture(db, first, {});
		// The same id again: the add fails after the transaction was told to commit.
		await expect(saveCapture(db, { ...first, section: "outages" }, {})).rejects.toThrow();
		expect(await loadLastSection(db)).toBe("articles");
		expect(await countDraft(db)).toBe(1);
	});
});

describe("settings and import", () => {
	it("starts with the default sections and a draft #1", async () => {
		const db = await freshDb();
		expect((await loadNewsletter(db)).sections.map((s) => s.name)).toEqual(["Articles", "Tools", "Outages"]);
		expect(await loadDraftMeta(db, "2026-11-24")).toMatchObject({
			number: 1,
			date: "2026-11-24",
		});
	});
});

describe("saving a link from the context menu", () => {
	it("keeps the link without trackers, in the last section, marked incomplete", async () => {
		const db = await freshDb();
		await saveCapture(db, makeCapture({ section: "tools" }), {});
		const saved = await saveLink(
			db,
			{ url: "https://blog.example.org/p?utm_source=x&id=3", text: " A post " },
			{ now: 10, id: "link-1" },
		);
		expect(saved).toBe(true);
		expect(await getCapture(db, "link-1")).toMatchObject({
			url: "https://blog.example.org/p?id=3",
			title: "A post",
			section: "tools",
			incomplete: true,
			note: "",
		});
	});

	it("does not add a link that is already in the draft", async () => {
		const db = await freshDb();
		await saveCapture(db, makeCapture({ url: "https://blog.example.org/p" }), {});
		expect(await saveLink(db, { url: "http://blog.example.org/p/" }, { now: 10, id: "dup" })).toBe(false);
		expect(await countDraft(db)).toBe(1);
	});
});

describe("groups offered by the popup", () => {
	it("remembers groups as they are used, most recent first, without repeats", async () => {
		const db = await freshDb();
		for (const group of ["PagerDuty", "GitHub", "PagerDuty"]) {
			await saveCapture(db, makeCapture({ section: "outages", group }), {});
		}
		expect(await loadGroups(db)).toEqual(["PagerDuty", "GitHub"]);
	});
});
