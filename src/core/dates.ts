/** The months' English names, January first. */
export const MONTHS = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
] as const;

/** A calendar date split into its parts; month is 1–12. */
export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parse a YYYY-MM-DD calendar date, or undefined when the text is not one
 * (wrong shape, or a day the calendar does not have, such as 2017-02-29).
 * Pure arithmetic: no Date, no time zone, no locale.
 */
export function parseIsoDate(text: string): CalendarDate | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return undefined;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	return { year, month, day };
}

/** True when text is a real YYYY-MM-DD calendar date. */
export function isIsoDate(text: string): boolean {
	return parseIsoDate(text) !== undefined;
}

/**
 * "2017-09-28" → "September 28, 2017", the same on every machine whatever
 * its locale or time zone. Text that is not a date is returned unchanged so a
 * preview never fails on a half-typed date.
 */
export function longDate(text: string): string {
	const date = parseIsoDate(text);
	if (!date) return text;
	return `${MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
}
