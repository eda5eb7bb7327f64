import type { CheckItem } from "../src/core/checklist.ts";
import type { Issue } from "../src/core/issue.ts";
import type { Format, RenderOptions } from "../src/core/render/index.ts";
import type { OptionsDeps } from "./deps.ts";
import { ExportPanel } from "./export-panel.tsx";
import { memo } from "./memo.ts";
import type { Failure } from "./save-failure.tsx";
import { SendIssue } from "./send-issue.tsx";

/** What the pane asks of the page; one identity for the page's life (useStableActions). */
export interface DraftPaneActions {
	onTemplatesChange(templates: Record<string, string>): void;
	onPartialsChange(format: Format, partials: Record<string, string>): Promise<void>;
	onSend(): Promise<void>;
	onStrip(item: CheckItem): Promise<void>;
}

/**
 * The export and send pane beside the draft. Memoised: a move, a hold or a
 * delete re-renders the draft at once, and this pane only when the export
 * (one frame late) has changed, so the frame that shows the move does not
 * also diff the preview (reading back a long textarea's value is not free).
 */
export const DraftPane = memo(function DraftPane(props: {
	issue: Issue | undefined;
	templates: Record<string, string>;
	templateSaveFailure: Failure | undefined;
	renderOptions: RenderOptions | undefined;
	deps: OptionsDeps;
	number: number;
	/** Captures going out in this issue, and held for the next. */
	count: number;
	held: number;
	checks: CheckItem[];
	actions: DraftPaneActions;
}) {
	const { issue, actions } = props;
	if (!issue) return <p class="preparing">Preparing the export…</p>;
	return (
		<ExportPanel
			issue={issue}
			templates={props.templates}
			deps={props.deps}
			onTemplatesChange={actions.onTemplatesChange}
			templateSaveFailure={props.templateSaveFailure}
			renderOptions={props.renderOptions}
			onPartialsChange={actions.onPartialsChange}
		>
			<SendIssue
				number={props.number}
				count={props.count}
				held={props.held}
				checks={props.checks}
				onSend={actions.onSend}
				onStrip={actions.onStrip}
			/>
		</ExportPanel>
	);
});
