/**
 * The one "ready to type" detector, put first into both the popup and the
 * floor page by the test build (vite.config.ts), so both are watched the same
 * way. Once per frame (requestAnimationFrame runs just before a frame is
 * painted) it checks that URL and title are shown and Note has focus; the
 * first frame where they are is that frame, and a message posted from its
 * callback arrives once it has been painted. Nothing polls between frames.
 */
export interface Painted {
	/** performance.timeOrigin + now: comparable with another page's clock in the same browser. */
	at: number;
	/** Since the page's own navigation start. */
	sinceStart: number;
}

/** The performance mark set at the same moment. */
export const READY_MARK = "linkletter:ready-painted";

const shown = (): boolean => {
	const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? "";
	const note = document.getElementById("note");
	return note !== null && document.activeElement === note && value("url") !== "" && value("title") !== "";
};

(globalThis as { __linkletterPainted?: Promise<Painted> }).__linkletterPainted = new Promise((resolve) => {
	const frame = () => {
		if (!shown()) {
			requestAnimationFrame(frame);
			return;
		}
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			const now = performance.now();
			// Also as a mark: a driver's script may not see this page's globals (Firefox over BiDi).
			performance.mark(READY_MARK, { startTime: now });
			resolve({ at: performance.timeOrigin + now, sinceStart: now });
		};
		channel.port2.postMessage(null);
	};
	requestAnimationFrame(frame);
});
