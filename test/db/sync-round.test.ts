import { describe, expect, it } from "vitest";
import { editCapture } from "../../src/core/capture.ts";
import { newIssueMeta, type SentIssue } from "../../src/core/newsletter.ts";
import { type Items, readItems } from "../../src/core/sync/chunk.ts";
import { keptVersions } from "../../src/core/sync/versions.ts";
import { addCaptures, listDraft, updateCapture } from "../../src/db/captures.ts";
import { getSentIssue, sendIssue } from "../../src/db/issues.ts";
import type { DB } from "../../src/db/open.ts";
import { loadDraftMeta, loadNewsletter, saveDraftMeta } from "../../src/db/settings.ts";
import { syncRound } from "../../src/db/sync-cycle.ts";
import { loadReplica, openSyncDatabase, type SyncDB } from "../../src/db/sync-state.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

/** A browser profile: its database and replica, sharing one fake storage.sync with the others. */
interface Profile {
	db: DB;
	replica: SyncDB;
	device: string;
}

let n = 0;
async function profile(device: string): Promise<Profile> {
	n += 1;
	return { db: await freshDb(), replica: await openSyncDatabase(`sync-test-${n}-${Math.random()}`), device };
}

function round(p: Profile, storage: Items, now: number) {
	return syncRound({
		db: p.db,
		replica: p.replica,
		device: p.device,
		now: () => now,
		readRemote: async () => structuredClone(storage),
		async write(writes, removals) {
			for (const name of removals) delete storage[name];
			Object.assign(storage, structuredClone(writes));
			return [];
		},
	});
}

async function send(db: DB, now: number): Promise<SentIssue> {
	const captures = await listDraft(db);
	const meta = await loadDraftMeta(db, "2026-01-05");
	const issue: SentIssue = {
		number: meta.number,
		sentAt: now,
		newsletter: await loadNewsletter(db),
		meta,
		captures,
		templates: {},
	};
	await sendIssue(db, issue, newIssueMeta(meta.number + 1, "2026-01-12"));
	return issue;
}

describe("replicating through storage.sync into IndexedDB", () => {
	it("a capture on one profile, edited on the other, sent on the first: both hold the same issue and next draft", async () => {
		const storage: Items = {};
		const a = await profile("aaaa");
		const b = await profile("bbbb");
		const first = makeCapture({ note: "First take" }, 1000);
		await addCaptures(a.db, [first]);
		await saveDraftMeta(a.db, { ...newIssueMeta(7, "2026-01-05"), intro: "Hello" });
		expect((await round(a, storage, 1100)).changed).toBe(false);
		expect(
			readItems(storage)
				.records.map((r) => r.k)
				.sort(),
		).toEqual([`c:${first.id}`, "s:draft"]);

		expect((await round(b, storage, 1200)).changed).toBe(true);
		const onB = await listDraft(b.db);
		expect(onB.map((c) => c.note)).toEqual(["First take"]);
		expect((await loadDraftMeta(b.db, "x")).intro).toBe("Hello");

		await updateCapture(b.db, editCapture(onB[0] as never, { note: "Edited on B" }, 1300), onB[0]?.updatedAt as number);
		await round(b, storage, 1350);
		await round(a, storage, 1400);
		expect((await listDraft(a.db)).map((c) => c.note)).toEqual(["Edited on B"]);

		await send(a.db, 2000);
		await round(a, storage, 2100);
		await round(b, storage, 2200);
		await round(a, storage, 2300);
		expect(JSON.stringify(await getSentIssue(b.db, 7))).toBe(JSON.stringify(await getSentIssue(a.db, 7)));
		expect(await listDraft(b.db)).toEqual([]);
		expect((await loadDraftMeta(b.db, "x")).number).toBe(8);
		expect((await loadDraftMeta(a.db, "x")).number).toBe(8);
	});

	it("merges concurrent edits of different fields made on two profiles", async () => {
		const storage: Items = {};
		const a = await profile("aaaa");
		const b = await profile("bbbb");
		const capture = makeCapture({ note: "v1" }, 1000);
		await addCaptures(a.db, [capture]);
		await round(a, storage, 1100);
		await round(b, storage, 1150);
		// B changes the note; A edits the title concurrently: different fields merge.
		const onB = (await listDraft(b.db))[0] as never as typeof capture;
		await updateCapture(b.db, editCapture(onB, { note: "v2 from B" }, 1200), onB.updatedAt);
		await updateCapture(a.db, editCapture(capture, { title: "Title from A" }, 1210), capture.updatedAt);
		await round(b, storage, 1300);
		await round(a, storage, 1310);
		await round(b, storage, 1320);
		for (const p of [a, b]) {
			const [c] = await listDraft(p.db);
			expect([c?.note, c?.title]).toEqual(["v2 from B", "Title from A"]);
		}
	});
});

describe("a browser that opts in after another", () => {
	it("adopts the synced draft details, and keeps its own differing text as an earlier version", async () => {
		const storage: Items = {};
		const a = await profile("aaaa");
		const b = await profile("bbbb");
		await saveDraftMeta(a.db, { ...newIssueMeta(12, "2026-01-05"), intro: "The laptop's intro" });
		await round(a, storage, 1000);
		await saveDraftMeta(b.db, { ...newIssueMeta(1, "2026-01-05"), intro: "Typed at home before syncing" });
		await round(b, storage, 5000);
		await round(a, storage, 5100);
		for (const p of [a, b]) {
			const meta = await loadDraftMeta(p.db, "x");
			expect([meta.number, meta.intro]).toEqual([12, "The laptop's intro"]);
		}
		const versions = keptVersions((await loadReplica(b.replica)).state);
		expect(versions.map((v) => [v.field, v.text, v.restorable])).toEqual([
			["intro", "Typed at home before syncing", true],
		]);
	});
});
