import { TemplateError } from "../src/core/render/index.ts";

/** A template or partial mistake, with its line and column when the engine knows them. */
export function templateErrorText(error: Error, after = " The preview shows the last good output."): string {
	return error instanceof TemplateError
		? `Line ${error.line}, column ${error.column}: ${error.reason}.${after}`
		: `The template failed: ${error.message}`;
}
