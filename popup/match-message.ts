import type { Capture, Section } from "../src/core/capture.ts";

function day(timestamp: number): string {
	return new Date(timestamp).toLocaleDateString(undefined, {
		year: "numeric",
		month: "short",
		day: "numeric",
	});
}

/**
 * What the popup says when the link was saved before: the draft capture it is
 * now editing, and any sent issues that featured it.
 */
export function matchMessage(
	matches: readonly Capture[],
	sections: readonly Section[],
	issueDates: ReadonlyMap<number, string> = new Map(),
): string | undefined {
	const parts: string[] = [];
	const draft = matches.find((m) => m.issue === null);
	if (draft) {
		const section = sections.find((s) => s.id === draft.section)?.name ?? draft.section;
		parts.push(`Already saved on ${day(draft.createdAt)} in ${section}: you are editing that capture.`);
	}
	const featured = [...new Set(matches.flatMap((m) => (m.issue === null ? [] : [m.issue])))].sort((a, b) => b - a);
	for (const number of featured) {
		const date = issueDates.get(number);
		parts.push(`Featured in #${number}${date ? ` on ${day(Date.parse(`${date}T00:00`))}` : ""}.`);
	}
	return parts.length > 0 ? parts.join(" ") : undefined;
}
