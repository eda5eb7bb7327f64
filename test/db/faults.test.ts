import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { addCaptures, listDraft } from "../../src/db/captures.ts";
import { StorageFullError } from "../../src/db/errors.ts";
import { sendIssue } from "../../src/db/issues.ts";
import { saveCapture } from "../../src/db/save-capture.ts";
import { saveLink } from "../../src/db/save-link.ts";
import { saveSections } from "../../src/db/sections.ts";
import { loadDraftMeta, loadLastSection, loadNewsletter, saveDraftMeta } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

type Store = typeof IDBObjectStore.prototype;
const proto = IDBObjectStore.prototype as Store;
const originals = { put: proto.put, add: proto.add };

/**
 * Storage is full from now on: every write request succeeds, then its
 * transaction fails to commit with QuotaExceededError, as a browser does
 * when the disk or its quota runs out.
 */
function fillStorage(): void {
	for (const name of ["put", "add"] as const) {
		const original = originals[name];
		proto[name] = function (this: IDBObjectStore, ...args: Parameters<Store["put"]>) {
			const request = original.apply(this, args);
			const tx = this.transaction as unknown as { _abort(name: string): void };
			request.addEventListener("success", () => tx._abort("QuotaExceededError"));
			return request;
		};
	}
}

afterEach(() => Object.assign(proto, originals));

/** Unhandled rejections seen while `work` runs (and a moment after). */
async function unhandledDuring(work: () => Promise<unknown>): Promise<unknown[]> {
	const seen: unknown[] = [];
	const listener = (reason: unknown) => seen.push(reason);
	process.on("unhandledRejection", listener);
	try {
		await work().catch(() => {});
		await new Promise((r) => setTimeout(r, 20));
	} finally {
		process.off("unhandledRejection", listener);
	}
	return seen;
}

describe("writes when storage fails", () => {
	it("saving the issue details with storage full fails as StorageFullError and keeps what was stored", async () => {
		const db = await freshDb();
		const before = await loadDraftMeta(db, "2026-12-01");
		await saveDraftMeta(db, { ...before, intro: "stored intro" });
		fillStorage();
		const write = saveDraftMeta(db, { ...before, intro: "typed intro" });
		await expect(write).rejects.toBeInstanceOf(StorageFullError);
		await expect(write).rejects.toThrow(/no room left to save/);
		expect((await loadDraftMeta(db, "2026-12-01")).intro).toBe("stored intro");
	});

	it("a popup save with storage full writes nothing at all: no capture, no last section", async () => {
		const db = await freshDb();
		fillStorage();
		const capture = makeCapture({ section: "tools" });
		const seen = await unhandledDuring(async () => {
			await expect(saveCapture(db, capture, {})).rejects.toBeInstanceOf(StorageFullError);
		});
		expect(seen).toEqual([]);
		expect(await listDraft(db)).toEqual([]);
		expect(await loadLastSection(db)).toBeUndefined();
	});

	it("a rejected request names its real cause (ConstraintError) and leaves no unhandled rejection", async () => {
		const db = await freshDb();
		const capture = makeCapture();
		await addCaptures(db, [capture]);
		let failure: unknown;
		const seen = await unhandledDuring(async () => {
			failure = await addCaptures(db, [makeCapture(), capture]).catch((e: unknown) => e);
		});
		expect(seen).toEqual([]);
		expect(failure).toBeTruthy();
		expect(String((failure as Error).message)).toContain("ConstraintError");
		// All or nothing: the other capture of the batch was not added either.
		expect((await listDraft(db)).map((c) => c.id)).toEqual([capture.id]);
	});

	it("sending an issue with storage full archives nothing and keeps the draft", async () => {
		const db = await freshDb();
		const capture = makeCapture();
		await addCaptures(db, [capture]);
		const meta = await loadDraftMeta(db, "2026-12-01");
		fillStorage();
		const issue = {
			number: meta.number,
			sentAt: capture.updatedAt + 10,
			newsletter: DEFAULT_NEWSLETTER,
			meta,
			captures: [capture],
			templates: {},
			outputs: {},
		};
		await expect(sendIssue(db, issue, { ...meta, number: meta.number + 1 })).rejects.toBeInstanceOf(StorageFullError);
		expect((await listDraft(db)).map((c) => c.id)).toEqual([capture.id]);
		expect((await loadDraftMeta(db, "2026-12-01")).number).toBe(meta.number);
	});

	it("saving sections with storage full keeps the stored sections", async () => {
		const db = await freshDb();
		fillStorage();
		const renamed = { ...DEFAULT_NEWSLETTER, name: "Renamed" };
		await expect(saveSections(db, renamed)).rejects.toBeInstanceOf(StorageFullError);
		expect((await loadNewsletter(db)).name).toBe(DEFAULT_NEWSLETTER.name);
	});

	it('"Save link" with storage full rejects (so the worker can show it) instead of resolving', async () => {
		const db = await freshDb();
		fillStorage();
		await expect(
			saveLink(db, { url: "https://example.com/full", text: "Full" }, { now: 1, id: "l1" }),
		).rejects.toBeInstanceOf(StorageFullError);
		expect(await listDraft(db)).toEqual([]);
	});
});
