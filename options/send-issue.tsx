import { useState } from "preact/hooks";
import type { CheckItem } from "../src/core/checklist.ts";

/** The pre-send checklist and "Mark as sent", which asks once more before freezing the issue. */
export function SendIssue(props: {
	number: number;
	count: number;
	held: number;
	checks: CheckItem[];
	onSend: () => Promise<void>;
	/** Save the capture's link without its trackers (a "tracking" item's strippedUrl). */
	onStrip?: (item: CheckItem) => Promise<void>;
}) {
	const [confirming, setConfirming] = useState(false);
	const [error, setError] = useState<string>();
	const send = async () => {
		try {
			await props.onSend();
			setConfirming(false);
			setError(undefined);
		} catch (e) {
			setError(e instanceof Error ? e.message : String(e));
		}
	};
	return (
		<section class="send" aria-labelledby="send-heading">
			<h2 id="send-heading">Before sending</h2>
			{props.checks.length === 0 ? (
				<p>Nothing to flag.</p>
			) : (
				<ul aria-label="Checklist">
					{props.checks.map((item) => (
						<li key={`${item.kind}:${item.message}`} class={`check ${item.kind}`}>
							{item.message}
							{item.strippedUrl && props.onStrip && (
								<>
									{" "}
									<button
										type="button"
										title={item.strippedUrl}
										onClick={() => props.onStrip?.(item).catch((e: unknown) => setError(String(e)))}
									>
										Strip trackers
									</button>
								</>
							)}
						</li>
					))}
				</ul>
			)}
			{confirming ? (
				<p>
					Send issue #{props.number} with {props.count} links
					{props.held > 0 ? ` (${props.held} held for the next issue)` : ""}? It will be archived and a new draft
					started.{" "}
					<button type="button" class="primary" onClick={send}>
						Yes, mark #{props.number} as sent
					</button>{" "}
					<button type="button" onClick={() => setConfirming(false)}>
						Not yet
					</button>
				</p>
			) : (
				<button type="button" class="send-button" onClick={() => setConfirming(true)} disabled={props.count === 0}>
					Mark as sent
				</button>
			)}
			<div role="alert">{error && <p class="error">{error}</p>}</div>
		</section>
	);
}
