import { defineConfig } from "vite";

/**
 * The compile CLI as one ES module for Node (dist/cli/compile.mjs), so
 * `npm run compile` starts plain node instead of npm + tsx compiling
 * TypeScript on every run. Dependencies (valibot, commonmark) are bundled
 * in; only Node's own modules are imported.
 */
export default defineConfig({
	// No public/ copy and no .env lookups: this build is a script, not a page.
	publicDir: false,
	// commonmark's entity tables are JSON: one JSON.parse, not thousands of export getters made at start-up.
	json: { namedExports: false, stringify: true },
	build: {
		ssr: "scripts/compile.ts",
		outDir: "dist/cli",
		emptyOutDir: true,
		target: "node20",
		minify: false,
		sourcemap: false,
		rollupOptions: { output: { format: "es", entryFileNames: "compile.mjs" } },
	},
	// ES builds of dependencies that ship both (entities): no CommonJS wrappers to run at start-up.
	ssr: { target: "node", noExternal: true, resolve: { conditions: ["import", "module", "node", "default"] } },
});
