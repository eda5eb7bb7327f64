import { type Failure, SaveFailure } from "./save-failure.tsx";
import { templateErrorText } from "./template-error.tsx";

/**
 * Edit one format's template. The text is kept as typed, mistakes included;
 * a mistake is shown with its line and column, and "Reset to default" is
 * always there.
 */
export function TemplateEditor(props: {
	formatName: string;
	value: string;
	isDefault: boolean;
	error: Error | undefined;
	/** The last save of the templates failed; the text stays as typed. */
	saveFailure?: Failure | undefined;
	onChange: (template: string | undefined) => void;
}) {
	const { error } = props;
	return (
		<details class="template-editor">
			<summary>Edit the {props.formatName} template</summary>
			<label for="template">Template ({props.formatName})</label>
			<textarea
				id="template"
				rows={18}
				spellcheck={false}
				value={props.value}
				onInput={(e) => props.onChange((e.currentTarget as HTMLTextAreaElement).value)}
				aria-invalid={error ? "true" : undefined}
			/>
			<div role="alert">{error && <p class="error">{templateErrorText(error)}</p>}</div>
			<SaveFailure failure={props.saveFailure} />
			<button type="button" onClick={() => props.onChange(undefined)} disabled={props.isDefault}>
				Reset to default
			</button>
		</details>
	);
}
