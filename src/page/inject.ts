/**
 * The script injected into the captured page with
 * scripting.executeScript({ files }). Bundled on its own as an IIFE whose
 * last statement calls run(); it runs in the page's isolated world, so it
 * uses no extension API and does nothing at import time.
 */
import { type PageSnapshot, readPage } from "./read-page.ts";

/** Read the current page. Never throws: at worst the snapshot holds only the URL. */
export function run(): PageSnapshot {
	try {
		return readPage(document);
	} catch {
		let url = "";
		try {
			url = String(location.href);
		} catch {
			// Nothing more can be learnt from this page.
		}
		return { url };
	}
}
