/**
 * Writes test/fixtures/db/vN.json: a database as each shipped schema version
 * left it, written by THAT version's own code. For every version the script
 * extracts src/ of the commit that shipped it (`git archive`) into a temporary
 * folder, opens the database with that version's openDatabase under
 * fake-indexeddb, seeds it through that version's own save functions (the
 * calls its popup and options page made), and dumps every store: its shape
 * (keyPath, indexes) and every record with its key.
 *
 * test/db/migrations.test.ts loads each file into a database built with only
 * the first N migration steps of today's code, opens it at today's version and
 * compares every record, so an edited shipped step fails that test.
 *
 * Regenerate (an explicit command, never part of `npm test`; read the diff):
 *
 *     npx tsx scripts/make-db-fixture.ts          # every version
 *     npx tsx scripts/make-db-fixture.ts 2        # only v2
 *
 * A new schema version adds a row to VERSIONS (the commit that ships it) and
 * never changes an existing row: old fixtures are data that already exists in
 * curators' browsers.
 */
import "fake-indexeddb/auto";
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { openDB } from "idb";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "test/fixtures/db");

/** The last commit at each schema version (the code curators ran with that version). */
const VERSIONS: ReadonlyArray<{ version: number; commit: string }> = [
	{ version: 1, commit: "4c63af5" },
	{ version: 2, commit: "fb1841e" },
	{ version: 3, commit: "d51d5f2" },
	{ version: 4, commit: "dcfa893" },
];

// Old code is loaded at run time from another tree; its functions are called loosely.
// biome-ignore lint/suspicious/noExplicitAny: modules of another commit have no types here
type Module = Record<string, any>;
type Load = (path: string) => Promise<Module>;

const T = 1_772_442_000_000; // 2026-03-02T09:00:00Z: a fixed clock, so a rerun writes the same file
const at = (minutes: number) => T + minutes * 60_000;

const NEWSLETTER = {
	name: "Ops Digest",
	titleTemplate: "{{newsletter}} #{{number}}",
	sections: [
		{ id: "articles", name: "Articles", layout: "entries" },
		{ id: "tools", name: "Tools", layout: "entries" },
		{ id: "outages", name: "Outages", layout: "list" },
		{ id: "talks", name: "Talks & videos", layout: "entries" },
	],
};

const MD_TEMPLATE = `# {{ issue.title }}
{%- for section in issue.sections %}

## {{ section.name }}
{%- endfor %}
`;

