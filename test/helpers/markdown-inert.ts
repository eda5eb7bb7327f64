import { type Node, Parser } from "commonmark";

/*
 * The allow-list, restated here apart from src/core/render/safe-html.ts so
 * that a mistake there is not repeated: exactly these tags, and a one-line
 * comment whose text neither starts with ">" or "->" nor holds "--" or "<!"
 * nor ends with "-".
 */
const ALLOWED_TAGS = ["<small>", "</small>", "<sup>", "</sup>", "<br>", "<br/>", "<br />"];

function isAllowedComment(literal: string): boolean {
	if (!literal.startsWith("<!--") || !literal.endsWith("-->") || literal.length < 7) return false;
	const text = literal.slice(4, -3);
	return (
		!text.startsWith(">") &&
		!text.startsWith("->") &&
		!text.includes("--") &&
		!text.includes("<!") &&
		!text.endsWith("-") &&
		!/[\r\n]/.test(text)
	);
}

/** Raw inline HTML under parent that is not allowed: unknown literals, and <small>/<sup> not closed in order there. */
function disallowedInline(parent: Node): Node[] {
	const bad: Node[] = [];
	const open: Node[] = [];
	for (let child = parent.firstChild; child; child = child.next) {
		if (child.type !== "html_inline") continue;
		const literal = child.literal ?? "";
		if (isAllowedComment(literal)) continue;
		if (!ALLOWED_TAGS.includes(literal)) {
			bad.push(child);
			continue;
		}
		if (literal.startsWith("<br")) continue;
		const name = literal.replace(/[</>]/g, "");
		if (!literal.startsWith("</")) {
			open.push(child);
			continue;
		}
		let match = -1;
		for (let i = open.length - 1; i >= 0 && match === -1; i--) if ((open[i] as Node).literal === `<${name}>`) match = i;
		if (match === -1) bad.push(child);
		else bad.push(...open.splice(match).slice(1));
	}
	return [...bad, ...open];
}

/**
 * What a static-site generator with raw HTML on would publish live from
 * Markdown: raw HTML nodes other than the allow-listed ones (above), and
 * links, images or reference definitions whose destination is neither
 * relative nor http(s) or mailto. Written apart from the code under test, on
 * the bare CommonMark parser. Empty when inert.
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
		if (node.type === "html_block" && !isAllowedComment((node.literal ?? "").trim()))
			found.push(`${node.type} ${node.literal}`);
		if (node.type !== "html_block") {
			let hasHtml = false;
			for (let child = node.firstChild; child; child = child.next) if (child.type === "html_inline") hasHtml = true;
			if (hasHtml) for (const bad of disallowedInline(node)) found.push(`html_inline ${bad.literal}`);
		}
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
