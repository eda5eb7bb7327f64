/** Lower-case words joined by hyphens: "SRE Weekly Issue #90" → "sre-weekly-issue-90"; "" when nothing is left. */
export function slug(text: string): string {
	return text
		.normalize("NFKD")
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "");
}
