/** An item storage.sync refused, and the browser's reason. */
export interface FailedItem {
	item: string;
	reason: string;
}

/** What the options page shows about sync on this device. */
export interface SyncStatus {
	/** When this device last finished a round with storage.sync (ms since epoch). */
	lastSynced?: number;
	items: number;
	bytes: number;
	quotaBytes: number;
	maxItems: number;
	failed: FailedItem[];
	/** Draft captures that do not fit the quota and stay on this device only. */
	deviceOnly: { id: string; title: string }[];
	/** Records other than captures that could not be placed (a setting larger than the quota). */
	unplaced: string[];
	/** The last error of a whole round, if it failed. */
	error?: string;
}
