/**
 * Date formatting with an explicit time zone, for server and browser alike.
 *
 * NOTE: built on Intl rather than luxon so client scripts can import it without bundling
 * luxon (~70 kB); time arithmetic on the server still uses luxon. Output is fixed to British
 * English with a 24-hour clock ("Monday 9 January, 07:00") whatever the runtime locale.
 */

const LOCALE = 'en-GB';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Formatters of the option sets this module owns, by option object and zone: no key to build. */
const presetFormatters = new WeakMap<
	Intl.DateTimeFormatOptions,
	Map<string, Intl.DateTimeFormat>
>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${zone}|${JSON.stringify(options)}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
		formatters.set(key, found);
	}
	return found;
}

/** Formats with one of this module's constant option sets (hot paths: a page formats dozens of dates). */
function formatPreset(date: Date, zone: string, options: Intl.DateTimeFormatOptions): string {
	let zones = presetFormatters.get(options);
	if (!zones) presetFormatters.set(options, (zones = new Map()));
	let found = zones.get(zone);
	if (!found) zones.set(zone, (found = formatter(zone, options)));
	return found.format(date);
}

/** Formats `date` in `zone` with Intl options (locale en-GB, 24-hour clock). */
export function formatInZone(
	date: Date,
	zone: string,
	options: Intl.DateTimeFormatOptions,
): string {
	return formatter(zone, { hourCycle: 'h23', ...options }).format(date);
}

const TIME: Intl.DateTimeFormatOptions = { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' };
const DATE_TIME: Intl.DateTimeFormatOptions = {
	hourCycle: 'h23',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
};

/** "07:00" */
export function formatTime(date: Date, zone: string): string {
	return formatPreset(date, zone, TIME);
}

/** "27 Nov 2026, 17:30" */
export function formatDateTime(date: Date, zone: string): string {
	return formatPreset(date, zone, DATE_TIME);
}

/** The calendar date of `date` in `zone` as YYYY-MM-DD. */
export function isoDateInZone(date: Date, zone: string): string {
	const parts = formatter(zone, {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(date);
	const get = (type: Intl.DateTimeFormatPartTypes): string =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from date `from` to date `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The day of `date` as seen from `now`, both in `zone`: "today", "tomorrow", a weekday
 * within the coming week ("Monday"), else "Friday 9 January".
 */
export function formatRelativeDay(date: Date, now: Date, zone: string): string {
	const days = daysBetween(isoDateInZone(now, zone), isoDateInZone(date, zone));
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days > 1 && days < 7) return formatInZone(date, zone, { weekday: 'long' });
	return formatInZone(date, zone, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** "today 17:00", "Monday 07:00", "Friday 9 January 07:00". */
export function formatRelativeTime(date: Date, now: Date, zone: string): string {
	return `${formatRelativeDay(date, now, zone)} ${formatTime(date, zone)}`;
}

function plural(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A countdown rounded down: "2 h 10 min", "45 min", "3 days 4 h", "under 1 min".
 * Negative durations count as zero.
 */
export function formatDuration(ms: number): string {
	if (ms < MINUTE_MS) return 'under 1 min';
	const days = Math.floor(ms / DAY_MS);
	const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
	const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
	if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${hours} h` : plural(days, 'day');
	if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
	return `${minutes} min`;
}
