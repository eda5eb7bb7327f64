// npm run test:firefox: the Firefox end-to-end suite runs whenever Firefox is
// installed (.ci/run installs Debian's firefox-esr first). On a machine without
// it, say so plainly instead of failing the Chromium run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const found = [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => p && existsSync(p));
if (!found) {
	console.log("Firefox is not installed (apt-get install firefox-esr): the Firefox end-to-end suite did not run.");
	process.exit(0);
}
const run = spawnSync("npx", ["vitest", "run", "--project", "firefox"], { stdio: "inherit" });
process.exit(run.status ?? 1);
