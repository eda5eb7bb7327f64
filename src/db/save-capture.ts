import type { IDBPObjectStore, StoreNames } from "idb";
import type { Capture } from "../core/capture.ts";
import { fromStored, putUnchanged, toStored } from "./captures.ts";
import type { DB } from "./open.ts";
import type { LinkletterDB } from "./schema.ts";
import { allRequests, writeTransaction } from "./write.ts";

const MAX_GROUPS = 100;

type SettingsStore = IDBPObjectStore<LinkletterDB, StoreNames<LinkletterDB>[], "settings", "readwrite">;

/** The link is already in that section of the draft: "add here too" has nothing to add. */
export class AlreadyInSectionError extends Error {
	override name = "AlreadyInSectionError";
	constructor(readonly existing: Capture) {
		super("This link is already in that section.");
	}
}

/** How a capture is saved. */
export interface SaveCaptureOptions {
	/** Replace the version with this updatedAt (editing); absent to add a new capture. */
	expectedUpdatedAt?: number;
	/**
	 * Add the capture, a link already in the draft, deliberately to this
	 * section too ("add here too"): it is saved into `alsoIn`, marked
	 * alsoPlaced so the checklist does not call it a duplicate. Refused with
	 * AlreadyInSectionError when the draft has the link in that section.
	 */
	alsoIn?: string;
}

/**
 * Commit a capture from the popup in one transaction: the capture itself
 * (added, or replacing `expectedUpdatedAt`'s version when editing — else
 * ConflictError), the last used section (and group). Resolves only once
 * everything is on disk, so the popup may close afterwards. A link already
 * in the draft is found by the popup (findByUrlKey), which edits it
 * instead; only `alsoIn` adds the same link a second time.
 */
export function saveCapture(db: DB, input: Capture, options: SaveCaptureOptions): Promise<void> {
	const capture = options.alsoIn === undefined ? input : { ...input, section: options.alsoIn, alsoPlaced: true };
	return writeTransaction(db, ["captures", "settings"], async (tx) => {
		const captures = tx.objectStore("captures");
		const settings = tx.objectStore("settings");
		if (options.alsoIn !== undefined) {
			const same = await captures.index("by-urlKey").getAll(capture.urlKey);
			const there = same.find((c) => c.issueKey === 0 && c.section === capture.section && c.id !== capture.id);
			if (there) throw new AlreadyInSectionError(fromStored(there));
		}
		// Issued together, not one after another: each request the save waits on is a trip to the
		// browser's storage and back, and the popup's main thread is busy painting the click meanwhile.
		await allRequests((requests) => {
			// One push per request, so one that throws on the spot leaves the earlier ones observed.
			requests.push(
				options.expectedUpdatedAt === undefined
					? captures.add(toStored(capture))
					: putUnchanged(captures, [{ next: capture, expectedUpdatedAt: options.expectedUpdatedAt }]),
			);
			requests.push(settings.put(capture.section, "lastSection"));
			if (capture.group) requests.push(rememberGroup(settings, capture.group));
			// Nothing more to ask: the browser commits once these are stored, without waiting for the
			// page to hear back from each (a popup's main thread is busy painting the click meanwhile).
			else if (options.expectedUpdatedAt === undefined) tx.commit();
		});
	});
}

/** Put `group` first in the recently used groups. */
async function rememberGroup(settings: SettingsStore, group: string): Promise<void> {
	const groups = ((await settings.get("groups")) as string[] | undefined) ?? [];
	const recent = [group, ...groups.filter((g) => g !== group)].slice(0, MAX_GROUPS);
	await settings.put(recent, "groups");
}
