import { afterEach, describe, expect, it } from "vitest";
import { BACKUP_VERSION, type Backup } from "../../src/core/backup.ts";
import type { Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, type SentIssue } from "../../src/core/newsletter.ts";
import { BATCH_SIZE, type Progress, readEverything, restoreBackup } from "../../src/db/backup.ts";
import { addCaptures, countDraft } from "../../src/db/captures.ts";
import { StorageFullError } from "../../src/db/errors.ts";
import { importIssue } from "../../src/db/import.ts";
import { loadNewsletter } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

function backupWith(captures: Capture[], issues: SentIssue[] = []): Backup {
	return {
		format: "linkletter-backup",
		version: BACKUP_VERSION,
		exportedAt: "2026-11-24T00:00:00Z",
		newsletter: { ...DEFAULT_NEWSLETTER, name: "From the backup" },
		draft: { number: 4, date: "2026-11-24", intro: "", outro: "" },
		captures,
		issues,
		templates: {},
		trackingParams: [],
		groups: [],
	} as Backup;
}

const proto = IDBObjectStore.prototype;
const originalPut = proto.put;
afterEach(() => {
	proto.put = originalPut;
});

/** Storage runs out at the `n`th write from now: its transaction fails to commit, as a full disk makes it. */
function storageFullAtPut(n: number): void {
	let count = 0;
	proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
		const request = originalPut.apply(this, args);
		count += 1;
		if (count === n) {
			const tx = this.transaction as unknown as { _abort(name: string): void };
			request.addEventListener("success", () => tx._abort("QuotaExceededError"));
		}
		return request;
	};
}

const many = (n: number) => Array.from({ length: n }, (_, i) => makeCapture({ note: `n${i}` }, 1_000 + i));

describe("long writes report their progress", () => {
	it("a restore reports each batch, in order, up to every capture and issue", async () => {
		const db = await freshDb();
		const issue: SentIssue = {
			number: 1,
			sentAt: 1,
			newsletter: DEFAULT_NEWSLETTER,
			meta: { number: 1, date: "2026-11-01", intro: "", outro: "" },
			captures: [],
			templates: {},
		};
		const seen: Progress[] = [];
		const report = await restoreBackup(db, backupWith(many(BATCH_SIZE * 2 + 7), [issue]), (p) => seen.push(p));
		const total = BATCH_SIZE * 2 + 8;
		expect(report.added).toBe(BATCH_SIZE * 2 + 7);
		expect(seen).toEqual([
			{ done: 0, total },
			{ done: BATCH_SIZE, total },
			{ done: BATCH_SIZE * 2, total },
			{ done: BATCH_SIZE * 2 + 7, total },
			{ done: total, total },
		]);
		expect(await countDraft(db)).toBe(BATCH_SIZE * 2 + 7);
		expect((await loadNewsletter(db)).name).toBe("From the backup");
	});

	it("a restore that fails in a later batch writes nothing from the earlier ones", async () => {
		const db = await freshDb();
		const mine = makeCapture({ note: "already here" }, 1);
		await addCaptures(db, [mine]);
		const before = await readEverything(db, "2026-11-24");
		const seen: Progress[] = [];
		storageFullAtPut(BATCH_SIZE + 5);
		await expect(restoreBackup(db, backupWith(many(BATCH_SIZE + 10)), (p) => seen.push(p))).rejects.toBeInstanceOf(
			StorageFullError,
		);
		proto.put = originalPut;
		expect(seen.map((p) => p.done)).toEqual([0, BATCH_SIZE]);
		expect(await readEverything(db, "2026-11-24")).toEqual(before);
	});

	it("an import reports each batch and, failing late, leaves the draft and settings as they were", async () => {
		const db = await freshDb();
		const seen: number[] = [];
		const meta = { number: 9, date: "2026-11-24", intro: "", outro: "" };
		await importIssue(db, { ...DEFAULT_NEWSLETTER, name: "Imported" }, meta, many(BATCH_SIZE + 1), (p) =>
			seen.push(p.done),
		);
		expect(seen).toEqual([0, BATCH_SIZE, BATCH_SIZE + 1]);
		expect(await countDraft(db)).toBe(BATCH_SIZE + 1);

		const other = await freshDb();
		const partial: number[] = [];
		// Two settings writes come first, then the captures: storage runs out in the second batch.
		storageFullAtPut(2 + BATCH_SIZE + 2);
		await expect(
			importIssue(other, { ...DEFAULT_NEWSLETTER, name: "Broken" }, meta, many(BATCH_SIZE + 3), (p) =>
				partial.push(p.done),
			),
		).rejects.toBeInstanceOf(StorageFullError);
		proto.put = originalPut;
		expect(partial).toEqual([0, BATCH_SIZE]);
		expect(await countDraft(other)).toBe(0);
		expect((await loadNewsletter(other)).name).toBe(DEFAULT_NEWSLETTER.name);
	});
});
