import { describe, expect, it } from "vitest";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { addCaptures, deleteCapture } from "../../src/db/captures.ts";
import { sendIssue } from "../../src/db/issues.ts";
import { listAllCaptures } from "../../src/db/search.ts";
import { saveNewsletter, saveWelcomed, shouldWelcome } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

describe("the first-run welcome", () => {
	it("greets a new profile until dismissed, even after it named its newsletter there", async () => {
		const db = await freshDb();
		expect(await shouldWelcome(db)).toBe(true);
		await saveWelcomed(db, "shown");
		await saveNewsletter(db, { ...DEFAULT_NEWSLETTER, name: "Named in the welcome" });
		expect(await shouldWelcome(db)).toBe(true);
		await saveWelcomed(db, "dismissed");
		expect(await shouldWelcome(db)).toBe(false);
	});

	it("does not greet a profile that has captures, or settings saved before the welcome existed", async () => {
		const used = await freshDb();
		const capture = makeCapture({}, 5);
		await addCaptures(used, [capture]);
		expect(await shouldWelcome(used)).toBe(false);
		// With its only capture deleted it still has its own settings: not a new install.
		await saveNewsletter(used, { ...DEFAULT_NEWSLETTER, name: "Mine" });
		await deleteCapture(used, capture.id, capture.updatedAt);
		expect(await shouldWelcome(used)).toBe(false);
	});
});

describe("search reads every capture", () => {
	it("returns the draft's and the sent issues' captures, with their issue numbers", async () => {
		const db = await freshDb();
		const sent = makeCapture({ title: "Sent one" }, 1);
		const draft = makeCapture({ title: "Draft one" }, 2);
		await addCaptures(db, [sent, draft]);
		await sendIssue(
			db,
			{
				number: 7,
				sentAt: 10,
				newsletter: DEFAULT_NEWSLETTER,
				meta: { number: 7, date: "2026-11-01", intro: "", outro: "" },
				captures: [sent],
				templates: {},
			},
			{ number: 8, date: "2026-11-08", intro: "", outro: "" },
		);
		const all = await listAllCaptures(db);
		expect(all.map((c) => [c.title, c.issue]).sort()).toEqual([
			["Draft one", null],
			["Sent one", 7],
		]);
		expect(all.every((c) => !("issueKey" in c))).toBe(true);
	});
});
