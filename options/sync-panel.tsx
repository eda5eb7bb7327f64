import { useEffect, useState } from "preact/hooks";
import type { SyncStatus } from "../src/core/sync/status.ts";
import type { KeptVersion } from "../src/core/sync/versions.ts";

/** What the sync panel needs from outside; tests pass fakes. */
export interface SyncPanelDeps {
	syncEnabled(): Promise<boolean>;
	setSyncEnabled(on: boolean): Promise<void>;
	syncStatus(): Promise<SyncStatus | undefined>;
	/** Earlier texts that lost a concurrent edit on another device. */
	syncVersions(): Promise<KeptVersion[]>;
	restoreVersion(version: KeptVersion): Promise<void>;
	/** Call `listener` when the status, the opt-in or the data changes; returns an unsubscribe. */
	onSyncChange(listener: () => void): () => void;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const when = (ms: number) => new Date(ms).toLocaleString();

/** Opt-in to syncing the draft through the browser's own sync, and how it is going on this device. */
export function SyncPanel(props: { deps: SyncPanelDeps }) {
	const { deps } = props;
	const [enabled, setEnabled] = useState<boolean>();
	const [status, setStatus] = useState<SyncStatus>();
	const [versions, setVersions] = useState<KeptVersion[]>([]);
	const [error, setError] = useState<string>();
	useEffect(() => {
		let live = true;
		const load = () =>
			Promise.all([deps.syncEnabled(), deps.syncStatus(), deps.syncVersions()]).then(
				([on, s, v]) => {
					if (!live) return;
					setEnabled(on);
					setStatus(s);
					setVersions(v);
				},
				(e: unknown) => live && setError(String(e)),
			);
		void load();
		const stop = deps.onSyncChange(() => void load());
		return () => {
			live = false;
			stop();
		};
	}, [deps]);

	const toggle = async (on: boolean) => {
		setEnabled(on);
		try {
			await deps.setSyncEnabled(on);
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
		}
	};
	const restore = async (version: KeptVersion) => {
		try {
			await deps.restoreVersion(version);
			setVersions((list) => list.filter((v) => v !== version));
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
		}
	};
	return (
		<section aria-labelledby="sync-heading">
			<h2 id="sync-heading">Sync</h2>
			<p>
				<input
					type="checkbox"
					id="sync-enabled"
					checked={enabled === true}
					disabled={enabled === undefined}
					onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
				/>{" "}
				<label for="sync-enabled">Sync the draft through your browser's sync</label>
			</p>
			<p>
				Your draft, sections, settings, templates and sent issues follow you to your other browsers through Chrome Sync
				or Firefox Sync, where you are signed in. No server or account of Linkletter's.
			</p>
			{enabled && (
				<>
					<dl aria-label="Sync status">
						<dt>Last synced</dt>
						<dd>{status?.lastSynced ? when(status.lastSynced) : "Not yet"}</dd>
						<dt>Sync quota used</dt>
						<dd>
							{status
								? `${status.items} of ${status.maxItems} items, ${kb(status.bytes)} of ${kb(status.quotaBytes)}`
								: "—"}
						</dd>
					</dl>
					{status?.error && <p role="alert">The last sync failed: {status.error}</p>}
					{status && status.failed.length > 0 && (
						<>
							<h3 id="sync-failed">Items that failed</h3>
							<ul aria-labelledby="sync-failed">
								{status.failed.map((f) => (
									<li key={f.item}>
										{f.item}: {f.reason}
									</li>
								))}
							</ul>
						</>
					)}
					{status && status.deviceOnly.length > 0 && (
						<>
							<h3 id="sync-device-only">On this device only</h3>
							<p>
								The draft is larger than your browser's sync allows: these captures stay on this device only (nothing is
								lost; they sync once there is room).
							</p>
							<ul aria-labelledby="sync-device-only">
								{status.deviceOnly.map((c) => (
									<li key={c.id}>{c.title}</li>
								))}
							</ul>
						</>
					)}
					{status && status.unplaced.length > 0 && (
						<p>Too large to sync, kept on this device only: {status.unplaced.join(", ")}.</p>
					)}
				</>
			)}
			{versions.length > 0 && (
				<>
					<h3 id="sync-versions">Earlier versions</h3>
					<p>Text that lost to a later edit on another device, kept so you can put it back.</p>
					<ul aria-labelledby="sync-versions">
						{versions.map((v) => (
							<li key={`${v.record}|${v.field}|${v.at}|${v.device}`}>
								{v.label}, edited {when(v.at)}:<blockquote>{v.text}</blockquote>
								{v.restorable && (
									<button type="button" onClick={() => void restore(v)} aria-label={`Restore this ${v.label}`}>
										Restore
									</button>
								)}
							</li>
						))}
					</ul>
				</>
			)}
			<div role="alert">{error && <p class="error">{error}</p>}</div>
		</section>
	);
}
