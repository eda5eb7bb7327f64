import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type IDBPDatabase, openDB } from "idb";
import { describe, expect, it } from "vitest";
import { byPosition, type Capture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER, newIssueMeta } from "../../src/core/newsletter.ts";
import { DEFAULT_TRACKING_PARAMS } from "../../src/core/url.ts";
import { listDraft } from "../../src/db/captures.ts";
import { getSentIssue, listSentIssues } from "../../src/db/issues.ts";
import { DB_VERSION, migrations } from "../../src/db/migrations.ts";
import { openDatabase } from "../../src/db/open.ts";
import type { StoredCapture } from "../../src/db/schema.ts";
import {
	loadDraftMeta,
	loadGroups,
	loadLastSection,
	loadNewsletter,
	loadTemplates,
	loadTrackingParams,
} from "../../src/db/settings.ts";

/*
 * Each shipped schema version has a fixture written by that version's own code
 * (scripts/make-db-fixture.ts). The database is rebuilt with only the steps
 * that existed at that version, filled with the fixture's rows, then opened
 * by today's code: every record must arrive as stated here.
 */

type Row = { key: IDBValidKey; value: unknown };
type Store = {
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
	records: Row[];
};
type Fixture = { version: number; commit: string; stores: Record<string, Store> };
type Shape = Omit<Store, "records">;

const DIR = join(import.meta.dirname, "../fixtures/db");
const fixtures: Fixture[] = readdirSync(DIR)
	.filter((f) => /^v\d+\.json$/.test(f))
	.map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as Fixture)
	.sort((a, b) => a.version - b.version);

/** Today's stores, stated independently of the steps that build them. */
const CURRENT_SHAPE: Record<string, Shape> = {
	captures: {
		keyPath: "id",
		autoIncrement: false,
		indexes: {
			"by-issue": { keyPath: "issueKey", unique: false, multiEntry: false },
			"by-urlKey": { keyPath: "urlKey", unique: false, multiEntry: false },
		},
	},
	issues: { keyPath: "number", autoIncrement: false, indexes: {} },
	settings: { keyPath: null, autoIncrement: false, indexes: {} },
};

/** Issue details as version 4 stores them: a single `sponsor` is now `sponsors: [sponsor]`, stated by hand. */
function sponsorsAsList(meta: Record<string, unknown>): Record<string, unknown> {
	if (!Object.hasOwn(meta, "sponsor")) return meta;
	const { sponsor, ...rest } = meta;
	return { ...rest, sponsors: [sponsor] };
}

/**
 * What a record stored at `version` must be once upgraded to today's version.
 * Every record arrives unchanged except what a step rewrites, stated here:
 * v3 → v4 turns the draft's and each sent issue's `sponsor` into `sponsors`.
 */
function upgradedRecords(version: number, store: string, rows: Row[] | undefined): Row[] {
	if (!(store in CURRENT_SHAPE)) return [];
	if (version >= 4) return rows ?? [];
	return (rows ?? []).map((row) => {
		const value = row.value as Record<string, unknown>;
		if (store === "settings" && row.key === "draft") return { key: row.key, value: sponsorsAsList(value) };
		if (store === "issues") {
			return { key: row.key, value: { ...value, meta: sponsorsAsList(value.meta as Record<string, unknown>) } };
		}
		return row;
	});
}

let n = 0;
const freshName = (label: string) => `${label}-${++n}-${Math.random()}`;

/** A database shaped as `version` left it: built by only the first `version` steps. */
function openAtVersion(name: string, version: number): Promise<IDBPDatabase> {
	return openDB(name, version, {
		upgrade(db, oldVersion, _newVersion, tx) {
			for (let v = oldVersion; v < version; v++) {
				// biome-ignore lint/suspicious/noExplicitAny: the steps are typed against the widest schema
				(migrations[v] as (db: any, tx: any) => void)(db, tx);
			}
		},
	});
}

