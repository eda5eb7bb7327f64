import { type Capture, type CaptureInput, normalizeCapture } from "../../src/core/capture.ts";

let counter = 0;

/** A valid capture for tests; ids and times are deterministic per call. */
export function makeCapture(input: Partial<CaptureInput> = {}, now = 1_700_000_000_000 + counter): Capture {
	counter += 1;
	return normalizeCapture(
		{
			url: `https://example.com/post-${counter}`,
			section: "articles",
			title: `Post ${counter}`,
			...input,
		},
		{ now, id: `c${counter}` },
	);
}
