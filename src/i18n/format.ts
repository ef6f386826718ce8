import { INTL_LOCALE, type Locale } from './locales.ts';

/**
 * Dates and numbers through Intl, in a language and an explicit time zone. Pure and small, so
 * client scripts can import it. Always a 24-hour clock. The translator (translator.ts) builds
 * the worded forms ("tomorrow 07:00", "2 h 10 min") on top of these from the message catalog.
 */

type Preset = Intl.DateTimeFormatOptions;

const TIME: Preset = { hour: '2-digit', minute: '2-digit' };
const DATE: Preset = { day: 'numeric', month: 'long', year: 'numeric' };
const SHORT_DATE: Preset = { day: 'numeric', month: 'short', year: 'numeric' };
const DAY_MONTH: Preset = { day: 'numeric', month: 'long' };
const WEEKDAY_DAY_MONTH: Preset = { weekday: 'short', day: 'numeric', month: 'long' };
const WEEKDAY: Preset = { weekday: 'long' };
const ISO_PARTS: Preset = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** Formatters by preset (this module's constants, so identity is the key), then language and zone. */
const dateFormats = new Map<Preset, Map<string, Intl.DateTimeFormat>>();

function dateFormat(locale: Locale, zone: string, preset: Preset): Intl.DateTimeFormat {
	let byZone = dateFormats.get(preset);
	if (!byZone) dateFormats.set(preset, (byZone = new Map()));
	const key = `${locale}|${zone}`;
	let found = byZone.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
			...preset,
			hourCycle: 'h23',
			timeZone: zone,
		});
		byZone.set(key, found);
	}
	return found;
}

/** "09:00" */
export function formatTime(locale: Locale, date: Date, zone: string): string {
	return dateFormat(locale, zone, TIME).format(date);
}

/** "4 December 2026" · "4 декабря 2026 г." */
export function formatDate(locale: Locale, date: Date, zone: string): string {
	return dateFormat(locale, zone, DATE).format(date);
}

/** "4 Dec 2026, 09:00" · "4 дек. 2026 г., 09:00": lists and tables. */
export function formatShortDateTime(locale: Locale, date: Date, zone: string): string {
	return `${dateFormat(locale, zone, SHORT_DATE).format(date)}, ${formatTime(locale, date, zone)}`;
}

/** "Fri 4 December, 09:00" · "пт, 4 декабря, 09:00": one instant in a sentence or a badge. */
export function formatDayDateTime(locale: Locale, date: Date, zone: string): string {
	return `${dateFormat(locale, zone, WEEKDAY_DAY_MONTH).format(date)}, ${formatTime(locale, date, zone)}`;
}

/** "9 January" · "9 января" */
export function formatDayMonth(locale: Locale, date: Date, zone: string): string {
	return dateFormat(locale, zone, DAY_MONTH).format(date);
}

/** "Friday" · "пятница" (the nominative: Russian sentences take the catalog's forms instead). */
export function formatWeekday(locale: Locale, date: Date, zone: string): string {
	return dateFormat(locale, zone, WEEKDAY).format(date);
}

/** The calendar date of `date` in `zone` as YYYY-MM-DD. */
export function isoDateInZone(date: Date, zone: string): string {
	const parts = dateFormat('en', zone, ISO_PARTS).formatToParts(date);
	const get = (type: Intl.DateTimeFormatPartTypes): string =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** ISO weekday of `date` in `zone`: 1 = Monday … 7 = Sunday. */
export function isoWeekdayInZone(date: Date, zone: string): number {
	const [year, month, day] = isoDateInZone(date, zone).split('-').map(Number);
	return ((new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay() + 6) % 7) + 1;
}

/** Whole calendar days from `from` to `to` as seen in `zone` (0 = same day). */
export function calendarDaysBetween(from: Date, to: Date, zone: string): number {
	const a = Date.parse(`${isoDateInZone(from, zone)}T00:00:00Z`);
	const b = Date.parse(`${isoDateInZone(to, zone)}T00:00:00Z`);
	return Math.round((b - a) / 86_400_000);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "12,345.6" · "12 345,6" */
export function formatNumber(
	locale: Locale,
	value: number,
	options?: Intl.NumberFormatOptions,
): string {
	const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
	let found = numberFormats.get(key);
	if (!found) numberFormats.set(key, (found = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
	return found.format(value);
}

const listFormats = new Map<Locale, Intl.ListFormat>();

/** "a, b and c" · "a, b и c" */
export function formatList(locale: Locale, items: readonly string[]): string {
	let found = listFormats.get(locale);
	if (!found) {
		found = new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' });
		listFormats.set(locale, found);
	}
	return found.format(items);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of `count` in `locale`: Russian 1 one, 3 few, 5 many, 1.5 other. */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
	let found = pluralRules.get(locale);
	if (!found) pluralRules.set(locale, (found = new Intl.PluralRules(INTL_LOCALE[locale])));
	return found.select(count);
}
