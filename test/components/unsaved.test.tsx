import { describe, expect, it } from "vitest";
import { forgetUnsaved, keepUnsaved, readUnsaved, UNSAVED_TTL_MS } from "../../src/platform/unsaved.ts";

describe("unsaved popup edits (localStorage)", () => {
	it("come back for the same page until saved or expired, and stale ones are swept", () => {
		localStorage.clear();
		keepUnsaved({ url: "example.com/x", note: "half a thought", updatedAt: 1000 });
		keepUnsaved({ url: "example.com/old", note: "ancient", updatedAt: 0 });
		expect(readUnsaved("example.com/x", 2000)?.note).toBe("half a thought");
		expect(readUnsaved("example.com/other", 2000)).toBeUndefined();
		expect(readUnsaved("example.com/old", UNSAVED_TTL_MS + 500)).toBeUndefined();
		expect(localStorage.length).toBe(1);
		forgetUnsaved("example.com/x");
		expect(readUnsaved("example.com/x", 2000)).toBeUndefined();
	});

	it("a broken entry is dropped, not thrown", () => {
		localStorage.clear();
		localStorage.setItem("linkletter:unsaved:bad", "{not json");
		expect(readUnsaved("bad", 1)).toBeUndefined();
		expect(localStorage.length).toBe(0);
	});

	it("a full disk does not break typing", () => {
		const full = {
			setItem() {
				throw new DOMException("full", "QuotaExceededError");
			},
		} as unknown as Storage;
		expect(keepUnsaved({ url: "k", note: "n", updatedAt: 1 }, full)).toBe(false);
	});
});
