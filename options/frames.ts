/**
 * Work that waits for the page's next frame: at its start (what focus needs
 * is the layout the frame does anyway), or once it is painted (a task queued
 * from the frame's callback runs after the paint). A page in a background
 * tab gets no frames, so a timer stands in after 100 ms. Returns a cancel.
 */
export function atNextFrame(callback: () => void): () => void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		callback();
	};
	const frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(once) : undefined;
	const timer = setTimeout(once, frame === undefined ? 0 : 100);
	return () => {
		done = true;
		if (frame !== undefined) cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/** `callback` once the next frame has been painted (see atNextFrame). Returns a cancel. */
export function afterNextPaint(callback: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const cancelFrame = atNextFrame(() => {
		timer = setTimeout(callback, 0);
	});
	return () => {
		cancelFrame();
		clearTimeout(timer);
	};
}
