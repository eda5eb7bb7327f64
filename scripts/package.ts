/**
 * npm run package: build both release targets and write what each store takes,
 * into dist/packages (or PACKAGE_OUT):
 *   linkletter-chrome-VERSION.zip   the Chrome Web Store upload (dist/chrome)
 *   linkletter-firefox-VERSION.zip  the addons.mozilla.org upload, made by `web-ext build`
 *   linkletter-source-VERSION.zip   the source AMO reviewers rebuild from (every tracked file)
 * The zips are reproducible: entries sorted, every timestamp SOURCE_DATE_EPOCH
 * (default: the last commit's time), so two runs give the same bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { readZip, writeZip, type ZipEntry } from "./zip.ts";

const ROOT = resolve(import.meta.dirname, "..");
const out = resolve(ROOT, process.env.PACKAGE_OUT ?? "dist/packages");
const version: string = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).version;
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
	execFileSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });

const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? run("git", ["log", "-1", "--format=%ct"]).toString().trim());

function filesIn(dir: string): ZipEntry[] {
	const walk = (d: string): string[] =>
		readdirSync(d).flatMap((name) => {
			const path = join(d, name);
			return statSync(path).isDirectory() ? walk(path) : [path];
		});
	return walk(dir).map((path) => ({ name: relative(dir, path).split("\\").join("/"), data: readFileSync(path) }));
}

mkdirSync(out, { recursive: true });
const written: { file: string; bytes: number }[] = [];
function save(name: string, zip: Buffer): void {
	writeFileSync(join(out, name), zip);
	written.push({ file: relative(ROOT, join(out, name)), bytes: zip.length });
}

// Release builds whoever runs this: a NODE_ENV inherited from the caller (vitest sets "test") would keep
// Preact's and our development-only code in the zips.
run("npm", ["run", "build"], { BROWSER: "chrome", LINKLETTER_TEST: "", NODE_ENV: "production" });
run("npm", ["run", "build"], { BROWSER: "firefox", LINKLETTER_TEST: "", NODE_ENV: "production" });
save(`linkletter-chrome-${version}.zip`, writeZip(filesIn(join(ROOT, "dist/chrome")), epoch));

// AMO's own packager decides what goes in; its zip carries the build time, so it is re-written reproducibly.
const scratch = mkdtempSync(join(tmpdir(), "linkletter-webext-"));
try {
	run("npx", [
		"web-ext",
		"build",
		"--source-dir",
		"dist/firefox",
		"--artifacts-dir",
		scratch,
		"--filename",
		"firefox.zip",
		"--overwrite-dest",
		"--no-input",
	]);
	save(`linkletter-firefox-${version}.zip`, writeZip(readZip(readFileSync(join(scratch, "firefox.zip"))), epoch));
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

const tracked = run("git", ["ls-files", "-z"]).toString().split("\0").filter(Boolean);
save(
	`linkletter-source-${version}.zip`,
	writeZip(
		tracked.map((name) => ({ name, data: readFileSync(join(ROOT, name)) })),
		epoch,
	),
);

for (const { file, bytes } of written) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`);
