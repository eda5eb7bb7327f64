import { describe, expect, it } from "vitest";
import { addCaptures, listDraft } from "../../src/db/captures.ts";
import { loadDraft } from "../../src/db/draft.ts";
import type { DB } from "../../src/db/open.ts";
import {
	loadDraftMeta,
	loadNewsletter,
	loadTemplates,
	loadTrackingParams,
	saveDraftMeta,
	saveNewsletter,
	saveTemplates,
	saveTrackingParams,
} from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

/** What the options page read before, one store call at a time. */
async function oneByOne(db: DB, today: string) {
	return {
		newsletter: await loadNewsletter(db),
		meta: await loadDraftMeta(db, today),
		captures: await listDraft(db),
		templates: await loadTemplates(db),
		trackingParams: await loadTrackingParams(db),
	};
}

describe("the draft in one read", () => {
	it("gives a new profile the defaults: the starter newsletter, issue #1 dated today, no captures", async () => {
		const db = await freshDb();
		const draft = await loadDraft(db, "2026-05-04");
		expect(draft).toEqual(await oneByOne(db, "2026-05-04"));
		expect(draft.meta).toMatchObject({ number: 1, date: "2026-05-04" });
		expect(draft.captures).toEqual([]);
		expect(draft.trackingParams.length).toBeGreaterThan(0);
	});

	it("reads what is stored: the draft's captures in order (not the sent ones), and every saved setting", async () => {
		const db = await freshDb();
		const newsletter = { ...(await loadNewsletter(db)), name: "Ops Weekly" };
		await saveNewsletter(db, newsletter);
		await saveDraftMeta(db, { number: 12, date: "2026-02-02", intro: "Hello", outro: "" });
		await saveTemplates(db, { md: "{{title}}" });
		await saveTrackingParams(db, ["ref"]);
		await addCaptures(db, [
			makeCapture({ title: "Later" }, 3000),
			{ ...makeCapture({ title: "Sent" }, 1500), issue: 11 },
			makeCapture({ title: "Earlier" }, 1000),
		]);
		const draft = await loadDraft(db, "2026-05-04");
		expect(draft).toEqual(await oneByOne(db, "2026-05-04"));
		expect(draft.newsletter.name).toBe("Ops Weekly");
		expect(draft.meta.number).toBe(12);
		expect(draft.captures.map((c) => c.title)).toEqual(["Earlier", "Later"]);
		expect(draft.templates).toEqual({ md: "{{title}}" });
		expect(draft.trackingParams).toEqual(["ref"]);
	});
});
