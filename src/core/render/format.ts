/** The export formats. */
export type Format = "md" | "html" | "txt" | "json";

/** Every format, in the order the options page offers them. */
export const FORMATS: readonly Format[] = ["md", "html", "txt", "json"];

/** Whether a string names a format. */
export function isFormat(value: string): value is Format {
	return (FORMATS as readonly string[]).includes(value);
}
