// The options page's first script: it opens the database and starts reading the draft, then loads the
// app (Preact and every view), whose fetch and compile the read overlaps; the app's first load takes it.
import { startFirstRead } from "./first-read.ts";

/** Longest the page stays blank waiting for the read once the app is in (an upgrade another window blocks). */
const WAIT_FOR_READ = 300;

const first = startFirstRead();
const app = import("./main.tsx");
// The app starts once the read is in too, so its first render has the draft (one render and one frame,
// not an empty page painted first); a read that fails or lingers leaves that to the app to show.
const read = new Promise<void>((done) => {
	const go = () => done();
	first.settled.then(go, go);
	void app.then(() => setTimeout(go, WAIT_FOR_READ));
});
void Promise.all([app, read]).then(([{ start }]) => {
	const root = document.getElementById("app");
	if (root) start(root, first);
});
