import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/compile.ts";
import { serializeBackup } from "../../src/core/backup.ts";
import { normalizeCapture } from "../../src/core/capture.ts";
import { DEFAULT_NEWSLETTER } from "../../src/core/newsletter.ts";
import { ACCEPTED, REFUSED } from "../fixtures/backups/hostile.ts";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "test/fixtures/issues/sre-weekly-90");

/** The CLI as `npm run build` builds it (vite.cli.config.ts), built afresh for this file so it is never stale. */
const built = join(mkdtempSync(join(tmpdir(), "linkletter-cli-build-")), "compile.mjs");

beforeAll(() => {
	const vite = join(ROOT, "node_modules/vite/bin/vite.js");
	const result = spawnSync(
		process.execPath,
		[vite, "build", "-c", "vite.cli.config.ts", "--outDir", dirname(built), "--emptyOutDir", "--logLevel", "error"],
		{ cwd: ROOT, encoding: "utf8", timeout: 120_000 },
	);
	if (result.status !== 0) throw new Error(`building the CLI failed: ${result.stderr}`);
}, 120_000);

afterAll(() => rmSync(dirname(built), { recursive: true, force: true }));

/** Run the CLI as `npm run compile -- …` does: plain node on the built JavaScript, no tsx. */
function compile(...args: string[]) {
	const result = spawnSync(process.execPath, [built, ...args], {
		cwd: ROOT,
		encoding: "utf8",
		timeout: 30_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's own main(), in this process: for checking many files without a process each. */
function compileHere(...args: string[]) {
	let stdout = "";
	let stderr = "";
	const status = main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
	return { status, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), "linkletter-cli-"));

describe("npm run compile", () => {
	it("prints expected.md byte for byte for the example issue", () => {
		const { status, stdout, stderr } = compile(join(EXAMPLE, "issue.json"), "--format", "md");
		expect(stderr).toBe("");
		expect(status).toBe(0);
		expect(stdout).toBe(readFileSync(join(EXAMPLE, "expected.md"), "utf8"));
	});

	it("prints the other formats, and accepts --format=json and the file's own --issue number", () => {
		const html = compile(join(EXAMPLE, "issue.json"), "--format", "html");
		expect(html.status).toBe(0);
		expect(html.stdout).toBe(readFileSync(join(EXAMPLE, "issue.expected.html"), "utf8"));
		const json = compile(join(EXAMPLE, "issue.json"), "--format=json", "--issue", "90");
		expect(json.status).toBe(0);
		expect(JSON.parse(json.stdout).title).toBe("SRE Weekly Issue #90");
	});

	it("renders with a curator's template file", () => {
		const template = join(scratch, "titles.txt");
		writeFileSync(template, "{% for s in issue.sections %}{{ s.name }}: {{ s.entries.size }}\n{% endfor %}");
		const { status, stdout } = compile(join(EXAMPLE, "issue.json"), "--format", "txt", "--template", template);
		expect(status).toBe(0);
		expect(stdout).toBe("Articles: 13\nOutages: 5\n");
	});

	it("compiles a backup: the draft with the curator's template, or a sent issue as it was sent", () => {
		const capture = (title: string, issue: number | null) =>
			normalizeCapture({ section: "articles", url: `https://a.example/${title}`, title, issue }, { id: title, now: 1 });
		const sentMeta = { number: 89, date: "2024-01-04", intro: "", outro: "" };
		const backup = write(
			"backup.json",
			serializeBackup({
				exportedAt: "2024-01-10T10:00:00.000Z",
				newsletter: DEFAULT_NEWSLETTER,
				draft: { number: 90, date: "2024-01-11", intro: "", outro: "" },
				captures: [capture("draft-link", null), capture("sent-link", 89)],
				issues: [
					{
						number: 89,
						sentAt: 1,
						newsletter: DEFAULT_NEWSLETTER,
						meta: sentMeta,
						captures: [capture("sent-link", 89)],
						templates: {
							txt: "sent: {% for s in issue.sections %}{% for e in s.entries %}{{ e.title }}{% endfor %}{% endfor %}",
						},
					},
				],
				templates: { txt: "draft {{ issue.number }}: {{ issue.sections.first.entries.first.title }}" },
				trackingParams: [],
			}),
		);
		expect(compile(backup, "--format", "txt").stdout).toBe("draft 90: draft-link");
		expect(compile(backup, "--format", "txt", "--issue", "89").stdout).toBe("sent: sent-link");
		const md = compile(backup, "--format", "md", "--issue", "89");
		expect(md.stdout).toContain(
			"# My Newsletter Issue #89\n\n## Articles\n\n### [sent-link](https://a.example/sent-link)",
		);
		const frozen = write(
			"frozen.json",
			readFileSync(backup, "utf8").replace(
				'"templates": {\n        "txt"',
				'"outputs": {\n        "txt": "exactly as it went out\\n"\n      },\n      "templates": {\n        "txt"',
			),
		);
		expect(compile(frozen, "--format", "txt", "--issue", "89").stdout).toBe("exactly as it went out\n");
		const missing = compile(backup, "--issue", "12");
		expect([missing.status, missing.stderr.trim()]).toEqual([
			1,
			`compile: ${backup}: issue 12 is not in this backup (it holds 90, 89)`,
		]);
	}, 30_000);

	it.each<[string, () => string[], string]>([
		["a file that is not JSON", () => [write("broken.json", "{ nope")], "not valid JSON"],
		[
			"a capture with a bad URL",
			() => [
				write(
					"bad-url.json",
					readFileSync(join(EXAMPLE, "issue.json"), "utf8").replace("https://example.com/sad-path", "ftp://x"),
				),
			],
			"captures[3].url: expected an http(s) URL",
		],
		["a file that does not exist", () => [join(scratch, "missing.json")], "file not found"],
		[
			"an issue the file does not hold",
			() => [join(EXAMPLE, "issue.json"), "--issue", "12"],
			"issue 12 is not in this file",
		],
		[
			"a broken template",
			() => [join(EXAMPLE, "issue.json"), "--template", write("t.liquid", "{% if x %}")],
			"line 1, column 1",
		],
	])(
		"fails with one line on stderr and exit code 1 for %s",
		(_, args, message) => {
			const { status, stdout, stderr } = compile(...args());
			expect(status).toBe(1);
			expect(stdout).toBe("");
			expect(stderr).toContain(message);
			expect(stderr.trimEnd().split("\n")).toHaveLength(1);
		},
		30_000,
	);

	it("refuses every malformed or hostile file with the reader's own message, the one the options page shows", () => {
		for (const [i, c] of REFUSED.entries()) {
			const path = write(`refused-${i}.json`, c.text);
			expect({ file: c.name, ...compileHere(path, "--format", "txt") }).toEqual({
				file: c.name,
				status: 1,
				stdout: "",
				stderr: `compile: ${path}: ${c.message}\n`,
			});
		}
		// And as a process: one of them end to end.
		const deep = REFUSED.find((c) => c.name.includes("100,000 levels")) as (typeof REFUSED)[number];
		const path = write("deep.json", deep.text);
		expect(compile(path)).toEqual({ status: 1, stdout: "", stderr: `compile: ${path}: ${deep.message}\n` });
	});

	it("reads a file with a UTF-8 byte order mark as the same file without it", () => {
		for (const c of ACCEPTED) {
			const withMark = compileHere(write("bom.json", c.text), "--format", "md");
			expect(withMark.stderr).toBe("");
			expect(withMark.status).toBe(0);
			expect(withMark.stdout).toBe(compileHere(write("no-bom.json", c.same), "--format", "md").stdout);
		}
	});

	it.each<[string, string[], string]>([
		["no FILE", ["--format", "md"], "FILE is missing"],
		["an unknown format", [join(EXAMPLE, "issue.json"), "--format", "pdf"], 'unknown format "pdf"'],
		["an unknown option", [join(EXAMPLE, "issue.json"), "--verbose"], "unknown option --verbose"],
		[
			"an issue that is not a number",
			[join(EXAMPLE, "issue.json"), "--issue", "ninety"],
			"--issue expects an issue number",
		],
	])("rejects %s with a one-line usage error and exit code 2", (_, args, message) => {
		const { status, stdout, stderr } = compile(...args);
		expect(status).toBe(2);
		expect(stdout).toBe("");
		expect(stderr).toContain(message);
		expect(stderr).toContain("usage: npm run compile -- FILE");
		expect(stderr.trimEnd().split("\n")).toHaveLength(1);
	});
});

function write(name: string, text: string): string {
	const path = join(scratch, name);
	writeFileSync(path, text);
	return path;
}
