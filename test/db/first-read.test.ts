import { afterEach, describe, expect, it } from "vitest";
import { type FirstRead, startFirstRead } from "../../options/first-read.ts";
import { addCaptures } from "../../src/db/captures.ts";
import { saveDraftMeta } from "../../src/db/settings.ts";
import { broadcastChange, CHANGED_MESSAGE, CHANGES_CHANNEL } from "../../src/platform/change-message.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

const started: FirstRead[] = [];
afterEach(async () => {
	// Close the change listeners and connections of reads a test left untaken.
	for (const first of started.splice(0)) {
		first.take();
		(await first.db).close();
	}
});

async function seeded() {
	const db = await freshDb();
	await addCaptures(db, [makeCapture({ title: "Second" }, 2000), makeCapture({ title: "First" }, 1000)]);
	await saveDraftMeta(db, { number: 7, date: "2026-03-01", intro: "", outro: "" });
	const first = startFirstRead(async () => db);
	started.push(first);
	return first;
}

/** Another Linkletter page's "stored data changed", as it arrives on the channel. */
async function announceFromAnotherPage(): Promise<void> {
	const channel = new BroadcastChannel(CHANGES_CHANNEL);
	channel.postMessage({ type: CHANGED_MESSAGE, from: "another-page" });
	channel.close();
	// Delivered as a task of its own: give it a turn.
	await new Promise((r) => setTimeout(r, 20));
}

describe("the options page's first read", () => {
	it("hands the page's first load the draft as stored, once", async () => {
		const first = await seeded();
		await first.settled;
		const draft = await first.take();
		expect(draft?.captures.map((c) => c.title)).toEqual(["First", "Second"]);
		expect(draft?.meta.number).toBe(7);
		expect(draft?.newsletter.sections.length).toBeGreaterThan(0);
		// Every later load reads afresh.
		expect(first.take()).toBeUndefined();
	});

	it("is given up when another page changed stored data after it began: the page reads again", async () => {
		const first = await seeded();
		await first.settled;
		await announceFromAnotherPage();
		expect(first.take()).toBeUndefined();
	});

	it("is kept when the change announced is this page's own", async () => {
		const first = await seeded();
		await first.settled;
		broadcastChange();
		await new Promise((r) => setTimeout(r, 20));
		expect(first.take()).toBeDefined();
	});
});