async function shapes(db: IDBPDatabase): Promise<Record<string, Shape>> {
	const out: Record<string, Shape> = {};
	for (const name of [...db.objectStoreNames].sort()) {
		const store = db.transaction(name).store;
		const indexes: Shape["indexes"] = {};
		for (const index of [...store.indexNames].sort()) {
			const { keyPath, unique, multiEntry } = store.index(index);
			indexes[index] = { keyPath, unique, multiEntry };
		}
		out[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
	}
	return out;
}

async function records(db: IDBPDatabase, store: string): Promise<Row[]> {
	const rows: Row[] = [];
	for (let cursor = await db.transaction(store).store.openCursor(); cursor; cursor = await cursor.continue()) {
		rows.push({ key: cursor.key, value: cursor.value });
	}
	return rows;
}

/** Build the old database from the fixture, writing its rows raw, then close it. */
async function restoreFixture(name: string, fixture: Fixture): Promise<void> {
	const old = await openAtVersion(name, fixture.version);
	const storeNames = Object.keys(fixture.stores);
	const tx = old.transaction(storeNames, "readwrite");
	const writes = storeNames.flatMap((store) =>
		fixture.stores[store]?.records.map(({ key, value }) =>
			tx.objectStore(store).keyPath === null ? tx.objectStore(store).put(value, key) : tx.objectStore(store).put(value),
		),
	);
	await Promise.all([...writes, tx.done]);
	old.close();
}

const setting = (fixture: Fixture, key: string) =>
	fixture.stores.settings?.records.find((r) => r.key === key)?.value as never;

describe("migrations: every shipped version's data arrives at the current version", () => {
	it("has a fixture for every version up to the current one", () => {
		expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
	});

	for (const fixture of fixtures) {
		describe(`v${fixture.version} (written by ${fixture.commit.slice(0, 7)})`, () => {
			it("today's first steps build the stores and indexes that version had", async () => {
				const old = await openAtVersion(freshName("shape"), fixture.version);
				const expected = Object.fromEntries(
					Object.entries(fixture.stores).map(([name, { records: _records, ...shape }]) => [name, shape]),
				);
				expect(await shapes(old)).toStrictEqual(expected);
				old.close();
			});

			it("every record is intact after upgrading, and the stores are today's", async () => {
				const name = freshName(`migrate-v${fixture.version}`);
				await restoreFixture(name, fixture);
				const db = await openDatabase(name);
				expect(db.version).toBe(DB_VERSION);
				const raw = db as unknown as IDBPDatabase;
				expect(await shapes(raw)).toStrictEqual(CURRENT_SHAPE);
				for (const store of Object.keys(CURRENT_SHAPE)) {
					const expected = upgradedRecords(fixture.version, store, fixture.stores[store]?.records);
					const actual = await records(raw, store);
					expect(actual.map((r) => r.key)).toStrictEqual(expected.map((r) => r.key));
					for (const [i, row] of expected.entries())
						expect(actual[i], `${store} ${String(row.key)}`).toStrictEqual(row);
				}
				db.close();
			});

			it("today's code reads the upgraded data, with defaults for what that version lacked", async () => {
				const name = freshName(`read-v${fixture.version}`);
				await restoreFixture(name, fixture);
				const db = await openDatabase(name);
				const stored = (fixture.stores.captures?.records ?? []).map((r) => r.value as StoredCapture);
				const draft: Capture[] = stored
					.filter((c) => c.issueKey === 0)
					.map(({ issueKey: _issueKey, ...c }) => c)
					.sort(byPosition);
				expect(await listDraft(db)).toStrictEqual(draft);
				const issues = upgradedRecords(fixture.version, "issues", fixture.stores.issues?.records).map((r) => r.value);
				expect(await listSentIssues(db)).toStrictEqual([...issues].reverse());
				for (const issue of issues as Array<{ number: number }>) {
					expect(await getSentIssue(db, issue.number)).toStrictEqual(issue);
				}
				expect(await loadNewsletter(db)).toStrictEqual(setting(fixture, "newsletter") ?? DEFAULT_NEWSLETTER);
				const draftMeta = upgradedRecords(fixture.version, "settings", fixture.stores.settings?.records).find(
					(r) => r.key === "draft",
				)?.value;
				expect(await loadDraftMeta(db, "2030-01-01")).toStrictEqual(draftMeta ?? newIssueMeta(1, "2030-01-01"));
				expect(await loadLastSection(db)).toBe(setting(fixture, "lastSection"));
				expect(await loadGroups(db)).toStrictEqual(setting(fixture, "groups") ?? []);
				expect(await loadTemplates(db)).toStrictEqual(setting(fixture, "templates") ?? {});
				expect(await loadTrackingParams(db)).toStrictEqual(
					setting(fixture, "trackingParams") ?? [...DEFAULT_TRACKING_PARAMS],
				);
				db.close();
			});
		});
	}

	it("the fixtures hold what curators store: notes, quotes, via, groups, sent issues, unsaved edits", () => {
		const has = (f: Fixture, store: string, test: (value: Record<string, unknown>) => boolean) =>
			(f.stores[store]?.records ?? []).some((r) => test(r.value as Record<string, unknown>));
		for (const f of fixtures) {
			const label = `v${f.version}`;
			expect(
				has(f, "captures", (c) => c.issueKey === 0 && c.note !== ""),
				label,
			).toBe(true);
			expect(
				has(f, "captures", (c) => typeof c.quote === "string" && typeof c.quoteUrl === "string"),
				label,
			).toBe(true);
			expect(
				has(f, "captures", (c) => typeof (c.via as { url?: unknown })?.url === "string"),
				label,
			).toBe(true);
			expect(
				has(f, "captures", (c) => typeof c.group === "string"),
				label,
			).toBe(true);
			expect(
				has(f, "captures", (c) => c.incomplete === true),
				label,
			).toBe(true);
			expect(setting(f, "newsletter"), label).toBeDefined();
			expect(setting(f, "draft"), label).toBeDefined();
			expect(setting(f, "lastSection"), label).toBeDefined();
			if (f.version >= 2) {
				expect(
					has(f, "captures", (c) => c.issueKey !== 0),
					label,
				).toBe(true);
				expect(
					has(f, "captures", (c) => c.held === true),
					label,
				).toBe(true);
				expect(f.stores.issues?.records.length, label).toBeGreaterThan(0);
				for (const key of ["groups", "templates", "trackingParams"])
					expect(setting(f, key), `${label} ${key}`).toBeDefined();
			}
			if (f.version < 3) expect(f.stores.unsaved?.records.length, label).toBeGreaterThan(0);
		}
	});

	it("an open connection steps aside when a newer version needs to upgrade", async () => {
		const name = freshName("blocking");
		const old = await openDatabase(name, 1);
		const newer = await openDB(name, 2, { upgrade() {} });
		expect(newer.version).toBe(2);
		expect(() => old.transaction("captures")).toThrow();
		newer.close();
	});
});
