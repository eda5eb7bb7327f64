/**
 * Publication dates as pages write them, normalised to ISO 8601. A value with
 * only a date stays a date ("2024-03-05"; "2024-03" and "2024" stay reduced
 * too); a value with a time becomes a full UTC timestamp
 * ("2024-03-05T09:30:00.000Z"). A time without a zone is read as UTC so the
 * result never depends on the reader's time zone. Anything else is dropped.
 */

const ISO =
	/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EPOCH = /^\d{9,13}$/;

const MONTHS: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12,
};
const MONTH =
	"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const CLOCK = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?=\W|$)/i;
const ZONE = /(?:\b(Z|UTC|GMT)|([+-]\d{2}):?(\d{2})|\b([ECMP][SD]T|BST|CEST|CET))\s*$/i;
const NAMED_ZONES: Record<string, number> = {
	est: -300,
	edt: -240,
	cst: -360,
	cdt: -300,
	mst: -420,
	mdt: -360,
	pst: -480,
	pdt: -420,
	bst: 60,
	cet: 60,
	cest: 120,
};

const MIN_YEAR = 1000;
const MAX_YEAR = 2200;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, "0");
}

function validDay(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1 || day > 31) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function offsetMinutes(zone: string | undefined): number | undefined {
	if (!zone) return 0;
	const upper = zone.toUpperCase();
	if (upper === "Z" || upper === "UTC" || upper === "GMT") return 0;
	const named = NAMED_ZONES[zone.toLowerCase()];
	if (named !== undefined) return named;
	const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!match) return undefined;
	const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
	if (minutes > 14 * 60) return undefined;
	return match[1] === "-" ? -minutes : minutes;
}

interface Parts {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	second?: number;
	millis?: number;
	offset?: number;
}

function format(parts: Parts): string | undefined {
	const { year, month, day } = parts;
	if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
	if (month === undefined) return pad(year, 4);
	if (month < 1 || month > 12) return undefined;
	if (day === undefined) return `${pad(year, 4)}-${pad(month)}`;
	if (!validDay(year, month, day)) return undefined;
	if (parts.hour === undefined) return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
	const { hour, minute = 0, second = 0, millis = 0, offset = 0 } = parts;
	if (hour > 24 || minute > 59 || second > 60) return undefined;
	const time = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
	// 1970-01-01T00:00:00Z is a zero timestamp printed as a date, not a publication.
	if (time === 0) return undefined;
	return new Date(time).toISOString();
}

function parseIso(text: string): string | undefined {
	const m = ISO.exec(text);
	if (!m) return undefined;
	const offset = offsetMinutes(m[8]);
	if (offset === undefined) return undefined;
	const parts: Parts = { year: Number(m[1]) };
	if (m[2] !== undefined) parts.month = Number(m[2]);
	if (m[3] !== undefined) parts.day = Number(m[3]);
	if (m[4] !== undefined) {
		// A time needs a full date to mean anything.
		if (parts.day === undefined) return undefined;
		parts.hour = Number(m[4]);
		parts.minute = Number(m[5]);
		parts.second = Number(m[6] ?? 0);
		parts.millis = Number(`0.${m[7] ?? "0"}`) * 1000;
		parts.offset = offset;
	}
	return format(parts);
}

function parseEpoch(text: string): string | undefined {
	const value = Number(text);
	const millis = text.length >= 12 ? value : value * 1000;
	const date = new Date(millis);
	const year = date.getUTCFullYear();
	// Only plausible web-era timestamps: a nine-digit number is more likely an id.
	if (year < 1995 || year > MAX_YEAR) return undefined;
	return date.toISOString();
}

function parseWords(text: string): string | undefined {
	let day: string | undefined;
	let month: string | undefined;
	let year: string | undefined;
	const dmy = DAY_MONTH_YEAR.exec(text);
	if (dmy) [, day, month, year] = dmy;
	else {
		const mdy = MONTH_DAY_YEAR.exec(text);
		if (!mdy) return undefined;
		[, month, day, year] = mdy;
	}
	const monthNumber = MONTHS[(month ?? "").slice(0, 3).toLowerCase()];
	if (monthNumber === undefined) return undefined;
	const parts: Parts = { year: Number(year), month: monthNumber, day: Number(day) };
	const clock = CLOCK.exec(text);
	if (clock) {
		let hour = Number(clock[1]);
		const meridiem = clock[4]?.toLowerCase().replace(/\./g, "");
		if (meridiem === "pm" && hour < 12) hour += 12;
		if (meridiem === "am" && hour === 12) hour = 0;
		const zone = ZONE.exec(text);
		const offset = offsetMinutes(zone ? (zone[1] ?? (zone[2] ? `${zone[2]}${zone[3]}` : zone[4])) : undefined);
		if (offset === undefined) return undefined;
		Object.assign(parts, { hour, minute: Number(clock[2]), second: Number(clock[3] ?? 0), offset });
	}
	return format(parts);
}

/**
 * Normalise a date found in page metadata to ISO 8601, or undefined when it
 * cannot be read. Accepts ISO 8601 and its common sloppy variants
 * ("2024/03/05", "2024-03-05 10:00:00", "+0000" offsets), "YYYYMMDD", Unix
 * timestamps in seconds or milliseconds, and English dates such as
 * "March 5, 2024", "5th Mar 2024" and RFC 2822 ("Tue, 05 Mar 2024 10:00:00 GMT").
 */
export function normalizeDate(raw: unknown): string | undefined {
	if (typeof raw === "number" && Number.isFinite(raw)) return parseEpoch(String(Math.trunc(raw)));
	if (typeof raw !== "string" || raw.length > 200) return undefined;
	const text = raw.trim().replace(/\s+/g, " ");
	if (text === "" || text.length > 80) return undefined;
	if (EPOCH.test(text)) return parseEpoch(text);
	const compact = COMPACT.exec(text);
	if (compact) return format({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) });
	if (/^\d{4}/.test(text)) return parseIso(text);
	return parseWords(text);
}
