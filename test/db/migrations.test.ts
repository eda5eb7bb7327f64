import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { listDraft } from "../../src/db/captures.ts";
import { DB_VERSION, migrations } from "../../src/db/migrations.ts";
import { openDatabase } from "../../src/db/open.ts";
import { makeCapture } from "../helpers/captures.ts";

describe("migration ladder", () => {
	it("has one step per version", () => {
		expect(DB_VERSION).toBe(migrations.length);
	});

	it("v1: rows written by version 1 arrive intact at the current version", async () => {
		const name = `migrate-v1-${Math.random()}`;
		const v1 = await openDatabase(name, 1);
		const rows = [makeCapture({}, 1000), makeCapture({ note: "second" }, 2000)];
		const tx = v1.transaction("captures", "readwrite");
		for (const row of rows) void tx.store.put({ ...row, issueKey: 0 });
		void v1.put("settings", "tools", "lastSection");
		await tx.done;
		v1.close();
		const current = await openDatabase(name);
		expect(current.version).toBe(DB_VERSION);
		expect(await listDraft(current)).toEqual(rows);
		expect(await current.get("settings", "lastSection")).toBe("tools");
	});

	it("v2: a version-1 database gains the sent-issues store and keeps its captures", async () => {
		const name = `migrate-v2-${Math.random()}`;
		const v1 = await openDatabase(name, 1);
		const row = makeCapture({ note: "from v1" });
		await v1.put("captures", { ...row, issueKey: 0 });
		v1.close();
		const v2 = await openDatabase(name, 2);
		expect([...v2.objectStoreNames]).toContain("issues");
		expect(await listDraft(v2)).toEqual([row]);
		v2.close();
	});

	it("v3: the unsaved store goes, captures and sent issues stay", async () => {
		const name = `migrate-v3-${Math.random()}`;
		const v2 = await openDatabase(name, 2);
		const row = makeCapture({ note: "from v2" });
		const sent = { ...makeCapture({ note: "sent in v2" }), issue: 4 };
		await v2.put("captures", { ...row, issueKey: 0 });
		await v2.put("captures", { ...sent, issueKey: 4 });
		const issue = {
			number: 4,
			sentAt: 1,
			newsletter: DEFAULT_NEWSLETTER,
			meta: { number: 4, date: "2026-11-01", intro: "", outro: "" },
			captures: [sent],
			templates: {},
		};
		await v2.put("issues", issue);
		v2.close();
		const v3 = await openDatabase(name, 3);
		expect([...v3.objectStoreNames].sort()).toEqual(["captures", "issues", "settings"]);
		expect(await listDraft(v3)).toEqual([row]);
		expect(await v3.get("issues", 4)).toEqual(issue);
		expect((await v3.get("captures", sent.id))?.issue).toBe(4);
		v3.close();
	});

	it("an open connection steps aside when a newer version needs to upgrade", async () => {
		const name = `blocking-${Math.random()}`;
		const old = await openDatabase(name, 1);
		const newer = await openDB(name, 2, { upgrade() {} });
		expect(newer.version).toBe(2);
		expect(() => old.transaction("captures")).toThrow();
		newer.close();
	});
});
