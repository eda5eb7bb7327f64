import { describe, expect, it } from "vitest";
import { isAsciiAlnum, isAsciiLetter } from "../../src/core/text/scan.ts";

describe("ASCII character tests on code units", () => {
	it("agree with the regular expressions they replace on every UTF-16 code unit, and past a string's end", () => {
		for (let code = 0; code <= 0xffff; code++) {
			const char = String.fromCharCode(code);
			expect(isAsciiLetter(code), char).toBe(/[A-Za-z]/.test(char));
			expect(isAsciiAlnum(code), char).toBe(/[A-Za-z\d]/.test(char));
		}
		expect(isAsciiLetter("ab".charCodeAt(5))).toBe(false);
		expect(isAsciiAlnum(Number.NaN)).toBe(false);
	});
});
