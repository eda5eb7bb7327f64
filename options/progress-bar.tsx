import type { Progress } from "../src/db/backup.ts";

/** A long write's progress: a labelled bar, and the same in words for those who read rather than look. */
export function ProgressBar({ label, progress, unit }: { label: string; progress?: Progress; unit: string }) {
	const known = progress !== undefined && progress.total > 0;
	return (
		<div class="progress">
			{known ? (
				<progress aria-label={label} max={progress.total} value={progress.done} />
			) : (
				<progress aria-label={label} />
			)}
			<span>
				{known
					? `${label}: ${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} ${unit}…`
					: `${label}…`}
			</span>
		</div>
	);
}
