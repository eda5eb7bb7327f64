import { describe, expect, it } from "vitest";
import { BackupError, looksLikeBackup, parseBackup, serializeBackup } from "../../src/core/backup.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { makeCapture } from "../helpers/captures.ts";

function sample() {
	const draft = makeCapture({ note: "in the draft", via: { name: "DevOps Weekly" } }, 1000);
	const archived = { ...makeCapture({ note: "sent" }, 500), issue: 4 };
	return {
		exportedAt: "2026-11-24T22:00:00.000Z",
		newsletter: DEFAULT_NEWSLETTER,
		draft: { number: 5, date: "2026-11-24", intro: "Hi *all*", outro: "" },
		captures: [draft, archived],
		issues: [
			{
				number: 4,
				sentAt: 99,
				newsletter: DEFAULT_NEWSLETTER,
				meta: { number: 4, date: "2026-11-17", intro: "", outro: "" },
				captures: [archived],
				templates: { md: "# {{ issue.title }}" },
			},
		],
		templates: { txt: "{{ issue.title }}" },
		trackingParams: ["utm_*", "ref"],
	};
}

describe("backup files", () => {
	it("round-trip every record intact", () => {
		const original = sample();
		const text = serializeBackup(original);
		expect(looksLikeBackup(text)).toBe(true);
		expect(parseBackup(text)).toEqual({ format: "linkletter-backup", version: 1, ...original });
	});

	it.each([
		["not JSON", "{ nope", "not valid JSON"],
		["another file", JSON.stringify({ hello: 1 }), "not a Linkletter backup file"],
		["a newer version", JSON.stringify({ format: "linkletter-backup", version: 99 }), "made by a newer Linkletter"],
	])("refuses %s with a clear message", (_name, text, message) => {
		expect(() => parseBackup(text)).toThrow(BackupError);
		expect(() => parseBackup(text)).toThrow(message);
	});

	it("names the broken field of a damaged backup", () => {
		const broken = sample();
		(broken.captures[1] as { url: string }).url = "javascript:alert(1)";
		expect(() => parseBackup(serializeBackup(broken))).toThrow(/^captures\[1\]: Only http and https/);
		const noTimes = JSON.parse(serializeBackup(sample()));
		delete noTimes.captures[0].updatedAt;
		expect(() => parseBackup(JSON.stringify(noTimes))).toThrow("captures[0].updatedAt: expected a whole number");
	});

	it("is told apart from an issue file", () => {
		expect(looksLikeBackup(JSON.stringify({ newsletter: "SRE Weekly", captures: [] }))).toBe(false);
	});
});
