import type { Capture } from "../src/core/capture.ts";
import { splitTags } from "./open-editors.ts";

const MAX_SUGGESTIONS = 8;

/** Every tag used on these captures, most used first: the tag field's suggestions. */
export function usedTags(captures: readonly Pick<Capture, "tags">[]): string[] {
	const counts = new Map<string, { tag: string; n: number }>();
	for (const c of captures) {
		for (const tag of c.tags ?? []) {
			const key = tag.toLowerCase();
			const seen = counts.get(key);
			if (seen) seen.n++;
			else counts.set(key, { tag, n: 1 });
		}
	}
	return [...counts.values()].sort((a, b) => b.n - a.n || a.tag.localeCompare(b.tag)).map((t) => t.tag);
}

/**
 * The tags still to suggest: used before, not on this capture yet, and
 * starting with (else containing) the word being typed after the last comma.
 */
export function tagMatches(value: string, suggestions: readonly string[]): string[] {
	const parts = value.split(",");
	const typing = (parts.at(-1) ?? "").trim().toLowerCase();
	const have = new Set(splitTags(value).map((t) => t.toLowerCase()));
	const open = suggestions.filter((t) => !have.has(t.toLowerCase()) || t.toLowerCase() === typing);
	const fitting = typing
		? [
				...open.filter((t) => t.toLowerCase().startsWith(typing)),
				...open.filter((t) => !t.toLowerCase().startsWith(typing) && t.toLowerCase().includes(typing)),
			]
		: open;
	return fitting.filter((t) => t.toLowerCase() !== typing).slice(0, MAX_SUGGESTIONS);
}

/** The value with `tag` in place of the word being typed. */
function withTag(value: string, tag: string): string {
	const done = splitTags(value.split(",").slice(0, -1).join(","));
	return `${[...done, tag].join(", ")}, `;
}

/** Tags separated by commas, with buttons for tags used before that fit what is typed. */
export function TagsInput(props: {
	id: string;
	value: string;
	suggestions: readonly string[];
	onChange: (value: string) => void;
}) {
	const matches = tagMatches(props.value, props.suggestions);
	return (
		<>
			<label for={props.id}>Tags</label>
			<input
				id={props.id}
				value={props.value}
				autocomplete="off"
				placeholder="Separated by commas"
				onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value)}
			/>
			{matches.length > 0 && (
				<ul class="tag-suggestions" aria-label="Tags used before">
					{matches.map((tag) => (
						<li key={tag}>
							<button
								type="button"
								aria-label={`Add tag ${tag}`}
								onClick={() => props.onChange(withTag(props.value, tag))}
							>
								{tag}
							</button>
						</li>
					))}
				</ul>
			)}
		</>
	);
}
