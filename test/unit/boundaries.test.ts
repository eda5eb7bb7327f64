import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.tsx?$/.test(name) ? [path] : [];
	});
}

/** Strip comments and string contents so only code is checked. */
function code(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

function offenders(dir: string, patterns: RegExp[]): string[] {
	return files(join(ROOT, dir)).flatMap((file) => {
		const text = code(readFileSync(file, "utf8"));
		return patterns.filter((p) => p.test(text)).map((p) => `${relative(ROOT, file)}: ${p}`);
	});
}

describe("architecture boundaries", () => {
	it("src/core is pure: no browser APIs, storage, DOM globals, clock or randomness", () => {
		expect(
			offenders("src/core", [
				/from\s+["'](webextension-polyfill|idb|preact)/,
				/from\s+["']\.\.?\/(\.\.\/)*(db|platform|page)\//,
				/\b(chrome|browser)\.\w/,
				/\b(window|document|navigator|localStorage|indexedDB|location)\b\s*[.[]/,
				/\bDate\.now\(/,
				/\bnew Date\(\s*\)/,
				/\bMath\.random\(/,
				/\b(eval|Function)\s*\(/,
				/\b(fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval|requestAnimationFrame)\s*\(/,
				/\bglobalThis\b/,
				/\bcrypto\.(randomUUID|getRandomValues)\(/,
			]),
		).toEqual([]);
	});

	it("only src/platform imports webextension-polyfill", () => {
		const outside = ["src/core", "src/db", "src/page", "popup", "options"].flatMap((dir) =>
			offenders(dir, [/from\s+["']webextension-polyfill["']/, /\bchrome\.\w/]),
		);
		expect(outside).toEqual([]);
	});

	it("page code takes a Document and uses no extension API", () => {
		expect(offenders("src/page", [/from\s+["']\.\.\/(platform|db)\//, /\b(chrome|browser)\.\w/])).toEqual([]);
	});

	it("nothing but entry points runs at import time (no openDB or storage reads at top level)", () => {
		const topLevelCalls = ["src/db", "src/platform", "src/core", "src/page"].flatMap((dir) =>
			offenders(dir, [/^(openDatabase|openDB|start)\(/m]),
		);
		expect(topLevelCalls).toEqual([]);
	});
});
