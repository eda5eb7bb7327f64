import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip, type ZipEntry } from "../../scripts/zip.ts";

const ROOT = join(import.meta.dirname, "../..");
const version = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).version;
const outs = [mkdtempSync(join(tmpdir(), "linkletter-pkg-a-")), mkdtempSync(join(tmpdir(), "linkletter-pkg-b-"))];

function pack(out: string): void {
	execFileSync("npm", ["run", "package"], { cwd: ROOT, env: { ...process.env, PACKAGE_OUT: out }, stdio: "pipe" });
}
const zip = (out: string, target: string): ZipEntry[] =>
	readZip(readFileSync(join(out, `linkletter-${target}-${version}.zip`)));
const file = (entries: ZipEntry[], name: string) => entries.find((e) => e.name === name)?.data;
const json = (entries: ZipEntry[], name: string) => JSON.parse(Buffer.from(file(entries, name) ?? "").toString("utf8"));
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array | undefined) => {
	const b = Buffer.from(png ?? []);
	return b.toString("ascii", 1, 4) === "PNG" ? [b.readUInt32BE(16), b.readUInt32BE(20)] : undefined;
};

beforeAll(() => {
	for (const out of outs) pack(out);
}, 240_000);
afterAll(() => {
	for (const out of outs) rmSync(out, { recursive: true, force: true });
});

describe("npm run package", () => {
	it("writes the Chrome, Firefox and source zips, identical byte for byte across two builds", () => {
		const names = readdirSync(outs[0] as string).sort();
		expect(names).toEqual([
			`linkletter-chrome-${version}.zip`,
			`linkletter-firefox-${version}.zip`,
			`linkletter-source-${version}.zip`,
		]);
		for (const name of names) {
			const a = readFileSync(join(outs[0] as string, name));
			const b = readFileSync(join(outs[1] as string, name));
			expect(a.equals(b), `${name} differs between two builds`).toBe(true);
		}
	});

	it("gives each store the manifest it expects, with least privilege and real icons", () => {
		const chrome = zip(outs[0] as string, "chrome");
		const firefox = zip(outs[0] as string, "firefox");
		for (const [entries, browser] of [
			[chrome, "chrome"],
			[firefox, "firefox"],
		] as const) {
			const m = json(entries, "manifest.json");
			expect(m.manifest_version).toBe(3);
			expect(m.homepage_url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
			expect(m.description.length).toBeLessThanOrEqual(132);
			expect(m.host_permissions ?? []).toEqual([]);
			expect(m.permissions).not.toContain("tabs");
			expect(m.permissions).toContain("activeTab");
			for (const size of [16, 32, 48, 128]) {
				expect(pngSize(file(entries, m.icons[size])), `${browser} icon ${size}`).toEqual([size, size]);
			}
			expect(file(entries, "page.js"), `${browser} ships the page reader`).toBeDefined();
		}
		const c = json(chrome, "manifest.json");
		expect(c.browser_specific_settings).toBeUndefined();
		// color-mix() in the CSS needs Chrome 111.
		expect(Number(c.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
		const f = json(firefox, "manifest.json");
		expect(f.minimum_chrome_version).toBeUndefined();
		expect(f.browser_specific_settings.gecko.id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/);
		expect(f.browser_specific_settings.gecko.id).not.toMatch(/\.(invalid|test|example|localhost)$/);
		expect(f.background.scripts).toHaveLength(1);
	});

	it("names every script of the options page's first load in its HTML, so none waits for the one importing it", () => {
		for (const browser of ["chrome", "firefox"]) {
			const entries = zip(outs[0] as string, browser);
			const text = (name: string) => Buffer.from(file(entries, name) ?? "").toString("utf8");
			const html = text("options/index.html");
			const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1] ?? "";
			const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
			// The entry's imports, static and dynamic (the app), and all they import statically.
			const reached = new Set<string>();
			const visit = (name: string, dynamicToo: boolean) => {
				const dir = name.slice(0, name.lastIndexOf("/") + 1);
				const source = text(name);
				const imports = [
					...source.matchAll(/\bfrom\s*["']\.\/([\w.-]+\.js)["']|\bimport\s*["']\.\/([\w.-]+\.js)["']/g),
				];
				const dynamic = dynamicToo ? [...source.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)] : [];
				for (const m of [...imports, ...dynamic]) {
					const target = dir + (m[1] ?? m[2]);
					if (reached.has(target)) continue;
					reached.add(target);
					visit(target, false);
				}
			};
			expect(file(entries, entry), `${browser}: the options page's script ${entry}`).toBeDefined();
			visit(entry, true);
			reached.delete(entry);
			expect(reached.size, `${browser}: the options page loads its app as a chunk of its own`).toBeGreaterThan(2);
			expect(preloaded.sort(), browser).toEqual([...reached].sort());
		}
	});

	it("keeps the popup's first load (its first script, the app it imports, and their imports) under 20 KB gzip", () => {
		for (const browser of ["chrome", "firefox"]) {
			const entries = zip(outs[0] as string, browser);
			const data = (name: string) => file(entries, name) ?? new Uint8Array();
			const html = Buffer.from(data("popup/index.html")).toString("utf8");
			const first = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1] ?? "";
			expect(file(entries, first), `${browser}: the popup's first script`).toBeDefined();
			const loaded = new Set<string>([first]);
			const visit = (name: string, dynamicToo: boolean) => {
				const dir = name.slice(0, name.lastIndexOf("/") + 1);
				const source = Buffer.from(data(name)).toString("utf8");
				const found = [
					...source.matchAll(/\bfrom\s*["']\.\/([\w.-]+\.js)["']|\bimport\s*["']\.\/([\w.-]+\.js)["']/g),
					...(dynamicToo ? source.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g) : []),
				];
				for (const m of found) {
					const target = dir + (m[1] ?? m[2]);
					if (loaded.has(target)) continue;
					loaded.add(target);
					visit(target, false);
				}
			};
			// The first script imports the app at once; the app's own dynamic imports (after a save) wait.
			visit(first, true);
			const gzip = [...loaded].reduce((sum, name) => sum + gzipSync(data(name)).length, 0);
			expect(loaded.size, `${browser}: the first script loads the app`).toBeGreaterThan(1);
			expect(gzip, `${browser}: ${[...loaded].join(", ")}`).toBeLessThan(20 * 1024);
		}
	});

	it("puts what AMO reviewers need to rebuild into the source zip, and nothing built", () => {
		const names = zip(outs[0] as string, "source").map((e) => e.name);
		for (const needed of ["package.json", "package-lock.json", "README.md", "manifest.json", "vite.config.ts"])
			expect(names).toContain(needed);
		expect(names.some((n) => n.startsWith("src/"))).toBe(true);
		expect(names.filter((n) => /^(dist|node_modules)\//.test(n))).toEqual([]);
	});
});
