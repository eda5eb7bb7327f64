import { stripTracking } from "../core/url.ts";
import { extractDetails, type PageDetails } from "./details.ts";
import { readSelection } from "./selection.ts";
import { textFragmentUrl } from "./text-fragment.ts";
import { baseUrl, httpUrl } from "./urls.ts";

/** Everything read from the page the curator is on, as plain strings. */
export interface PageSnapshot extends PageDetails {
	/** document.location.href as the page sees it. */
	url: string;
	/** The selection as Markdown (links, emphasis, code kept). */
	quote?: string;
	/** The selection as plain text. */
	quoteText?: string;
	/** Page URL + "#:~:text=…": a link that scrolls to the selection. */
	quoteUrl?: string;
	/** document.referrer when http(s). */
	referrer?: string;
	/**
	 * Set when the document is only a viewer around content the page script
	 * cannot read (the browser's PDF viewer): no details, no selection.
	 */
	unreadable?: true;
}

/** Documents that are the browser's viewer for another kind of file; their text is out of reach. */
const VIEWER_TYPES = new Set(["application/pdf"]);

function attempt<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		// A hostile page yields a partial snapshot, never an exception.
		return undefined;
	}
}

/**
 * Read the page's details and the reader's selection. Never throws: a part
 * that cannot be read is left out.
 */
export function readPage(doc: Document): PageSnapshot {
	const url = attempt(() => doc.location?.href) ?? attempt(() => doc.URL) ?? "";
	const snapshot: PageSnapshot = { url };
	if (VIEWER_TYPES.has(attempt(() => doc.contentType) ?? "")) {
		snapshot.unreadable = true;
		return snapshot;
	}
	Object.assign(
		snapshot,
		attempt(() => extractDetails(doc, url)),
	);
	const base = attempt(() => baseUrl(doc, url)) ?? url;
	const selection = attempt(() => readSelection(doc, base));
	if (selection?.quote) snapshot.quote = selection.quote;
	if (selection?.quoteText) {
		snapshot.quoteText = selection.quoteText;
		const quoteUrl = attempt(() => textFragmentUrl(stripTracking(url), selection.quoteText ?? ""));
		if (quoteUrl) snapshot.quoteUrl = quoteUrl;
	}
	const referrer = attempt(() => httpUrl(doc.referrer, url));
	if (referrer) snapshot.referrer = referrer;
	return snapshot;
}
