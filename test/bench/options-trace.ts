/**
 * Where the options page's time goes: a Chromium performance trace
 * (devtools.timeline) around the page load and around a card moved to the
 * next section by key, with 1,000 captures in the draft (or 10,000 archived
 * + 150 with ARCHIVE=1), summarised as main-thread time by event name.
 * Not part of `npm run bench`: run `npm run build:test && npx tsx test/bench/options-trace.ts`
 * (MODE=keyjs or MODE=dropjs: the JS of a move by key or by a drop, and a profile of it;
 * MODE=droptrace: a drop's main-thread timeline).
 * TRACE_OUT=dir also writes the raw traces (open them in DevTools' Performance panel).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type CDPSession, chromium, type Page } from "playwright-core";
import { seed } from "./seed.ts";

/** One build, or with AB="dist/a,dist/b" two loaded side by side and measured in turn (MODE=ab). */
const DISTS = (process.env.AB ?? "dist/chrome-test").split(",").map((d) => resolve(import.meta.dirname, "../..", d));
const DIST = DISTS.join(",");

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: Record<string, unknown>;
}

async function trace(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
	const events: TraceEvent[] = [];
	const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
	cdp.on("Tracing.dataCollected", collect);
	const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
	await cdp.send("Tracing.start", {
		traceConfig: {
			includedCategories:
				process.env.CATS === "light"
					? ["devtools.timeline", "v8.execute", "v8", "blink.user_timing", "IndexedDB", "loading"]
					: [
							"devtools.timeline",
							"disabled-by-default-devtools.timeline",
							"disabled-by-default-devtools.timeline.frame",
							"blink.user_timing",
							"v8.execute",
							"blink",
							"cc",
							"gpu",
							"viz",
							"IndexedDB",
							"latencyInfo",
							"input",
						],
		},
		transferMode: "ReportEvents",
	});
	await work();
	await cdp.send("Tracing.end");
	await done;
	cdp.off("Tracing.dataCollected", collect);
	return events;
}

