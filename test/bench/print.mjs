// Prints the table the bench files recorded in dist/bench-results.json.
import { readFileSync } from "node:fs";

const rows = JSON.parse(readFileSync(new URL("../../dist/bench-results.json", import.meta.url), "utf8"));
const widths = ["measure", "value", "target"].map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(line(["measure", "value", "target"]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line([r.measure, r.value, r.target]));
