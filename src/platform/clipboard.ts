/** Put text (and, when given, its HTML form) on the clipboard together. */
export async function copyToClipboard(payload: { text: string; html?: string }): Promise<void> {
	if (payload.html !== undefined && typeof ClipboardItem !== "undefined") {
		await navigator.clipboard.write([
			new ClipboardItem({
				"text/plain": new Blob([payload.text], { type: "text/plain" }),
				"text/html": new Blob([payload.html], { type: "text/html" }),
			}),
		]);
		return;
	}
	await navigator.clipboard.writeText(payload.text);
}

/** Save text as a file through the browser's download prompt, without a network request. */
export function downloadText(filename: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
	const link = document.createElement("a");
	link.href = url;
	link.download = filename;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
