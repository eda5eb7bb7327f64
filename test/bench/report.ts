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
