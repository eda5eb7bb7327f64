/**
 * The page's writes in flight. Work that can wait (the export preview and
 * the checklist, after a move) waits for them too: IndexedDB's answers are
 * tasks on the page's main thread, and a render of the export queued ahead
 * of them kept a move from being stored for as long as it ran.
 */
export class WriteGate {
	private inFlight = 0;
	private waiting = new Set<() => void>();

	/** Count `write` as in flight until it settles; returns it. */
	track<T>(write: Promise<T>): Promise<T> {
		this.inFlight++;
		const done = () => {
			this.inFlight--;
			if (this.inFlight > 0) return;
			const waiting = [...this.waiting];
			this.waiting.clear();
			for (const run of waiting) run();
		};
		write.then(done, done);
		return write;
	}

	/**
	 * Run `callback` once no write is in flight, or after `maxWait` ms
	 * whatever happens: a write that never answers holds nothing up for
	 * long. Returns a cancel.
	 */
	whenIdle(callback: () => void, maxWait = 250): () => void {
		if (this.inFlight === 0) {
			callback();
			return () => {};
		}
		let timer: ReturnType<typeof setTimeout> | undefined;
		const run = () => {
			this.waiting.delete(run);
			clearTimeout(timer);
			callback();
		};
		this.waiting.add(run);
		timer = setTimeout(run, maxWait);
		return () => {
			this.waiting.delete(run);
			clearTimeout(timer);
		};
	}
}
