import { Parser } from "commonmark";

/**
 * What a static-site generator with raw HTML on would publish live from
 * Markdown: raw HTML nodes, and links, images or reference definitions whose
 * destination is neither relative nor http(s) or mailto. Written apart from
 * the code under test, on the bare CommonMark parser. Empty when inert.
 */
export function liveConstructs(markdown: string): string[] {
	const parser = new Parser();
	const tree = parser.parse(markdown);
	const found: string[] = [];
	const unsafe = (url: string | null) => {
		let parsed: URL | undefined;
		try {
			parsed = new URL(url ?? "");
		} catch {
			return false;
		}
		return !["http:", "https:", "mailto:"].includes(parsed.protocol);
	};
	const walker = tree.walker();
	for (let step = walker.next(); step; step = walker.next()) {
		const { node, entering } = step;
		if (!entering) continue;
		if (node.type === "html_block" || node.type === "html_inline") found.push(`${node.type} ${node.literal}`);
		if ((node.type === "link" || node.type === "image") && unsafe(node.destination))
			found.push(`${node.type} ${node.destination}`);
	}
	const refmap = (parser as unknown as { refmap: Record<string, { destination: string }> }).refmap;
	for (const [label, ref] of Object.entries(refmap)) {
		if (unsafe(ref.destination)) found.push(`definition [${label}] ${ref.destination}`);
	}
	return found;
}

/** The same text as a "> " blockquote, as the Markdown export quotes a selection. */
export function quoted(markdown: string): string {
	return markdown
		.split("\n")
		.map((line) => `> ${line}`)
		.join("\n");
}
