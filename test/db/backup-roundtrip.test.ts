import { describe, expect, it } from "vitest";
import { parseBackup, serializeBackup } from "../../src/core/backup.ts";
import { readEverything, restoreBackup } from "../../src/db/backup.ts";
import { loadGroups, loadLastSection } from "../../src/db/settings.ts";
import { seedCuratorProfile } from "../fixtures/backups/seed.ts";
import { freshDb } from "./db-helpers.ts";

async function backupText(db: Awaited<ReturnType<typeof freshDb>>, exportedAt: string) {
	return serializeBackup({ exportedAt, ...(await readEverything(db, "2026-03-05")) });
}

describe("backup → restore into an empty profile → backup", () => {
	it("gives the same file byte for byte, apart from the export time", async () => {
		const source = await freshDb();
		await seedCuratorProfile(source);
		const first = await backupText(source, "2026-03-05T08:00:00.000Z");

		const target = await freshDb();
		const report = await restoreBackup(target, parseBackup(first));
		expect(report).toEqual({ added: 4, updated: 0, issues: 1, settings: true });
		const second = await backupText(target, "2026-03-06T09:30:00.000Z");

		expect(second).toBe(first.replace("2026-03-05T08:00:00.000Z", "2026-03-06T09:30:00.000Z"));
		// What the curator set that a version-1 backup lost is in it.
		expect(parseBackup(second)).toMatchObject({ groups: ["Cloudflare"], lastSection: "talks" });
		expect(await loadGroups(target)).toEqual(["Cloudflare"]);
		expect(await loadLastSection(target)).toBe("talks");
	});
});
