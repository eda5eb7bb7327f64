// The popup's first script: no Preact, no IndexedDB, no polyfill. It makes the static form ready to type,
// and once that frame is painted it loads the app, which takes over the same elements (take-over.tsx).
import { firstTab } from "../src/platform/direct.ts";
import { paintFirst } from "./first-paint.ts";

const tabParam = new URLSearchParams(location.search).get("tabId");
const first = paintFirst(
	document,
	() => firstTab(tabParam ? Number(tabParam) : undefined),
	() => window.close(),
);

let started = false;
const loadApp = () => {
	if (started) return;
	started = true;
	void import("./main.ts").then(({ start }) => {
		const root = document.getElementById("app");
		if (root) start(root, first);
	});
};
// A callback posted from requestAnimationFrame runs after that frame is painted. The timer covers a
// window that paints no frames (hidden) or a tab query that never answers.
void first.tab.finally(() => requestAnimationFrame(() => setTimeout(loadApp, 0)));
setTimeout(loadApp, 250);
