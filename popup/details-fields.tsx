import type { Ref } from "preact";
import type { Fields } from "./capture-fields.tsx";

/** "Tyler Treat · Brave New Geek · 2024-05-03 · via DevOps Weekly": the byline as it will go out. */
export function bylineOf(fields: Fields): string {
	const date = fields.publishedAt.slice(0, 10);
	const parts = [fields.author, fields.siteName, date].map((p) => p.trim()).filter(Boolean);
	if (fields.via.trim()) parts.push(`via ${fields.via.trim()}`);
	return parts.join(" · ");
}

/**
 * The byline and credit, collapsed to one line that shows what will go out,
 * opened to correct what the page said (a tagline as site name, a missing
 * author, a "t.co" credit).
 */
export function DetailsFields(props: {
	fields: Fields;
	bind: (key: keyof Fields) => (event: Event) => void;
	viaSuggestion: string | undefined;
	onSuggestVia: () => void;
	detailsRef: Ref<HTMLDetailsElement>;
}) {
	const { fields, bind } = props;
	const byline = bylineOf(fields);
	return (
		<>
			<details class="more details" ref={props.detailsRef}>
				<summary>
					Details <span class="summary-line">{byline || "no author, site or date found"}</span>
				</summary>
				<div class="fields">
					<label for="author">Author</label>
					<input id="author" value={fields.author} onInput={bind("author")} />
					<label for="site-name">Site name</label>
					<input id="site-name" value={fields.siteName} onInput={bind("siteName")} />
					<label for="published">Published</label>
					<input id="published" value={fields.publishedAt} onInput={bind("publishedAt")} placeholder="YYYY-MM-DD" />
					<label for="description">Description</label>
					<textarea id="description" rows={2} value={fields.description} onInput={bind("description")} />
					<label for="via">Via</label>
					<input id="via" value={fields.via} onInput={bind("via")} placeholder="Who pointed you to it" />
					<label for="via-url">Credit link</label>
					<input id="via-url" type="url" value={fields.viaUrl} onInput={bind("viaUrl")} placeholder="https://" />
				</div>
			</details>
			{props.viaSuggestion && !fields.via && (
				<p class="suggest">
					<button type="button" onClick={props.onSuggestVia}>
						Credit {props.viaSuggestion}
					</button>
				</p>
			)}
		</>
	);
}
