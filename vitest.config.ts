import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// Four layers (see STYLE.md): unit and db run in Node, components in jsdom,
// e2e drives the built extension in real Chromium, firefox in real Firefox.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: "unit",
					// A safety net, not a gate: heavy inputs (deep nesting, CLI processes) run long on a busy machine.
					testTimeout: 30_000,
					include: ["test/unit/**/*.test.ts"],
					environment: "node",
				},
			},
			{
				test: {
					name: "db",
					// A safety net, not a gate: heavy inputs (deep nesting, CLI processes) run long on a busy machine.
					testTimeout: 30_000,
					include: ["test/db/**/*.test.ts"],
					environment: "node",
					setupFiles: ["fake-indexeddb/auto"],
				},
			},
			{
				plugins: [preact()],
				test: {
					name: "components",
					testTimeout: 30_000,
					include: ["test/components/**/*.test.tsx"],
					environment: "jsdom",
					setupFiles: ["test/components/setup.ts"],
				},
			},
			{
				test: {
					name: "e2e",
					include: ["test/e2e/**/*.test.ts"],
					environment: "node",
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
			{
				// npm run package: store zips, reproducible (builds twice).
				test: {
					name: "package",
					include: ["test/package/**/*.test.ts"],
					environment: "node",
					testTimeout: 60_000,
				},
			},
			{
				// The core flows again, in Debian's Firefox ESR (npm run test:firefox).
				test: {
					name: "firefox",
					include: ["test/e2e-firefox/**/*.test.ts"],
					environment: "node",
					testTimeout: 90_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
			{
				test: {
					name: "bench",
					include: ["test/bench/**/*.measure.ts"],
					environment: "node",
					testTimeout: 300_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
