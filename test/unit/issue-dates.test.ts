import { describe, expect, it } from "vitest";
import { isIsoDate, longDate, parseIsoDate } from "../../src/core/dates.ts";

describe("issue dates", () => {
	it("writes a long date the same way whatever the machine's locale or time zone", () => {
		expect(longDate("2017-09-28")).toBe("September 28, 2017");
		expect(longDate("2024-01-01")).toBe("January 1, 2024");
		expect(longDate("2024-12-31")).toBe("December 31, 2024");
	});

	it("knows which days the calendar has", () => {
		expect(isIsoDate("2024-02-29")).toBe(true);
		expect(isIsoDate("2023-02-29")).toBe(false);
		expect(isIsoDate("1900-02-29")).toBe(false);
		expect(isIsoDate("2000-02-29")).toBe(true);
		expect(isIsoDate("2024-04-31")).toBe(false);
		expect(isIsoDate("2024-13-01")).toBe(false);
		expect(isIsoDate("2024-9-1")).toBe(false);
		expect(parseIsoDate("2024-06-05")).toEqual({ year: 2024, month: 6, day: 5 });
	});

	it("shows a half-typed date as typed instead of failing", () => {
		expect(longDate("2024-06")).toBe("2024-06");
	});
});
