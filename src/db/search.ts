import type { Capture } from "../core/capture.ts";
import { fromStored } from "./captures.ts";
import type { DB } from "./open.ts";

/**
 * Every capture, the draft's and every sent issue's (archived captures keep
 * their issue number), for the search index: one read when search opens.
 */
export async function listAllCaptures(db: DB): Promise<Capture[]> {
	return (await db.getAll("captures")).map(fromStored);
}
