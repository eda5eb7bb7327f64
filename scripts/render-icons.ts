/**
 * npm run icons: rasterise src/assets/icons/icon.svg into the PNG sizes the
 * stores and toolbars use (16, 32, 48, 128), with Debian's Chromium. The PNGs
 * are committed, so a build never depends on a browser; run this after
 * editing the SVG and commit the result.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromePath, ROOT } from "../test/e2e/harness.ts";

export const ICON_SIZES = [16, 32, 48, 128] as const;
const DIR = join(ROOT, "src/assets/icons");

const svg = readFileSync(join(DIR, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: chromePath(), args: ["--no-sandbox", "--disable-gpu"] });
try {
	for (const size of ICON_SIZES) {
		const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
		await page.setContent(
			`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
		);
		await page.screenshot({ path: join(DIR, `icon-${size}.png`), omitBackground: true });
		await page.close();
		console.log(`src/assets/icons/icon-${size}.png`);
	}
} finally {
	await browser.close();
}
