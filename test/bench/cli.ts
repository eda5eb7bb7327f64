import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { median, ms, record } from "./report.ts";

/**
 * `npm run compile` on the golden issue, as the built CLI runs it
 * (node dist/cli/compile.mjs), against the floor of starting node at all
 * (`node -e 0`) and against the former way (node --import tsx on the
 * TypeScript). Interleaved, one of each per round, so load on the machine
 * falls on all of them alike; medians of 10. Run after `npm run build`.
 */
const ROOT = join(import.meta.dirname, "../..");
const CLI = join(ROOT, "dist/cli/compile.mjs");
const ISSUE = join(ROOT, "test/fixtures/issues/sre-weekly-90/issue.json");
const EXPECTED = readFileSync(join(ROOT, "test/fixtures/issues/sre-weekly-90/expected.md"), "utf8");
const ROUNDS = 10;

function time(args: string[], check?: string): number {
	const t0 = process.hrtime.bigint();
	const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
	const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
	if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
	if (check !== undefined && result.stdout !== check) throw new Error(`${args.join(" ")} printed something else`);
	return elapsed;
}

/** Measure and record the CLI rows; npm run bench calls this from compile.ts, after the build. */
export function measureCli(): void {
	if (!existsSync(CLI)) throw new Error("dist/cli/compile.mjs is missing: run npm run build first");
	const floor: number[] = [];
	const built: number[] = [];
	const tsx: number[] = [];
	time(["-e", "0"]);
	time([CLI, ISSUE], EXPECTED);
	for (let round = 0; round < ROUNDS; round++) {
		floor.push(time(["-e", "0"]));
		built.push(time([CLI, ISSUE], EXPECTED));
		tsx.push(time(["--import", "tsx", join(ROOT, "scripts/compile.ts"), ISSUE], EXPECTED));
	}
	const [f, b, t] = [median(floor), median(built), median(tsx)];
	record([
		{ measure: `node -e 0 (median of ${ROUNDS})`, value: ms(f), target: "—" },
		{
			measure: "CLI on the golden issue: node dist/cli/compile.mjs",
			value: `${ms(b)} (${(b / f).toFixed(2)}× node -e 0)`,
			target: "≤ 2.5× node -e 0",
		},
		{
			measure: "CLI the former way: node --import tsx scripts/compile.ts",
			value: `${ms(t)} (${(t / f).toFixed(2)}× node -e 0)`,
			target: "—",
		},
	]);
	console.log(
		`node -e 0 ${ms(f)}; built CLI ${ms(b)} (${(b / f).toFixed(2)}×); through tsx ${ms(t)} (${(t / f).toFixed(2)}×)`,
	);
}

// Also runnable alone: node --import tsx test/bench/cli.ts
if (process.argv[1] && import.meta.filename === process.argv[1]) measureCli();
