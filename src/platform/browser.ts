import browser from "webextension-polyfill";

/**
 * The one place webextension-polyfill is imported. Everything else reaches
 * the browser through the small functions in src/platform.
 */
export { browser };
