import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
	checkSource,
	describeFindings,
	forbidCalls,
	forbidGlobals,
	forbidImport,
	noDynamicImport,
	noTopLevelCalls,
	type Rule,
} from "../helpers/purity.ts";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.tsx?$/.test(name) ? [path] : [];
	});
}

function offenders(dirs: readonly string[], rules: readonly Rule[]): string[] {
	return dirs.flatMap((dir) =>
		files(join(ROOT, dir)).flatMap((file) =>
			describeFindings(relative(ROOT, file), checkSource(readFileSync(file, "utf8"), rules, file)),
		),
	);
}

/** What src/core may not touch: it runs unchanged in Node, vitest and the browser, with time and ids as arguments. */
const CORE_RULES: readonly Rule[] = [
	forbidImport(/^(webextension-polyfill|idb|preact)(\/|$)/),
	forbidImport(/^\.\.?\/(\.\.\/)*(db|platform|page)\//),
	forbidImport(/^node:/),
	noDynamicImport,
	forbidGlobals([
		// Browser and extension globals (`self.indexedDB` reaches storage through `self`).
		"chrome",
		"browser",
		"self",
		"window",
		"globalThis",
		"document",
		"navigator",
		"location",
		"localStorage",
		"sessionStorage",
		"indexedDB",
		"caches",
		// The clock, in every form: `new Date`, `Date.now()`, `performance.now()`. Dates are
		// calendar strings handled by pure arithmetic in src/core/dates.ts.
		"Date",
		"performance",
		// Randomness and the network.
		"crypto",
		"fetch",
		"XMLHttpRequest",
		"WebSocket",
		"EventSource",
		// Timers: core code never waits.
		"setTimeout",
		"setInterval",
		"requestAnimationFrame",
		"requestIdleCallback",
		"queueMicrotask",
		// Code from strings.
		"eval",
		"Function",
		// Node's globals would break the browser build.
		"process",
		"Buffer",
		"require",
	]),
	forbidCalls(["Math.random"]),
	noTopLevelCalls,
];

describe("the purity checker catches what it is meant to", () => {
	const found = (source: string, rules = CORE_RULES) => checkSource(source, rules).map((f) => f.rule);

	it("catches a browser global reached through self, and storage, clock and randomness", () => {
		expect(found("export const open = () => self.indexedDB.open('x');")).toEqual(["global self"]);
		expect(found("export function f() { return indexedDB.open('x'); }")).toEqual(["global indexedDB"]);
		expect(found("export const t = () => performance.now();")).toEqual(["global performance"]);
		expect(found("export const r = () => Math.random();")).toEqual(["Math.random()"]);
		expect(found("export const g = () => globalThis['fetch'];")).toEqual(["global globalThis"]);
	});

	it("catches every new Date, with or without a time, and Date.now", () => {
		expect(found("export const a = () => new Date();")).toEqual(["global Date"]);
		expect(found("export const b = (ms: number) => new Date(ms).toISOString();")).toEqual(["global Date"]);
		expect(found("export const c = () => Date.now();")).toEqual(["global Date"]);
	});

	it("catches a dynamic import", () => {
		expect(found("export async function load() { return import('./other.ts'); }")).toEqual(["dynamic import()"]);
	});

	it("catches a call that runs at import time in a top-level declaration", () => {
		expect(found("import { openDB } from 'x';\nexport const db = openDB('linkletter', 3);", [noTopLevelCalls])).toEqual(
			["top-level call openDB"],
		);
		expect(found("const thing = makeThing();", [noTopLevelCalls])).toEqual(["top-level call makeThing"]);
		expect(found("export const parser = new Parser({ smart: false });", [noTopLevelCalls])).toEqual([
			"top-level call Parser",
		]);
		expect(found("const table = { parsed: parse(SOURCE) };", [noTopLevelCalls])).toEqual(["top-level call parse"]);
		expect(found("start();", [noTopLevelCalls])).toEqual(["top-level call start"]);
		expect(found("class A { static db = openDB('x'); }", [noTopLevelCalls])).toEqual(["top-level call openDB"]);
	});

	it("lets a schema be declared at top level with valibot or src/core/schema, and still catches calls beside it", () => {
		expect(
			found('import * as v from "valibot";\nexport const s = v.pipe(v.string(), v.minLength(1));', [noTopLevelCalls]),
		).toEqual([]);
		expect(
			found('import { strict, text } from "./schema/fields.ts";\nconst c = strict({ t: text() });', [noTopLevelCalls]),
		).toEqual([]);
		expect(
			found('import * as v from "valibot";\nconst s = v.parse(v.string(), readSettings());', [noTopLevelCalls]),
		).toEqual(["top-level call readSettings"]);
		expect(found("function text() { return load(); }\nconst t = text();", [noTopLevelCalls])).toEqual([
			"top-level call text",
		]);
	});

	it("lets constants be built and functions be declared", () => {
		const fine = [
			"export const TAGS = new Set(['a', 'b']);",
			"export const FROZEN = Object.freeze({ a: 1 });",
			"const KEY = Symbol('key');",
			"const NAMES = ['a', 'b'].map((n) => n.toUpperCase());",
			"export const lazy = () => openDB('x');",
			"export function start() { return new Parser(); }",
			"class A { db = openDB('x'); method() { return make(); } }",
			"export const handlers = { open: () => openDB('x') };",
		];
		for (const source of fine) expect(found(source, [noTopLevelCalls]), source).toEqual([]);
	});

	it("is not fooled by strings, comments, property names, types or local names", () => {
		const fine = [
			"export const hint = 'call self.indexedDB or new Date() or import(\"x\")';",
			"// performance.now() and Date.now() in a comment\nexport const x = 1;",
			"/* window.location */ export const y = 2;",
			"export const size = (o: { window: number; self: string }) => o.window + o.self.length;",
			"export type T = typeof window;",
			"export interface Clock { performance: Date }",
			"export function f(document: { title: string }) { return document.title; }",
			"export const calendar = { Date: 1 }.Date;",
		];
		for (const source of fine) expect(found(source), source).toEqual([]);
	});

	it("catches forbidden imports and re-exports", () => {
		expect(found("import { openDB } from 'idb';")).toEqual(["import idb"]);
		expect(found("export * from '../db/open.ts';")).toEqual(["import ../db/open.ts"]);
		expect(found("import browser from 'webextension-polyfill';")).toEqual(["import webextension-polyfill"]);
	});
});

describe("architecture boundaries", () => {
	it("src/core is pure: no browser APIs, storage, DOM globals, clock, randomness or dynamic imports", () => {
		expect(offenders(["src/core"], CORE_RULES)).toEqual([]);
	});

	it("only src/platform imports webextension-polyfill or reaches chrome.*", () => {
		const rules = [forbidImport(/^webextension-polyfill$/), forbidGlobals(["chrome"])];
		expect(offenders(["src/core", "src/db", "src/page", "popup", "options"], rules)).toEqual([]);
	});

	it("page code takes a Document and uses no extension API", () => {
		const rules = [forbidImport(/^\.\.\/(platform|db)\//), forbidGlobals(["chrome", "browser"])];
		expect(offenders(["src/page"], rules)).toEqual([]);
	});

	it("nothing runs at import time in src/db, src/platform, src/core or src/page", () => {
		expect(offenders(["src/db", "src/platform", "src/core", "src/page"], [noTopLevelCalls])).toEqual([]);
	});

	it("no extension code loads modules at run time (MV3 forbids it in the service worker)", () => {
		// popup/ is the exception: a page, never reached by the worker, that paints its form before it loads the app;
		// so is the options page's first script (options/boot.ts), which starts the database read before it loads the app.
		expect(offenders(["src", "options"], [noDynamicImport]).filter((f) => !f.startsWith("options/boot.ts"))).toEqual(
			[],
		);
	});
});
