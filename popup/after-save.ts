// Loaded by the popup only when it needs it: after a save, for an already saved link, or when the tags open.
import { usedTags } from "../options/tags-input.tsx";
import { listDraft } from "../src/db/captures.ts";
import { recentSentIssues } from "../src/db/issues.ts";
import type { DB } from "../src/db/open.ts";

export { markTabSaved } from "../src/platform/badge.ts";

/** Tags used in the draft and the last `issues` sent issues, most used first. */
export async function knownTags(db: DB, issues: number): Promise<string[]> {
	const [draft, recent] = await Promise.all([listDraft(db), recentSentIssues(db, issues)]);
	return usedTags([...draft, ...recent.flatMap((i) => i.captures)]);
}
