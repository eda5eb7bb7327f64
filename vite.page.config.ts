import { defineConfig } from "vite";
import { outDir } from "./build-target.ts";

/**
 * The page-reading script, injected with scripting.executeScript({ files }).
 * A classic script, not a module: executeScript returns the value of its last
 * expression, so the bundle ends by calling run().
 */
export default defineConfig({
	build: {
		outDir,
		emptyOutDir: false,
		target: "es2022",
		lib: {
			entry: "src/page/inject.ts",
			formats: ["iife"],
			name: "__linkletterPage",
			fileName: () => "page.js",
		},
		rollupOptions: { output: { footer: "__linkletterPage.run();" } },
	},
});
