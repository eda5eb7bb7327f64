import type { Node } from "commonmark";
import { type ComponentChildren, h, type VNode } from "preact";
import { isPlainParagraph, isSafeLinkTarget, MAX_DEPTH, parseMarkdown } from "../src/core/render/markdown-tree.ts";

const TAGS: Record<string, string> = {
	paragraph: "p",
	emph: "em",
	strong: "strong",
	block_quote: "blockquote",
	item: "li",
	code_block: "pre",
	thematic_break: "hr",
};

/**
 * One node as Preact elements. Never HTML from the text: raw HTML and images
 * show as their literal text and alt text (a card makes no request), links
 * only for http(s) and mailto. Headings read as bold paragraphs inside a card.
 */
function toVNode(node: Node, key: number, depth: number): ComponentChildren {
	const kids = (): ComponentChildren[] => {
		const out: ComponentChildren[] = [];
		let i = 0;
		for (let child = node.firstChild; child; child = child.next) out.push(toVNode(child, i++, depth + 1));
		return out;
	};
	if (depth > MAX_DEPTH) return node.literal ?? "";
	switch (node.type) {
		case "text":
		case "html_inline":
		case "html_block":
			return node.literal ?? "";
		case "softbreak":
			return " ";
		case "linebreak":
			return h("br", { key });
		case "code":
			return h("code", { key }, node.literal);
		case "code_block":
			return h("pre", { key }, h("code", null, node.literal));
		case "link":
			return isSafeLinkTarget(node.destination)
				? h("a", { key, href: node.destination, target: "_blank", rel: "noreferrer noopener" }, kids())
				: h("span", { key }, kids());
		case "image":
			return h("span", { key, class: "image-alt" }, ["[image: ", ...kids(), "]"]);
		case "heading":
			return h("p", { key }, h("strong", null, kids()));
		case "list":
			return h(node.listType === "ordered" ? "ol" : "ul", { key }, kids());
		case "document":
			return kids();
		default:
			return h(TAGS[node.type] ?? "div", { key }, kids());
	}
}

// Parsed notes by capture id and updatedAt: a re-render parses nothing it parsed before.
const cache = new Map<string, Node | string>();
const CACHE_LIMIT = 5_000;

/** Markdown as Preact elements; its parse is cached under `cacheKey` (capture id + updatedAt + field). */
export function renderMarkdownView(markdown: string, cacheKey: string): VNode {
	let tree = cache.get(cacheKey);
	if (tree === undefined) {
		tree = isPlainParagraph(markdown) ? markdown : parseMarkdown(markdown);
		if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
		cache.set(cacheKey, tree);
	}
	return typeof tree === "string" ? h("p", null, tree) : h("div", null, toVNode(tree, 0, 0));
}