/** Self time of complete events on the renderer main thread of the options page, by name. */
function summarise(events: TraceEvent[], label: string): void {
	const threads = new Map<string, string>();
	for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
	const marks = events.filter((e) => e.name.startsWith("linkletter:") || e.name === "navigationStart");
	const main = events.filter((e) => threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain" && e.ph === "X" && e.dur);
	// Pick the renderer whose main thread was busiest (the options page).
	const byPid = new Map<number, number>();
	for (const e of main) byPid.set(e.pid, (byPid.get(e.pid) ?? 0) + (e.dur ?? 0));
	const pid = [...byPid].sort((a, b) => b[1] - a[1])[0]?.[0];
	const mine = main.filter((e) => e.pid === pid && e.name !== "ThreadControllerImpl::RunTask" && e.name !== "RunTask");
	const t0 = Math.min(...mine.map((e) => e.ts));
	const t1 = Math.max(...mine.map((e) => e.ts + (e.dur ?? 0)));
	// Self time: subtract children nested on the same thread.
	mine.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const self = new Map<string, number>();
	const stack: { e: TraceEvent; end: number }[] = [];
	for (const e of mine) {
		const end = e.ts + (e.dur ?? 0);
		while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop();
		const parent = stack.at(-1);
		if (parent) self.set(parent.e.name, (self.get(parent.e.name) ?? 0) - (e.dur ?? 0));
		self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
		stack.push({ e, end });
	}
	console.log(`\n== ${label}: main thread span ${((t1 - t0) / 1000).toFixed(1)} ms`);
	for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
		if (us > 300) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
	}
	const timeline = mine
		.filter((e) => (e.dur ?? 0) > 2000 && stack.length >= 0)
		.filter(
			(e) =>
				!mine.some(
					(p) => p !== e && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0) && (p.dur ?? 0) > (e.dur ?? 0),
				),
		)
		.map(
			(e) =>
				`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ${e.name}`,
		);
	console.log("top-level tasks > 2 ms (start, duration):");
	for (const line of timeline.slice(0, 40)) console.log(line);
	// What the long tasks spent their time on (self time of what they contain).
	const tops = mine.filter(
		(e) =>
			(e.dur ?? 0) > 10_000 &&
			!mine.some(
				(p) => p !== e && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0) && (p.dur ?? 0) > (e.dur ?? 0),
			),
	);
	for (const top of tops) {
		const end = top.ts + (top.dur ?? 0);
		const inside = mine.filter((e) => e.ts >= top.ts && e.ts + (e.dur ?? 0) <= end);
		const own = new Map<string, number>();
		const st: { e: TraceEvent; end: number }[] = [];
		for (const e of inside) {
			const eEnd = e.ts + (e.dur ?? 0);
			while (st.length && (st.at(-1)?.end ?? 0) <= e.ts) st.pop();
			const parent = st.at(-1);
			if (parent) own.set(parent.e.name, (own.get(parent.e.name) ?? 0) - (e.dur ?? 0));
			own.set(e.name, (own.get(e.name) ?? 0) + (e.dur ?? 0));
			st.push({ e, end: eEnd });
		}
		const parts = [...own]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`)
			.join(", ");
		const fn = inside.find(
			(e) => e.name === "FunctionCall" || e.name === "TimerFire" || e.name === "FireAnimationFrame",
		);
		const data = (fn?.args?.data ?? {}) as Record<string, unknown>;
		const where = data.url ? ` [${fn?.name} ${String(data.functionName ?? "")}:${String(data.lineNumber ?? "")}]` : "";
		console.log(
			`  @${((top.ts - t0) / 1000).toFixed(1)} ${top.name} ${((top.dur ?? 0) / 1000).toFixed(1)} ms${where}: ${parts}`,
		);
	}
	for (const m of marks.filter((m) => m.pid === pid))
		console.log(`mark ${m.name} at ${((m.ts - t0) / 1000).toFixed(1)} ms`);
	const frames = events.filter((e) => e.name === "DrawFrame" || e.name === "Commit" || e.name === "BeginFrame");
	const counts = new Map<string, number>();
	for (const f of frames) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
	console.log("frame events:", Object.fromEntries(counts));
}

interface ProfileNode {
	id: number;
	children?: number[];
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
}

/** Self time by JS function over `work` (build with --minify false for readable names). */
async function profile(cdp: CDPSession, label: string, work: () => Promise<void>): Promise<void> {
	await cdp.send("Profiler.enable");
	await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
	await cdp.send("Profiler.start");
	await work();
	const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
		profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
	};
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const f = byId.get(id)?.callFrame;
		if (!f) return;
		const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
	});
	console.log(`\n== JS self time, ${label}`);
	for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
		if (!k.startsWith("(idle)")) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
	}
	// Inclusive time: each sample counts once for every distinct function on its stack.
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const total = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const seen = new Set<string>();
		for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
			const f = byId.get(n)?.callFrame;
			if (!f?.url.includes("assets")) continue;
			const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
			if (seen.has(key)) continue;
			seen.add(key);
			total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
		}
	});
	console.log(`-- inclusive, ${label}`);
	for (const [k, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) {
		console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
	}
}

const profileDir = mkdtempSync(join(tmpdir(), "linkletter-trace-"));
const context = await chromium.launchPersistentContext(profileDir, {
	executablePath: "/usr/bin/chromium",
	headless: false,
	ignoreDefaultArgs: ["--disable-extensions"],
	args: [
		"--headless=new",
		`--disable-extensions-except=${DIST}`,
		`--load-extension=${DIST}`,
		"--no-sandbox",
		"--disable-gpu",
		"--no-first-run",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
	],
	viewport: { width: 1280, height: 900 },
});
// tsx (esbuild keepNames) wraps functions in __name(), which the page does not have.
await context.addInitScript("globalThis.__name = (f) => f");
/** A move by Alt+→ of the second card of the first section: Event Timing's keydown duration, and ms to stored. */
async function moveOnce(page: Page): Promise<{ painted: number; stored: number }> {
	const id = await page.evaluate(() => {
		const card = document
			.querySelectorAll("section.section ol")[0]
			?.children[1]?.querySelector("article") as HTMLElement;
		const w = window as unknown as { __keydown: number[]; __observer?: PerformanceObserver };
		w.__keydown = [];
		w.__observer?.disconnect();
		w.__observer = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.name === "keydown") w.__keydown.push(e.duration);
		});
		w.__observer.observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
		performance.clearMarks("linkletter:stored");
		card.focus();
		return card.id;
	});
	const start = await page.evaluate(() => performance.now());
	await page.keyboard.press("Alt+ArrowRight");
	await page.waitForFunction(
		(id) => document.querySelectorAll("section.section ol")[1]?.querySelector(`[id="${id}"]`) !== null,
		id,
	);
	await page.waitForFunction(() => performance.getEntriesByName("linkletter:stored").length > 0);
	await page.waitForTimeout(300);
	return page.evaluate((start) => {
		const w = window as unknown as { __keydown: number[] };
		return {
			painted: w.__keydown.length > 0 ? Math.max(...w.__keydown) : 16,
			stored: (performance.getEntriesByName("linkletter:stored")[0]?.startTime ?? 0) - start,
		};
	}, start);
}

/** Both builds in one browser, measured in turn: ready (median of 7 reloads) and 7 moves, per database. */
async function ab(): Promise<void> {
	while (context.serviceWorkers().length < 2) await context.waitForEvent("serviceworker");
	const ids = context.serviceWorkers().map((w) => new URL(w.url()).host);
	// Which id is which build: the extension's path is not visible from inside; its hashed script names differ.
	const pages: Page[] = [];
	for (const id of ids) {
		const page = await context.newPage();
		await page.goto(`chrome-extension://${id}/options/index.html`);
		await page.getByRole("heading", { name: /draft issue #1/ }).waitFor();
		pages.push(page);
	}
	const labels = await Promise.all(
		pages.map((p) => p.evaluate(() => (document.querySelector('script[type="module"]') as HTMLScriptElement).src)),
	);
	console.log("builds:", ids.map((id, i) => `${id} ${labels[i]}`).join(" | "));
	const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
	for (const [archived, draft] of [
		[10_000, 150],
		[0, 1_000],
	] as const) {
		for (const page of pages) await seed(page, archived, draft);
		const cdps = await Promise.all(pages.map((p) => p.context().newCDPSession(p)));
		for (const c of cdps) await c.send("Performance.enable");
		/** The main thread's busy time (Performance.getMetrics TaskDuration) and script time, in ms, since `before`. */
		const metrics = async (i: number) => {
			const { metrics } = await (cdps[i] as CDPSession).send("Performance.getMetrics");
			const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
			return {
				task: get("TaskDuration"),
				script: get("ScriptDuration"),
				layout: get("LayoutDuration"),
				style: get("RecalcStyleDuration"),
			};
		};
		const busy: { task: number; script: number; layout: number; style: number }[][] = pages.map(() => []);
		const moveBusy: { task: number; script: number; layout: number; style: number }[][] = pages.map(() => []);
		const ready: number[][] = pages.map(() => []);
		const painted: number[][] = pages.map(() => []);
		const stored: number[][] = pages.map(() => []);
		for (let r = 0; r < 7; r++) {
			for (const [i, page] of pages.entries()) {
				await page.bringToFront();
				await page.reload();
				await page.waitForFunction(() => performance.getEntriesByName("linkletter:options-ready").length > 0);
				// After a navigation the counts start again from zero: these are the new page's, up to its draft painted.
				busy[i]?.push(await metrics(i));
				ready[i]?.push(
					await page.evaluate(() => performance.getEntriesByName("linkletter:options-ready")[0]?.startTime ?? 0),
				);
			}
		}
		for (const page of pages) {
			await page.bringToFront();
			await page.getByRole("button", { name: "Copy" }).waitFor();
			await page.waitForTimeout(2000);
		}
		for (let r = 0; r < 7; r++) {
			for (const [i, page] of pages.entries()) {
				await page.bringToFront();
				const before = await metrics(i);
				const m = await moveOnce(page);
				const after = await metrics(i);
				moveBusy[i]?.push({
					task: after.task - before.task,
					script: after.script - before.script,
					layout: after.layout - before.layout,
					style: after.style - before.style,
				});
				painted[i]?.push(m.painted);
				stored[i]?.push(m.stored);
			}
		}
		for (const [i] of pages.entries()) {
			const medOf = (rows: { task: number; script: number; layout: number; style: number }[]) =>
				`task ${med(rows.map((r) => r.task)).toFixed(0)} script ${med(rows.map((r) => r.script)).toFixed(0)} layout ${med(rows.map((r) => r.layout)).toFixed(0)} style ${med(rows.map((r) => r.style)).toFixed(0)}`;
			console.log(
				`  main-thread ms to draft painted (median): ${medOf(busy[i] ?? [])}; per move: ${medOf(moveBusy[i] ?? [])}`,
			);
			console.log(
				`${archived} archived + ${draft} draft, build ${i} (${labels[i]?.split("/").pop()}): ready median ${med(ready[i] ?? []).toFixed(0)} [${ready[i]?.map((v) => v.toFixed(0)).join(" ")}]; ` +
					`key→painted median ${med(painted[i] ?? [])} [${painted[i]?.join(" ")}]; stored median ${med(stored[i] ?? []).toFixed(0)} [${stored[i]?.map((v) => v.toFixed(0)).join(" ")}]`,
			);
		}
	}
}

async function run(): Promise<void> {
	if (process.env.MODE === "ab") return ab();
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
	const id = new URL(worker.url()).host;
	const page = await context.newPage();
	await page.goto(`chrome-extension://${id}/options/index.html`);
	await page.getByRole("heading", { name: /draft issue #1/ }).waitFor();
	if (process.env.MODE === "ready") {
		// No tracing: the median of 7 reloads to the draft painted, for several databases, with the page's own timings.
		for (const [archived, draft] of [
			[0, 0],
			[0, 150],
			[10_000, 150],
			[0, 1_000],
		] as const) {
			await seed(page, archived, draft);
			const runs: Record<string, number>[] = [];
			for (let r = 0; r < 8; r++) {
				await page.reload();
				await page.waitForFunction(() => performance.getEntriesByName("linkletter:options-ready").length > 0);
				runs.push(
					await page.evaluate(() => {
						const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
						const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
						const out: Record<string, number> = {
							domInteractive: nav.domInteractive,
							domContentLoaded: nav.domContentLoadedEventEnd,
							fcp: at("first-contentful-paint"),
						};
						for (const m of performance.getEntriesByType("mark")) out[m.name.replace("linkletter:", "")] = m.startTime;
						return out;
					}),
				);
			}
			const keys = Object.keys(runs[1] ?? {});
			const med = (k: string) => {
				const v = runs
					.slice(1)
					.map((r) => r[k] ?? Number.NaN)
					.sort((a, b) => a - b);
				return v[Math.floor(v.length / 2)]?.toFixed(0);
			};
			console.log(`${archived} archived + ${draft} draft:`, keys.map((k) => `${k} ${med(k)}`).join(", "));
		}
		return;
	}
	const archive = process.env.ARCHIVE === "1";
	await seed(page, archive ? 10_000 : 0, archive ? 150 : 1_000);
	if (process.env.MODE === "keyjs") {
		// The JS a move by key runs before the browser may paint: the handler and Preact's render (a microtask later).
		const cdp = await page.context().newCDPSession(page);
		await page.reload();
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:export-ready").length > 0);
		await page.waitForTimeout(4000);
		console.log(
			"cards in the first screen:",
			await page.evaluate(() => {
				const cards = [...document.querySelectorAll("article")];
				const heights = cards.slice(0, 30).map((c) => Math.round(c.getBoundingClientRect().height));
				return {
					visible: cards.filter((c) => c.getBoundingClientRect().top < innerHeight).length,
					firstTop: Math.round(cards[0]?.getBoundingClientRect().top ?? 0),
					heights: heights.join(" "),
				};
			}),
		);
		const press = () =>
			page.evaluate(async () => {
				const card = document
					.querySelectorAll("section.section ol")[0]
					?.children[1]?.querySelector("article") as HTMLElement;
				card.focus();
				(window as unknown as { __renderProfile?: () => unknown }).__renderProfile?.();
				const t = performance.now();
				card.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true }));
				const handler = performance.now() - t;
				// Preact renders in a microtask queued by the handler: it has run once ours does.
				await new Promise<void>((r) => queueMicrotask(r));
				const rendered = performance.now() - t;
				const components = (window as unknown as { __renderProfile?: () => unknown }).__renderProfile?.();
				// Then the frame: rAF callbacks (focus), style, layout, paint.
				let raf = 0;
				await new Promise<void>((r) =>
					requestAnimationFrame(() => {
						raf = performance.now() - t;
						setTimeout(r, 0);
					}),
				);
				return { handler, rendered, raf, painted: performance.now() - t, components };
			});
		for (let r = 0; r < 3; r++) {
			console.log("untraced key:", await press());
			await page.waitForTimeout(1000);
		}
		if (process.env.SKIP_PROFILE) return;
		await profile(cdp, "key handler + render", async () => {
			console.log("profiled key:", await press());
		});
		return;
	}
	if (process.env.MODE === "dropjs" || process.env.MODE === "droptrace") {
		// The JS a pointer drop runs before the browser may paint: the last card of the first section
		// dropped on the top of the second section's first card, through real drag events in the page.
		const cdp = await page.context().newCDPSession(page);
		await page.reload();
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:export-ready").length > 0);
		await page.waitForTimeout(4000);
		const drop = () =>
			page.evaluate(async () => {
				const lists = document.querySelectorAll("section.section ol");
				const cards = lists[0]?.querySelectorAll("article") ?? [];
				const card = cards[cards.length - 1] as HTMLElement;
				const onto = lists[1]?.querySelector("article") as HTMLElement;
				card.scrollIntoView({ block: "center" });
				const handle = card.querySelector("[data-drag]") as HTMLElement;
				const data = new DataTransfer();
				handle.dispatchEvent(new DragEvent("dragstart", { bubbles: true, dataTransfer: data }));
				const box = onto.getBoundingClientRect();
				const at = {
					clientX: box.left + 40,
					clientY: box.top + 5,
					bubbles: true,
					cancelable: true,
					dataTransfer: data,
				};
				onto.dispatchEvent(new DragEvent("dragover", at));
				performance.clearMarks("linkletter:stored");
				const t = performance.now();
				onto.dispatchEvent(new DragEvent("drop", at));
				const handler = performance.now() - t;
				await new Promise<void>((r) => queueMicrotask(r));
				const rendered = performance.now() - t;
				let raf = 0;
				await new Promise<void>((r) =>
					requestAnimationFrame(() => {
						raf = performance.now() - t;
						setTimeout(r, 0);
					}),
				);
				const painted = performance.now() - t;
				handle.dispatchEvent(new DragEvent("dragend", { bubbles: true, dataTransfer: data }));
				await new Promise((r) => setTimeout(r, 300));
				const stored = (performance.getEntriesByName("linkletter:stored")[0]?.startTime ?? Number.NaN) - t;
				return { handler, rendered, raf, painted, stored };
			});
		for (let r = 0; r < 3; r++) {
			console.log("untraced drop:", await drop());
			await page.waitForTimeout(1000);
		}
		if (process.env.MODE === "droptrace") {
			summarise(
				await trace(cdp, async () => {
					console.log("traced drop:", await drop());
				}),
				"drop, and 300 ms after",
			);
			return;
		}
		if (process.env.SKIP_PROFILE) return;
		await profile(cdp, "drop handler + render", async () => {
			console.log("profiled drop:", await drop());
		});
		return;
	}
	const out = process.env.TRACE_OUT;
	if (out) mkdirSync(out, { recursive: true });
	const cdp = await page.context().newCDPSession(page);
	// Warm once, as the bench's seven reloads do.
	await page.reload();
	await page.waitForFunction(() => performance.getEntriesByName("linkletter:export-ready").length > 0);
	const js = process.env.MODE === "js";
	/** Trace `work` and summarise it, or with MODE=js take a JS CPU profile of it. */
	const around = async (label: string, file: string, work: () => Promise<void>) => {
		if (js) return profile(cdp, label, work);
		const events = await trace(cdp, work);
		summarise(events, label);
		if (out) writeFileSync(join(out, file), JSON.stringify({ traceEvents: events }));
	};
	if (js) {
		await around("load, to the draft painted", "", async () => {
			await page.reload();
			await page.waitForFunction(() => performance.getEntriesByName("linkletter:options-ready").length > 0, null, {
				polling: 1,
			});
		});
		await page.waitForTimeout(3000);
	}
	await around("load", "load.json", async () => {
		await page.reload();
		await page.waitForFunction(() => performance.getEntriesByName("linkletter:export-ready").length > 0);
		await page.waitForTimeout(1500);
	});
	const ready = await page.evaluate(() => ({
		draft: performance.getEntriesByName("linkletter:options-ready")[0]?.startTime,
		exported: performance.getEntriesByName("linkletter:export-ready")[0]?.startTime,
		fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
	}));
	console.log("marks (ms from navigation):", ready);
	for (let r = 0; r < 3; r++) {
		const cardId = await page.evaluate(() => {
			const card = document
				.querySelectorAll("section.section ol")[0]
				?.children[1]?.querySelector("article") as HTMLElement;
			card.focus();
			performance.clearMarks("linkletter:stored");
			const w = window as unknown as { __keydown: number[]; __observer?: PerformanceObserver };
			w.__keydown = [];
			w.__observer?.disconnect();
			w.__observer = new PerformanceObserver((list) => {
				for (const e of list.getEntries()) if (e.name === "keydown") w.__keydown.push(e.duration);
			});
			w.__observer.observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
			return card.id;
		});
		await around(`move ${r + 1}`, `move-${r + 1}.json`, async () => {
			await page.evaluate(() => performance.mark("linkletter:key"));
			await page.keyboard.press("Alt+ArrowRight");
			await page.waitForFunction(
				(id) => document.querySelectorAll("section.section ol")[1]?.querySelector(`[id="${id}"]`) !== null,
				cardId,
			);
			await page.waitForFunction(() => performance.getEntriesByName("linkletter:stored").length > 0);
			await page.waitForTimeout(500);
		});
		console.log(
			"keydown event durations:",
			await page.evaluate(() => (window as unknown as { __keydown: number[] }).__keydown),
		);
	}
}
try {
	await run();
} finally {
	await context.close();
	rmSync(profileDir, { recursive: true, force: true });
}
