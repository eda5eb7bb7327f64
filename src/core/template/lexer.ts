import { TemplateFailure } from "./errors.ts";

/** Literal text between tags. */
export interface TextToken {
	kind: "text";
	value: string;
}

/** `{{ expression }}`: body is the expression, bodyAt its offset in the source. */
export interface OutputToken {
	kind: "output";
	body: string;
	bodyAt: number;
	at: number;
}

/** `{% name args %}`. */
export interface TagToken {
	kind: "tag";
	name: string;
	args: string;
	argsAt: number;
	at: number;
}

/** A piece of template source. */
export type Token = TextToken | OutputToken | TagToken;

const OPENING = /\{[{%]/g;
const TAG_NAME = /^\s*(#|[A-Za-z_]\w*)/;
const LEADING_SPACE = /^[ \t\r\n]+/;
const TRAILING_SPACE = /[ \t\r\n]+$/;

function trimEndOfLast(tokens: Token[]): void {
	const last = tokens[tokens.length - 1];
	if (last?.kind === "text") last.value = last.value.replace(TRAILING_SPACE, "");
}

/** Find the `{% endNAME %}` closing a raw or comment block; returns [start, end] offsets and its trims. */
function findEnd(
	source: string,
	name: string,
	from: number,
): { start: number; end: number; trimLeft: boolean; trimRight: boolean } | undefined {
	const pattern = new RegExp(`\\{%(-?)\\s*end${name}\\s*(-?)%\\}`, "g");
	pattern.lastIndex = from;
	const match = pattern.exec(source);
	if (!match) return undefined;
	return {
		start: match.index,
		end: match.index + match[0].length,
		trimLeft: match[1] === "-",
		trimRight: match[2] === "-",
	};
}

/**
 * Split a template into text, output and tag tokens, applying whitespace
 * control (`{%-`, `-%}`, `{{-`, `-}}` remove all whitespace, newlines included,
 * on that side). `raw` blocks become text; `comment` blocks disappear.
 */
export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	let trimNext = false;
	const pushText = (value: string) => {
		const text = trimNext ? value.replace(LEADING_SPACE, "") : value;
		trimNext = false;
		if (text !== "") tokens.push({ kind: "text", value: text });
	};
	while (index < source.length) {
		OPENING.lastIndex = index;
		const open = OPENING.exec(source);
		if (!open) break;
		const at = open.index;
		pushText(source.slice(index, at));
		const isOutput = open[0] === "{{";
		const closer = isOutput ? "}}" : "%}";
		const close = source.indexOf(closer, at + 2);
		if (close === -1) throw new TemplateFailure(at, `"${open[0]}" is never closed: add ${closer}`);
		let bodyAt = at + 2;
		let bodyEnd = close;
		if (source[bodyAt] === "-") {
			trimEndOfLast(tokens);
			bodyAt++;
		}
		const trimRight = bodyEnd > bodyAt && source[bodyEnd - 1] === "-";
		if (trimRight) bodyEnd--;
		const body = source.slice(bodyAt, bodyEnd);
		index = close + 2;
		if (isOutput) {
			tokens.push({ kind: "output", body, bodyAt, at });
			trimNext = trimRight;
			continue;
		}
		const nameMatch = TAG_NAME.exec(body);
		if (!nameMatch?.[1]) throw new TemplateFailure(at, "a tag needs a name, such as {% if %} or {% for %}");
		const name = nameMatch[1];
		if (name === "raw" || name === "comment") {
			const end = findEnd(source, name, index);
			if (!end) throw new TemplateFailure(at, `"${name}" is never closed: add {% end${name} %}`);
			let inner = source.slice(index, end.start);
			if (trimRight) inner = inner.replace(LEADING_SPACE, "");
			if (end.trimLeft) inner = inner.replace(TRAILING_SPACE, "");
			if (name === "raw" && inner !== "") tokens.push({ kind: "text", value: inner });
			index = end.end;
			trimNext = end.trimRight;
			continue;
		}
		tokens.push({
			kind: "tag",
			name,
			args: body.slice(nameMatch[0].length),
			argsAt: bodyAt + nameMatch[0].length,
			at,
		});
		trimNext = trimRight;
	}
	if (index < source.length) pushText(source.slice(index));
	return tokens;
}