/** Seed a database through the given version's own modules, as a curator's week would. */
async function seed(version: number, name: string, load: Load): Promise<void> {
	const { openDatabase } = await load("db/open.ts");
	const captures = await load("db/captures.ts");
	const settings = await load("db/settings.ts");
	const { saveCapture } = await load("db/save-capture.ts");
	const { normalizeCapture, editCapture } = await load("core/capture.ts");
	const db = await openDatabase(name, version);
	const unsaved = version < 3 ? await load("db/unsaved.ts") : undefined;
	// v1's popup removed the page's unsaved edit as it saved; v3 keeps unsaved edits outside IndexedDB.
	const save = (capture: { url: string }) => saveCapture(db, capture, unsaved ? { unsavedUrl: capture.url } : {});

	const sponsor = {
		name: "Acme Pager",
		text: "On-call that *sleeps* when you do.",
		linkText: "Try it",
		url: "https://acme.example/pager",
	};
	// v4: nested sections, issue fields, partials, a style map; several sponsors; recurring details.
	const model = version >= 4;
	await settings.saveNewsletter(
		db,
		model
			? {
					...NEWSLETTER,
					sections: [
						...NEWSLETTER.sections,
						{ id: "eu", name: "Europe", layout: "entries", parent: "talks", partial: "card", notesOptional: true },
						{ id: "cfp", name: "Calls for papers", layout: "list", keepWhenEmpty: true, emptyText: "None this week." },
					],
					fields: [
						{ id: "summary", label: "Summary", type: "markdown" },
						{ id: "forum", label: "Discussion", type: "text", recurring: true },
					],
					partials: { md: { card: "**{{ entry.title }}**" } },
					htmlStyles: { h2: "color:#c00;" },
				}
			: NEWSLETTER,
	);
	await settings.saveDraftMeta(db, {
		number: 40,
		date: "2026-03-06",
		intro: "Welcome back. This week: **queues**, retries and one *very* long outage.",
		outro: "Reply with links — I read every one.",
		...(model
			? {
					sponsors: [
						{ ...sponsor, recurring: true },
						{ name: "Beta DB", text: "Just this week." },
					],
					outroRecurring: true,
					fields: { summary: "Queues *everywhere*.", forum: "https://forum.example/t/40" },
					sectionIntros: { outages: "A rough week." },
				}
			: { sponsor }),
		...(version >= 3 ? { autoDate: true } : {}),
	});
	if (version >= 2) {
		await settings.saveTemplates(db, { md: MD_TEMPLATE });
		await settings.saveTrackingParams(db, ["utm_*", "fbclid", "ref"]);
	}

	const retries = normalizeCapture(
		{
			url: "https://blog.example/retries",
			title: "Retries considered harmful",
			note: "Why *jittered* backoff beats fixed delays.\n\nSee [the paper](https://paper.example/backoff.pdf).",
			section: "articles",
			quote: "Retry storms are outages\nwaiting to happen.",
			quoteUrl: "https://blog.example/retries#:~:text=Retry%20storms",
			via: { name: "Jane Ops", url: "https://social.example/@jane" },
			author: "Ana López",
			siteName: "Ops Blog",
			publishedAt: "2026-02-27",
			description: "A field guide to retry budgets.",
			image: "https://blog.example/retries.png",
			lang: "en",
			...(model ? { tags: ["retries", "queues"], fields: { level: "advanced" }, sponsored: true } : {}),
		},
		{ now: at(10), id: "cap-retries" },
	);
	const outage = normalizeCapture(
		{
			url: "https://status.example/incidents/981",
			title: "S3 elevated errors in us-east-1",
			note: "",
			section: "outages",
			group: "AWS",
		},
		{ now: at(20), id: "cap-outage-aws" },
	);
	const outage2 = normalizeCapture(
		{
			url: "https://status.example/incidents/982",
			title: "Queue delays",
			note: "Six hours.",
			section: "outages",
			group: "Fastly",
		},
		{ now: at(25), id: "cap-outage-fastly" },
	);
	const tool = normalizeCapture(
		{
			url: "https://tools.example/naïve-tracer",
			title: "naïve tracer — 日本語 🚀",
			note: "A <b>tiny</b> tracer; `pip install tracer` & go.",
			section: "tools",
			via: { name: "a reader" },
			...(version >= 2 ? { held: true } : {}),
		},
		{ now: at(30), id: "cap-tool" },
	);
	const gone = normalizeCapture(
		{ url: "https://blog.example/dup", title: "Saved twice", note: "", section: "articles" },
		{ now: at(35), id: "cap-deleted" },
	);

	if (unsaved) {
		await unsaved.putUnsaved(db, { url: retries.url, note: "Why jittered…", updatedAt: at(9) });
		await unsaved.putUnsaved(db, {
			url: "https://blog.example/half-read",
			title: "Half read",
			note: "Started typing, then the popup closed",
			quote: "> the part I liked",
			section: "talks",
			group: "",
			...(version >= 2 ? { via: "Jane Ops" } : {}),
			updatedAt: at(40),
		});
	}
	for (const capture of [retries, outage, outage2, tool, gone]) await save(capture);
	if (model) {
		const again = normalizeCapture(
			{ url: retries.url, title: retries.title, note: "Also a talk.", section: "articles" },
			{
				now: at(36),
				id: "cap-retries-talk",
			},
		);
		await saveCapture(db, again, { alsoIn: "talks" });
	}
	const edited = editCapture(retries, { note: `${retries.note}\n\nUpdated after the author replied.` }, at(50));
	await captures.updateCapture(db, edited, retries.updatedAt);
	await captures.deleteCapture(db, gone.id, gone.updatedAt);
	await captures.addCaptures(db, [
		normalizeCapture(
			{ url: "https://video.example/watch?v=talk", title: "SREcon talk", section: "talks", incomplete: true },
			{ now: at(60), id: "cap-incomplete" },
		),
	]);
	if (version === 1) {
		db.close();
		return;
	}

	const { saveLink } = await load("db/save-link.ts");
	await saveLink(
		db,
		{ url: "https://news.example/item?id=5&utm_medium=email", text: "Discussion" },
		{ now: at(70), id: "cap-link" },
	);
	const before: typeof NEWSLETTER = model ? await settings.loadNewsletter(db) : NEWSLETTER;
	await (await load("db/sections.ts")).saveSections(db, {
		...before,
		sections: before.sections.map((s) => (s.id === "talks" ? { ...s, name: "Talks" } : s)),
	});

	// Publishing day: send #40; the held tool stays in the draft for #41.
	const draft: Array<{ held?: boolean; updatedAt: number }> = await captures.listDraft(db);
	const included = draft.filter((c) => !c.held);
	const carried = draft
		.filter((c) => c.held)
		.map(({ held: _held, ...c }) => ({ next: { ...c, updatedAt: at(90) }, expectedUpdatedAt: c.updatedAt }));
	const meta = await settings.loadDraftMeta(db, "2026-03-06");
	const { autoDate: _autoDate, ...sentMeta } = meta;
	const newsletter = await settings.loadNewsletter(db);
	const templates = await settings.loadTemplates(db);
	const issue: Module = {
		number: meta.number,
		sentAt: at(90),
		newsletter,
		meta: sentMeta,
		captures: included,
		templates,
	};
	if (version >= 3) {
		const { compileIssue } = await load("core/issue.ts");
		const render = await load("core/render/index.ts");
		issue.templates = { ...render.DEFAULT_TEMPLATES, ...templates };
		issue.outputs = render.renderFormats(compileIssue(included, newsletter, sentMeta), render.FORMATS, issue.templates);
	}
	const { newIssueMeta } = await load("core/newsletter.ts");
	await (await load("db/issues.ts")).sendIssue(db, issue, newIssueMeta(meta.number + 1, "2026-03-06"), carried);

	await save(
		normalizeCapture(
			{
				url: "https://blog.example/after",
				title: "Saved after sending",
				note: "For #42, not #41.",
				section: "articles",
				quote: "A *quote*.",
				held: true,
			},
			{ now: at(120), id: "cap-next" },
		),
	);
	db.close();
}

