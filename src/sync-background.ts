import { CHROME_LIMITS } from "./core/sync/chunk.ts";
import { openDatabase } from "./db/open.ts";
import { serializeRounds, syncRound } from "./db/sync-cycle.ts";
import { openSyncDatabase } from "./db/sync-state.ts";
import { announceChange, onChangeMessage } from "./platform/changes.ts";
import { deviceId } from "./platform/device-id.ts";
import {
	browserSyncArea,
	loadSyncStatus,
	onSyncAreaChanged,
	onSyncSettingsChanged,
	SyncWriter,
	saveSyncStatus,
	syncEnabled,
} from "./platform/sync-storage.ts";

/**
 * The replicator, in the background worker so it works with no page open:
 * a round runs when storage.sync changes (another device), when a Linkletter
 * page announces a local change, when the curator opts in, and when the
 * worker wakes. Only while the curator has opted in on this device.
 */
export function startSync(): void {
	const area = browserSyncArea();
	const writer = new SyncWriter(area);
	const round = serializeRounds(async () => {
		if (!(await syncEnabled())) return;
		const [db, replica, device] = await Promise.all([openDatabase(), openSyncDatabase(), deviceId()]);
		try {
			const result = await syncRound({
				db,
				replica,
				device,
				now: () => Date.now(),
				readRemote: () => area.get(),
				write: (writes, removals) => writer.write(writes, removals),
			});
			if (result.changed) announceChange();
			await saveSyncStatus({
				lastSynced: Date.now(),
				items: result.items,
				bytes: await area.bytesInUse().catch(() => result.bytes),
				quotaBytes: CHROME_LIMITS.totalBytes,
				maxItems: CHROME_LIMITS.maxItems,
				failed: result.failed,
				deviceOnly: result.deviceOnly,
				unplaced: result.unplaced,
			});
		} catch (error) {
			const last = await loadSyncStatus();
			await saveSyncStatus({
				items: 0,
				bytes: 0,
				quotaBytes: CHROME_LIMITS.totalBytes,
				maxItems: CHROME_LIMITS.maxItems,
				failed: [],
				deviceOnly: [],
				unplaced: [],
				...last,
				error: error instanceof Error ? error.message : String(error),
			});
		} finally {
			db.close();
			replica.close();
		}
	});
	const trigger = () => void round();
	onSyncAreaChanged(trigger);
	onChangeMessage(trigger);
	onSyncSettingsChanged(({ enabled }) => {
		if (enabled) trigger();
	});
	trigger();
}
