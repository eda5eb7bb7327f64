/** Something the curator can take back: what happened, and how to undo it. */
export interface UndoEntry {
	message: string;
	/** Undefined for a notice that has nothing to undo (a move that could not go further). */
	undo?: () => void;
}

/**
 * The toast beside the draft: says what just happened (a live region, so a
 * move or delete is announced) with Undo (also Ctrl/Cmd+Z) and Dismiss.
 */
export function UndoToast(props: { entry: UndoEntry | undefined; onDismiss: () => void }) {
	const { entry } = props;
	return (
		<div class={entry ? "toast shown" : "toast"} role="status" aria-label="Last action">
			{entry && (
				<>
					<span>{entry.message}</span>
					{entry.undo && (
						<button type="button" class="primary" onClick={entry.undo} aria-keyshortcuts="Control+Z Meta+Z">
							Undo
						</button>
					)}
					<button type="button" class="quiet" onClick={props.onDismiss}>
						Dismiss
					</button>
				</>
			)}
		</div>
	);
}
