import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { normalizeCapture } from "../../src/core/capture.ts";
import { compileIssue } from "../../src/core/issue.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { FORMATS, renderIssue } from "../../src/core/render/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(m?js|ts)$/.test(name) ? [path] : [];
	});
}

/** The folder of a package as the given module would load it. */
function packageDir(name: string, from = require): string {
	let dir = dirname(from.resolve(name));
	while (!statSync(join(dir, "package.json"), { throwIfNoEntry: false })) dir = dirname(dir);
	return dir;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe("templates are interpreted, never evaluated (extension pages forbid eval)", () => {
	it("contain no eval or new Function, in our template and render code or in the Markdown parser they run", () => {
		const commonmark = packageDir("commonmark");
		const fromCommonmark = createRequire(join(commonmark, "package.json"));
		const dirs = [
			join(ROOT, "src/core/template"),
			join(ROOT, "src/core/render"),
			join(commonmark, "lib"),
			join(commonmark, "dist"),
			packageDir("entities", fromCommonmark),
			packageDir("mdurl", fromCommonmark),
		];
		const files = dirs.flatMap(sources);
		expect(files.length).toBeGreaterThan(30);
		const offenders = files.filter((file) =>
			/\bnew Function\s*\(|\beval\s*\(|\bFunction\s*\(\s*["'`]/.test(readFileSync(file, "utf8")),
		);
		expect(offenders).toEqual([]);
	});

	it("render every format with eval and Function disabled", () => {
		const capture = normalizeCapture(
			{
				section: "articles",
				url: "https://a.example",
				title: "T",
				note: "With [a link](https://l.example) and *emphasis*.",
			},
			{ id: "a", now: 1 },
		);
		const issue = compileIssue([capture], DEFAULT_NEWSLETTER, {
			number: 1,
			date: "2024-01-01",
			intro: "Hi",
			outro: "",
		});
		const forbidden = () => {
			throw new Error("eval is not allowed");
		};
		vi.stubGlobal("eval", forbidden);
		vi.stubGlobal("Function", forbidden);
		for (const format of FORMATS) {
			expect(
				renderIssue(issue, format, `{% for s in issue.sections %}{{ s.name | upcase }}{% endfor %} ${format}`),
			).toBe(`ARTICLES ${format}`);
			expect(renderIssue(issue, format)).toContain("T");
		}
	});
});
