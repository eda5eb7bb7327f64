/*
 * Dates for templates, in UTC, by civil-calendar arithmetic (no global Date:
 * src/core has no clock, and a date's meaning must not depend on where the
 * curator's machine is). A moment is a number of seconds since 1970-01-01T00:00:00Z.
 */

import { MONTHS } from "../dates.ts";

/** A point in time read from a template value, and whether it carried a time of day. */
export interface Moment {
	seconds: number;
	hasTime: boolean;
}

const DAY = 86_400;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
	return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Numbers at least this large are epoch milliseconds; smaller ones are seconds (1e11 s is the year 5138). */
const MILLISECONDS_FROM = 1e11;

/**
 * Read a date: "YYYY-MM-DD", an ISO 8601 date-time (Z or ±hh:mm; none
 * means UTC), or epoch seconds or milliseconds as a number or digits.
 * Undefined for anything else, including an impossible day such as 2024-02-30.
 */
export function toMoment(value: unknown): Moment | undefined {
	if (typeof value === "number") {
		if (!Number.isFinite(value)) return undefined;
		return { seconds: Math.abs(value) >= MILLISECONDS_FROM ? value / 1000 : value, hasTime: true };
	}
	if (typeof value !== "string") return undefined;
	const text = value.trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) return toMoment(Number(text));
	const match = ISO.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	let seconds = daysFromCivil(year, month, day) * DAY;
	if (h === undefined) return { seconds, hasTime: false };
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s ?? 0);
	if (hour > 23 || minute > 59 || second > 60) return undefined;
	seconds += hour * 3600 + minute * 60 + second + (fraction ? Number(`0.${fraction}`) : 0);
	if (zone && zone !== "Z") {
		const sign = zone[0] === "-" ? -1 : 1;
		const digits = zone.slice(1).replace(":", "");
		seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
	}
	return { seconds, hasTime: true };
}

/** "1st", "2nd", "3rd", "4th" … "11th", "12th", "13th", "21st". */
export function ordinal(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

/** The directives `date` understands, each from the parts of one moment. */
interface Parts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	weekday: number;
	dayOfYear: number;
	seconds: number;
}

function partsOf(seconds: number): Parts {
	const whole = Math.floor(seconds);
	const days = Math.floor(whole / DAY);
	const rest = whole - days * DAY;
	const { year, month, day } = civilFromDays(days);
	return {
		year,
		month,
		day,
		hour: Math.floor(rest / 3600),
		minute: Math.floor((rest % 3600) / 60),
		second: rest % 60,
		weekday: (((days + 4) % 7) + 7) % 7,
		dayOfYear: days - daysFromCivil(year, 1, 1) + 1,
		seconds: whole,
	};
}

const DIRECTIVES: Record<string, (p: Parts) => string | number> = {
	Y: (p) => p.year,
	y: (p) => pad(p.year % 100),
	C: (p) => pad(Math.floor(p.year / 100)),
	m: (p) => pad(p.month),
	B: (p) => MONTHS[p.month - 1] as string,
	b: (p) => (MONTHS[p.month - 1] as string).slice(0, 3),
	h: (p) => (MONTHS[p.month - 1] as string).slice(0, 3),
	d: (p) => pad(p.day),
	e: (p) => pad(p.day, 2, " "),
	o: (p) => ordinal(p.day),
	j: (p) => pad(p.dayOfYear, 3),
	A: (p) => WEEKDAYS[p.weekday] as string,
	a: (p) => (WEEKDAYS[p.weekday] as string).slice(0, 3),
	u: (p) => (p.weekday === 0 ? 7 : p.weekday),
	w: (p) => p.weekday,
	H: (p) => pad(p.hour),
	k: (p) => pad(p.hour, 2, " "),
	I: (p) => pad(p.hour % 12 || 12),
	l: (p) => pad(p.hour % 12 || 12, 2, " "),
	M: (p) => pad(p.minute),
	S: (p) => pad(p.second),
	p: (p) => (p.hour < 12 ? "AM" : "PM"),
	P: (p) => (p.hour < 12 ? "am" : "pm"),
	s: (p) => p.seconds,
	z: () => "+0000",
	Z: () => "UTC",
	F: (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}`,
	D: (p) => `${pad(p.month)}/${pad(p.day)}/${pad(p.year % 100)}`,
	T: (p) => `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
	"%": () => "%",
};

/** The moment the reference shows every directive on: Wednesday, March 6, 2024, 14:05:09 UTC. */
const SAMPLE_SECONDS = 1_709_733_909;

/** Every directive `date` understands, each with what it writes for the sample moment (for the reference). */
export function dateDirectives(): { directive: string; sample: string }[] {
	return Object.keys(DIRECTIVES).map((name) => ({
		directive: `%${name}`,
		sample: formatMoment(SAMPLE_SECONDS, `%${name}`),
	}));
}

const DIRECTIVE = /%([-_^0]?)(.)/g;

/**
 * strftime in UTC, as Liquid's `date` (Ruby's strftime): %-d drops the
 * padding, %^B upper-cases, %o is Linkletter's ordinal day ("16th").
 * An unknown directive is an error, not silently printed.
 */
export function formatMoment(seconds: number, format: string): string {
	const parts = partsOf(seconds);
	return format.replace(DIRECTIVE, (_, flag: string, name: string) => {
		const directive = DIRECTIVES[name];
		if (!directive || !Object.hasOwn(DIRECTIVES, name)) {
			throw new Error(
				`unknown date directive "%${name}" (use ${Object.keys(DIRECTIVES)
					.map((d) => `%${d}`)
					.join(" ")})`,
			);
		}
		let text = String(directive(parts));
		if (flag === "-") text = text.replace(/^[0 ]+(?=.)/, "");
		else if (flag === "_") text = text.replace(/^0+(?=.)/, (zeros) => " ".repeat(zeros.length));
		else if (flag === "^") text = text.toUpperCase();
		return text;
	});
}

const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: DAY, week: 7 * DAY };

/**
 * Add an amount of a unit (seconds … weeks, months, years; singular or
 * plural) to a moment. Months and years keep the day of the month, or take
 * the month's last day when it is shorter (January 31 + 1 month = February 29 in 2024).
 */
export function addToMoment(seconds: number, amount: number, unit: string): number {
	const name = unit.toLowerCase().replace(/s$/, "");
	const step = UNITS[name];
	if (step !== undefined && Object.hasOwn(UNITS, name)) return seconds + amount * step;
	if (name !== "month" && name !== "year") {
		throw new Error(`unknown unit "${unit}" (use seconds, minutes, hours, days, weeks, months or years)`);
	}
	if (!Number.isInteger(amount)) throw new Error(`${unit} must be a whole number`);
	const days = Math.floor(seconds / DAY);
	const timeOfDay = seconds - days * DAY;
	const { year, month, day } = civilFromDays(days);
	const total = year * 12 + (month - 1) + (name === "year" ? amount * 12 : amount);
	const newYear = Math.floor(total / 12);
	const newMonth = total - newYear * 12 + 1;
	const newDay = Math.min(day, daysInMonth(newYear, newMonth));
	return daysFromCivil(newYear, newMonth, newDay) * DAY + timeOfDay;
}

/** A moment written back as text `date` reads again: "YYYY-MM-DD", or an ISO date-time in UTC. */
export function momentText(moment: Moment): string {
	return formatMoment(moment.seconds, moment.hasTime ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d");
}
