import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterEach, beforeEach } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../..");
export const TEST_DIST = join(ROOT, "dist/chrome-test");
const SITE = join(ROOT, "test/fixtures/site");
/**
 * Where e2e runs put screenshots: an ignored folder, so a test run leaves the
 * tree clean. `npm run screenshots` sets UPDATE_SCREENSHOTS=1 to retake the
 * README's pictures in test/e2e/screenshots.
 */
export const SCREENSHOTS = join(
	ROOT,
	process.env.UPDATE_SCREENSHOTS === "1" ? "test/e2e/screenshots" : "test-results/screenshots",
);

/** Debian's Chromium, or whatever CHROME_PATH names. Never a downloaded browser. */
export function chromePath(): string {
	const candidates = [
		process.env.CHROME_PATH,
		"/usr/bin/chromium",
		"/usr/bin/chromium-browser",
		"/usr/bin/google-chrome",
	];
	const found = candidates.find((p): p is string => !!p && existsSync(p));
	if (!found) throw new Error("No Chromium found: apt-get install chromium, or set CHROME_PATH.");
	return found;
}

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".json": "application/json",
	".pdf": "application/pdf",
};

/** Serve test/fixtures/site on 127.0.0.1 (a random port); extra routes can be added per test. */
export async function serveSite(
	extra: Record<string, string> = {},
): Promise<{ origin: string; server: Server; requests: string[] }> {
	/** Every path asked of the site, in order: a test can check that nothing was fetched. */
	const requests: string[] = [];
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
		requests.push(path);
		const body =
			extra[path] ??
			(() => {
				const file = join(SITE, path.replace(/^\/+/, ""));
				return file.startsWith(SITE) && existsSync(file) ? readFileSync(file) : undefined;
			})();
		if (body === undefined) {
			res.writeHead(404).end("not found");
			return;
		}
		res
			.writeHead(200, {
				"content-type": TYPES[extname(path)] ?? "text/html; charset=utf-8",
			})
			.end(body);
	});
	await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		server,
		requests,
	};
}

export interface Extension {
	context: BrowserContext;
	id: string;
	close(): Promise<void>;
}

/** Start Chromium with the built test extension in a fresh profile. */
export async function launchExtension(dist = TEST_DIST): Promise<Extension> {
	if (!existsSync(join(dist, "manifest.json"))) throw new Error(`No build at ${dist}: run npm run build:test`);
	const profile = mkdtempSync(join(tmpdir(), "linkletter-profile-"));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromePath(),
		headless: false,
		ignoreDefaultArgs: ["--disable-extensions"],
		args: [
			"--headless=new",
			`--disable-extensions-except=${dist}`,
			`--load-extension=${dist}`,
			"--no-sandbox",
			"--disable-gpu",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--disable-quic",
		],
		viewport: { width: 1280, height: 900 },
	});
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
	const id = new URL(worker.url()).host;
	return {
		context,
		id,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Open the popup the way tests can: as a page, told which tab it is for. */
export async function openPopup(ext: Extension, tabId: number): Promise<Page> {
	const popup = await ext.context.newPage();
	await popup.setViewportSize({ width: 400, height: 600 });
	await popup.goto(`chrome-extension://${ext.id}/popup/index.html?tabId=${tabId}`);
	return popup;
}

/** The browser's id for the tab showing `page` (asked of the extension itself). */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
	const helper = await ext.context.newPage();
	await helper.goto(`chrome-extension://${ext.id}/options/index.html`);
	const url = page.url();
	const id = await helper.evaluate(tabIdFor, url);
	await helper.close();
	if (id === undefined) throw new Error(`No tab shows ${url}`);
	return id;
}

/** In an extension page: the newest tab showing `url` (an earlier test may have left another open). */
export async function tabIdFor(url: string): Promise<number | undefined> {
	const g = globalThis as unknown as {
		browser?: { tabs: { query(q: object): Promise<{ url?: string; id?: number }[]> } };
		chrome?: { tabs: { query(q: object): Promise<{ url?: string; id?: number }[]> } };
	};
	const api = g.browser ?? g.chrome;
	const tabs = (await api?.tabs.query({})) ?? [];
	return tabs
		.filter((t) => t.url === url)
		.map((t) => t.id)
		.sort((a, b) => (b ?? 0) - (a ?? 0))[0];
}

/**
 * For a test file: start the fixture site and the extension, in a fresh
 * profile, before each test and stop both after it, so every test passes
 * alone and in any order. Read `.ext` and `.site` inside tests.
 */
export function useExtensionAndSite(): { ext: Extension; site: { origin: string; server: Server } } {
	const state = {} as { ext: Extension; site: { origin: string; server: Server } };
	beforeEach(async () => {
		state.site = await serveSite();
		state.ext = await launchExtension();
	});
	afterEach(async () => {
		await state.ext?.close();
		state.site?.server.close();
	});
	return state;
}
