import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Row {
	measure: string;
	value: string;
	target: string;
}

const FILE = join(import.meta.dirname, "../../dist/bench-results.json");

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The machine's CPU time so far (all cores, in clock ticks: user to steal; guest time is already in user) and the part of it taken by other virtual machines (steal). */
function cpuTicks(): { total: number; steal: number } | undefined {
	try {
		const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
			.trim()
			.split(/\s+/)
			.slice(1, 9)
			.map(Number);
		return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
	} catch {
		return undefined; // Not Linux: no figure.
	}
}

/**
 * Start watching how much CPU time other virtual machines took (Linux's
 * "steal"): the returned function gives it as a share of the time since,
 * a figure to read timings beside. A busy host slows every timing here.
 */
export function watchSteal(): () => string {
	const start = cpuTicks();
	return () => {
		const end = cpuTicks();
		if (!start || !end || end.total === start.total) return "not measured";
		return `${(((end.steal - start.steal) / (end.total - start.total)) * 100).toFixed(1)}%`;
	};
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Add rows to the bench results; `npm run bench` prints them all as one table at the end. */
export function record(rows: Row[]): void {
	let all: Row[] = [];
	try {
		all = JSON.parse(readFileSync(FILE, "utf8")) as Row[];
	} catch {
		all = [];
	}
	const names = new Set(rows.map((r) => r.measure));
	mkdirSync(join(FILE, ".."), { recursive: true });
	writeFileSync(FILE, JSON.stringify([...all.filter((r) => !names.has(r.measure)), ...rows], null, 2));
}
