/** Optimal-string-alignment (Damerau–Levenshtein) distance: a swap of two neighbours counts once. */
export function editDistance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				row.push(j);
				continue;
			}
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const prev = rows[i - 1] as number[];
			let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
			}
			row.push(best);
		}
		rows.push(row);
	}
	return (rows[a.length] as number[])[b.length] as number;
}

/** The known name closest to `name` (distance ≤ 2, and less than the name's length), if any. */
export function closest(name: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	const lower = name.toLowerCase();
	for (const candidate of known) {
		const distance = editDistance(lower, candidate.toLowerCase());
		if (distance < bestDistance && distance < Math.max(name.length, 2)) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** ` — did you mean "date"?`, or "" when nothing is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
	const match = closest(name, known);
	return match === undefined ? "" : ` — did you mean "${match}"?`;
}

/** "title, url, note, …": the first few names of a list. */
export function listSome(names: readonly string[], max = 8): string {
	return names.length > max ? `${names.slice(0, max).join(", ")}, …` : names.join(", ");
}
