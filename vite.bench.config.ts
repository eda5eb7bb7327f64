import { defineConfig } from "vite";

/**
 * The compile bench as one ES module for Node (dist/bench/compile.mjs),
 * built by the same bundler as the extension, so it times the code as the
 * options page runs it. Under tsx every module is loaded on its own and an
 * imported name is read through an export getter on each use, which made
 * the hot paths measured here up to twice as slow as the shipped bundle.
 */
export default defineConfig({
	publicDir: false,
	json: { namedExports: false, stringify: true },
	build: {
		ssr: "test/bench/compile.ts",
		outDir: "dist/bench",
		emptyOutDir: true,
		target: "es2022",
		minify: false,
		sourcemap: false,
		rollupOptions: { output: { format: "es", entryFileNames: "compile.mjs" } },
	},
	ssr: { target: "node", noExternal: true, resolve: { conditions: ["import", "module", "node", "default"] } },
});
