import { describe, expect, it } from "vitest";
import { checkIssue } from "../../src/core/checklist.ts";
import { DEFAULT_NEWSLETTER, type Newsletter, type SentIssue } from "../../src/core/newsletter.ts";
import { addCaptures, findByUrlKey, listDraft } from "../../src/db/captures.ts";
import { sendIssue } from "../../src/db/issues.ts";
import { AlreadyInSectionError, saveCapture } from "../../src/db/save-capture.ts";
import { loadDraftMeta, loadNewsletter, saveDraftMeta, saveNewsletter } from "../../src/db/settings.ts";
import { makeCapture } from "../helpers/captures.ts";
import { freshDb } from "./db-helpers.ts";

describe("the same link in two sections", () => {
	it("adds a second capture of a link deliberately in another section, which the checklist accepts", async () => {
		const db = await freshDb();
		const first = makeCapture({ url: "https://ex.org/launch", section: "articles", note: "Big news." });
		await saveCapture(db, first, {});
		const again = makeCapture({ url: "https://ex.org/launch", section: "articles", note: "A tool too." });
		await saveCapture(db, again, { alsoIn: "tools" });
		const both = await findByUrlKey(db, first.urlKey);
		expect(both.map((c) => [c.section, c.alsoPlaced ?? false])).toEqual([
			["articles", false],
			["tools", true],
		]);
		const items = checkIssue(await listDraft(db), DEFAULT_NEWSLETTER.sections, []);
		expect(items.filter((i) => i.kind === "duplicate")).toEqual([]);
	});

	it("refuses to add it again to a section that already has it, writing nothing", async () => {
		const db = await freshDb();
		const first = makeCapture({ url: "https://ex.org/once", section: "tools" });
		await saveCapture(db, first, {});
		const again = makeCapture({ url: "https://ex.org/once", section: "articles" });
		await expect(saveCapture(db, again, { alsoIn: "tools" })).rejects.toBeInstanceOf(AlreadyInSectionError);
		expect((await listDraft(db)).map((c) => c.id)).toEqual([first.id]);
	});
});

describe("the new model fields are stored", () => {
	it("keeps nested sections, issue fields, partials and styles with the newsletter", async () => {
		const db = await freshDb();
		const newsletter: Newsletter = {
			...DEFAULT_NEWSLETTER,
			sections: [
				...DEFAULT_NEWSLETTER.sections,
				{ id: "eu", name: "Europe", layout: "entries", parent: "articles", keepWhenEmpty: true, emptyText: "None." },
			],
			fields: [{ id: "summary", label: "Summary", type: "markdown", recurring: true }],
			partials: { md: { card: "**{{ entry.title }}**" } },
			htmlStyles: { h2: "color:#c00;" },
		};
		await saveNewsletter(db, newsletter);
		expect(await loadNewsletter(db)).toStrictEqual(newsletter);
		const capture = makeCapture({ tags: ["rust"], fields: { place: "Berlin" }, sponsored: true });
		await addCaptures(db, [capture]);
		expect((await listDraft(db))[0]).toMatchObject({ tags: ["rust"], fields: { place: "Berlin" }, sponsored: true });
	});
});

describe("sending carries recurring details into the next draft", () => {
	it("stores the next draft with the recurring sponsor, outro and fields", async () => {
		const db = await freshDb();
		const newsletter: Newsletter = {
			...DEFAULT_NEWSLETTER,
			fields: [
				{ id: "forum", label: "Discussion", type: "text", recurring: true },
				{ id: "summary", label: "Summary", type: "text" },
			],
		};
		const meta = {
			number: 7,
			date: "2026-11-24",
			intro: "Hello",
			outro: "Until next week.",
			outroRecurring: true,
			sponsors: [
				{ name: "Acme", text: "Weekly.", recurring: true },
				{ name: "Once", text: "Only now." },
			],
			fields: { forum: "https://forum.example.org", summary: "Busy week" },
		};
		await saveDraftMeta(db, meta);
		const capture = makeCapture({ note: "out" });
		await addCaptures(db, [capture]);
		const issue: SentIssue = { number: 7, sentAt: 1, newsletter, meta, captures: [capture], templates: {} };
		await sendIssue(db, issue, { number: 8, date: "2026-12-01", intro: "", outro: "", autoDate: true });
		expect(await loadDraftMeta(db, "x")).toStrictEqual({
			number: 8,
			date: "2026-12-01",
			intro: "",
			outro: "Until next week.",
			outroRecurring: true,
			autoDate: true,
			sponsors: [{ name: "Acme", text: "Weekly.", recurring: true }],
			fields: { forum: "https://forum.example.org" },
		});
	});
});
