/** Which build this is: the browser, and whether it is the e2e/bench variant. */
export const browser = process.env.BROWSER === "firefox" ? "firefox" : "chrome";
/** The test variant may inject into pages served on 127.0.0.1 without a toolbar click. */
export const testBuild = process.env.LINKLETTER_TEST === "1";
export const outDir = `dist/${browser}${testBuild ? "-test" : ""}`;