type Shape = { keyPath: string | string[] | null; autoIncrement: boolean; indexes: Record<string, unknown> };

/** Every store's shape and records (in key order), as plain JSON. */
async function dump(name: string) {
	const db = await openDB(name);
	const stores: Record<string, Shape & { records: Array<{ key: IDBValidKey; value: unknown }> }> = {};
	for (const storeName of [...db.objectStoreNames].sort()) {
		const store = db.transaction(storeName).store;
		const indexes: Record<string, unknown> = {};
		for (const indexName of [...store.indexNames].sort()) {
			const index = store.index(indexName);
			indexes[indexName] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
		}
		const records: Array<{ key: IDBValidKey; value: unknown }> = [];
		for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
			records.push({ key: cursor.key, value: cursor.value });
		}
		stores[storeName] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records };
	}
	const version = db.version;
	db.close();
	const json = JSON.parse(JSON.stringify(stores));
	// JSON would silently drop undefined fields, Dates or Maps: the fixture must be the records exactly.
	if (!isDeepStrictEqual(json, stores))
		throw new Error("A stored record does not survive JSON; extend the dump format.");
	return { version, stores: json as typeof stores };
}

async function main(): Promise<void> {
	const only = process.argv.slice(2).map(Number);
	mkdirSync(OUT, { recursive: true });
	for (const { version, commit } of VERSIONS) {
		if (only.length > 0 && !only.includes(version)) continue;
		const sha = execSync(`git rev-parse ${commit}^{commit}`, { cwd: ROOT, encoding: "utf8" }).trim();
		const tree = mkdtempSync(join(tmpdir(), `linkletter-v${version}-`));
		try {
			execSync(`git archive ${sha} src | tar -x -C ${JSON.stringify(tree)}`, { cwd: ROOT });
			// The old tree resolves idb and friends from this checkout's node_modules.
			symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"));
			const load: Load = (path) => import(pathToFileURL(join(tree, "src", path)).href);
			const name = `fixture-v${version}`;
			await seed(version, name, load);
			const { version: stored, stores } = await dump(name);
			if (stored !== version) throw new Error(`v${version}'s code left the database at version ${stored}`);
			const file = join(OUT, `v${version}.json`);
			writeFileSync(file, `${JSON.stringify({ version, commit: sha, stores }, null, "\t")}\n`);
			const counts = Object.entries(stores).map(([store, s]) => `${store} ${s.records.length}`);
			console.log(`v${version} (${sha.slice(0, 7)}): ${counts.join(", ")} → ${file}`);
		} finally {
			rmSync(tree, { recursive: true, force: true });
		}
	}
}

await main();
