import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { browser, outDir, testBuild } from "./build-target.ts";
import manifest from "./manifest.json" with { type: "json" };

/** manifest.json is the single source; each browser gets only the keys it understands. */
function manifestFor(): ManifestV3Export {
	const m: Record<string, unknown> = structuredClone(manifest);
	if (browser === "chrome") delete m.browser_specific_settings;
	else {
		// Firefox runs MV3 background code as an event page, not a service worker.
		m.background = {
			scripts: [manifest.background.service_worker],
			type: "module",
		};
		// Firefox's floor is strict_min_version; this key is Chrome's alone.
		delete m.minimum_chrome_version;
	}
	if (testBuild) {
		// Tests open the popup as a tab, which no toolbar click has granted activeTab to. The
		// test build stands in for that grant: pages on 127.0.0.1 may be read, and "tabs" shows
		// a tab's URL and title as activeTab would (also on chrome:// pages, which it cannot read).
		m.host_permissions = ["http://127.0.0.1/*"];
		m.permissions = [...manifest.permissions, "tabs"];
	}
	return m as unknown as ManifestV3Export;
}

/** The test build puts the bench's one "ready to type" detector first into the popup and the floor page alike. */
const benchProbe: Plugin = {
	name: "linkletter-bench-probe",
	transformIndexHtml: {
		order: "pre",
		handler: (html, ctx) =>
			testBuild && /(popup\/index|bench\/floor)\.html$/.test(ctx.filename)
				? html.replace("<head>", '<head><script type="module" src="/test/bench/floor.probe.ts"></script>')
				: html,
	},
};

/**
 * commonmark uses one function of its `entities` (decodeHTMLStrict), but
 * that package is CommonJS: importing its index runs all of it at start-up,
 * the HTML encoder's trie built from a 2,000-entry table included. Its
 * decode module alone is what commonmark needs.
 */
const commonmarkEntities: Plugin = {
	name: "linkletter-commonmark-entities",
	enforce: "pre",
	resolveId(source, importer) {
		if (source !== "entities" || !importer?.includes("/node_modules/commonmark/")) return null;
		return this.resolve("entities/lib/decode.js", importer, { skipSelf: true });
	},
};

/*
 * Vite wraps every dynamic import() in a helper that preloads the imported
 * chunk's CSS and modules. modulePreload is off, and no dynamically imported
 * chunk has CSS, so the helper would only add 0.7 KB gzip to the popup's first
 * script, which has to be small (test/bench/popup.measure.ts). This stands in
 * for it with a plain import, and fails the build should a dynamically
 * imported chunk ever bring CSS, which the plain import would not load.
 */
const PRELOAD_HELPER = "\0vite/preload-helper.js";
const STAND_IN = "const __vitePreload = (load) => load();";
const PRELOAD_CHUNK = /(^|\/)preload-helper-[\w-]+\.js$/;
const PRELOAD_IMPORT = /^import \{ \w+ as __vitePreload \} from "\.\/preload-helper-[^"]+";$/m;
const plainDynamicImports: Plugin = {
	name: "linkletter-plain-dynamic-imports",
	enforce: "pre",
	load: (id) => (id === PRELOAD_HELPER ? `export ${STAND_IN}` : undefined),
	// Shared by the popup's and the options page's first scripts, the stand-in became a chunk of its own that
	// each first script imported before it could run; each chunk now defines it in place instead.
	renderChunk(code) {
		const inlined = code.replace(PRELOAD_IMPORT, STAND_IN);
		return inlined === code ? null : { code: inlined, map: null };
	},
	generateBundle(_options, bundle) {
		for (const [file, chunk] of Object.entries(bundle)) {
			if (chunk.type === "chunk" && PRELOAD_CHUNK.test(file)) delete bundle[file];
		}
		for (const chunk of Object.values(bundle)) {
			if (chunk.type === "chunk") chunk.imports = chunk.imports.filter((f) => !PRELOAD_CHUNK.test(f));
		}
		/** The CSS a chunk brings with it and with the chunks it imports statically. */
		const cssOf = (file: string, seen = new Set<string>()): string[] => {
			const chunk = bundle[file];
			if (seen.has(file) || chunk?.type !== "chunk") return [];
			seen.add(file);
			return [...(chunk.viteMetadata?.importedCss ?? []), ...chunk.imports.flatMap((f) => cssOf(f, seen))];
		};
		for (const chunk of Object.values(bundle)) {
			if (chunk.type !== "chunk") continue;
			for (const file of chunk.dynamicImports) {
				const css = cssOf(file).filter((f) => !cssOf(chunk.fileName).includes(f));
				if (css.length)
					this.error(
						`${chunk.fileName} imports ${file} dynamically with ${css.join(", ")}, which a plain import() would not load`,
					);
			}
		}
	},
};

/**
 * The options page's scripts, all named in its HTML as module preloads: its
 * first script starts the database read and then imports the app, whose
 * module graph would otherwise be fetched one level at a time after that
 * script ran (main chunk, then its imports). Preloaded, they are fetched and
 * compiled while the HTML is parsed and the read runs. The popup keeps its
 * first script alone (test/bench/popup.measure.ts).
 */
const optionsPreloads: Plugin = {
	name: "linkletter-options-preloads",
	transformIndexHtml: {
		order: "post",
		handler(_html, ctx) {
			if (!ctx.bundle || !ctx.chunk || !/options\/index\.html$/.test(ctx.filename)) return;
			const bundle = ctx.bundle;
			const entry = ctx.chunk.fileName;
			const files = new Set<string>([entry]);
			const add = (file: string) => {
				const chunk = bundle[file];
				if (files.has(file) || chunk?.type !== "chunk") return;
				files.add(file);
				for (const f of chunk.imports) add(f);
			};
			for (const f of ctx.chunk.imports) add(f);
			for (const f of ctx.chunk.dynamicImports) add(f);
			return [...files]
				.filter((file) => file !== entry)
				.map((file) => ({
					tag: "link",
					attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
					injectTo: "head" as const,
				}));
		},
	},
};

/**
 * The storage code the popup shares with the options page (idb, opening the database, captures and
 * settings, and the core modules they stand on) as one chunk. Left to the bundler, it was split by which
 * pages import each module into three files (the options page's first script reads the draft too), and
 * the popup's first load paid for each (test/bench/popup.measure.ts: under 20 KB gzip).
 */
const SHARED_STORE =
	/\/(?:node_modules\/idb\/.*|src\/db\/(?:open|migrations|errors|write|captures|settings|issues)\.ts|src\/core\/(?:trackers|url|capture|newsletter|text\/bidi)\.ts|src\/platform\/(?:change-message|id)\.ts)$/;
function sharedStoreChunk(id: string): string | undefined {
	return SHARED_STORE.test(id) ? "store" : undefined;
}

export default defineConfig({
	plugins: [
		plainDynamicImports,
		preact(),
		crx({ manifest: manifestFor(), browser }),
		benchProbe,
		commonmarkEntities,
		optionsPreloads,
	],
	// JSON as one JSON.parse, not a module of named exports made at start-up (as vite.cli.config.ts does).
	json: { namedExports: false, stringify: true },
	build: {
		outDir,
		emptyOutDir: true,
		target: "es2022",
		// Chunks load straight from the extension's own files: no preload links, polyfill or helper in the popup's first script.
		modulePreload: false,
		// The bench's floor page ships only in the test build.
		rollupOptions: {
			...(testBuild ? { input: { floor: "test/bench/floor.html" } } : {}),
			output: { manualChunks: sharedStoreChunk },
		},
	},
});
