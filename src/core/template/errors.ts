/**
 * A template that cannot be compiled or rendered. `line` and `column` are
 * 1-based and point at the tag, output or word that is wrong, so an editor
 * can put the cursor there; `reason` is the message without the position.
 */
export class TemplateError extends Error {
	override name = "TemplateError";
	readonly reason: string;
	readonly line: number;
	readonly column: number;

	constructor(reason: string, line: number, column: number) {
		super(`${reason} (line ${line}, column ${column})`);
		this.reason = reason;
		this.line = line;
		this.column = column;
	}
}

/** Thrown inside the engine with a source offset; turned into a TemplateError at the edge. */
export class TemplateFailure extends Error {
	override name = "TemplateFailure";
	readonly at: number;

	constructor(at: number, reason: string) {
		super(reason);
		this.at = at;
	}
}

/** 1-based line and column (in UTF-16 code units) of an offset in source. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), source.length);
	for (let i = source.indexOf("\n"); i !== -1 && i < end; i = source.indexOf("\n", i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: end - lineStart + 1 };
}

/** Convert an engine failure (or anything thrown) into a TemplateError positioned in source. */
export function toTemplateError(source: string, error: unknown): TemplateError {
	if (error instanceof TemplateError) return error;
	if (error instanceof TemplateFailure) {
		const { line, column } = positionAt(source, error.at);
		return new TemplateError(error.message, line, column);
	}
	const reason = error instanceof Error ? error.message : String(error);
	return new TemplateError(reason, 1, 1);
}
