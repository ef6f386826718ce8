import type { MessageKey, ParamsArg, ParamValue } from './keys.ts';
import type { Locale } from './locales.ts';
import type { FlatMessages, Message } from './messages/types.ts';
import { decodeMessageRef } from './message-ref.ts';
import {
	calendarDaysBetween,
	formatDate,
	formatDayDateTime,
	formatDayMonth,
	formatList,
	formatNumber,
	formatShortDateTime,
	formatTime,
	isoWeekdayInZone,
	pluralCategory,
} from './format.ts';

/**
 * The translator: messages of one language with `{name}` interpolation and plural forms, plus the
 * dates, durations and numbers of that language. It reads a flat map of messages, so a client
 * script can build one from the few messages a page hands it (see `pickMessages` in index.ts)
 * without bundling a catalog.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface TranslatorOptions {
	/** The zone dates are shown in unless a call names another: the portal's (Europe/Moscow). */
	timeZone: string;
	/** Its short name in this language, printed after zoned times ("MSK", "МСК"). */
	zoneLabel: string;
	/** Messages used when `messages` lacks a key (English, under another language). */
	fallback?: FlatMessages | undefined;
}

/** A piece of a message split for markup: text, or the name of a placeholder left for a slot. */
export type MessagePart = string | { slot: string };

export interface Translator {
	readonly locale: Locale;
	readonly timeZone: string;
	readonly zoneLabel: string;
	/** The message `key` with its placeholders filled; plural messages choose by `count`. */
	t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
	/** Whether `key` names a message (for keys that arrive as data). */
	has(key: string): key is MessageKey;
	/**
	 * Text from a service or a schema: a message reference (message-ref.ts) or key is translated,
	 * anything else (a person's own words, a name) comes back unchanged.
	 */
	text(text: string): string;
	/**
	 * The message split around the placeholders not given in `params`, so a component can put
	 * markup (a link) where they stand: `'Read {link} first'` → `['Read ', { slot: 'link' }, ' first']`.
	 */
	parts(key: MessageKey, params?: Readonly<Record<string, ParamValue>>): MessagePart[];
	number(value: number, options?: Intl.NumberFormatOptions): string;
	list(items: readonly string[]): string;
	/** "09:00" */
	time(date: Date, zone?: string): string;
	/** "4 December 2026" · "4 декабря 2026 г." */
	date(date: Date, zone?: string): string;
	/** "4 Dec 2026, 09:00" · "4 дек. 2026 г., 09:00" */
	dateTime(date: Date, zone?: string): string;
	/** "Fri 4 December, 09:00 MSK" · "пт, 4 декабря, 09:00 МСК": in the portal's zone, labelled. */
	zoned(date: Date): string;
	/** "today", "tomorrow", "Monday", "Friday 9 January" · "сегодня", "завтра", "в понедельник", "в пятницу, 9 января". */
	relativeDay(date: Date, now: Date, zone?: string): string;
	/** "today 17:00", "Monday 07:00" · "сегодня в 17:00", "в понедельник в 07:00". */
	relativeTime(date: Date, now: Date, zone?: string): string;
	/** A countdown rounded down: "2 h 10 min", "3 days 4 h", "under 1 min" · "2 ч 10 мин", "3 дня 4 ч". */
	duration(ms: number): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function createTranslator(
	locale: Locale,
	messages: FlatMessages,
	options: TranslatorOptions,
): Translator {
	const { timeZone, zoneLabel, fallback } = options;

	function lookup(key: string): Message | undefined {
		return messages[key] ?? fallback?.[key];
	}

	function render(key: string, params: Readonly<Record<string, ParamValue>> | undefined): string {
		const message = lookup(key);
		// NOTE: the type check and tests/unit/i18n keep keys complete; a gap shows the key, not a crash.
		if (message === undefined) return key;
		const text = typeof message === 'string' ? message : pluralText(message, params?.['count']);
		return interpolate(text, params);
	}

	function pluralText(message: Exclude<Message, string>, count: ParamValue | undefined): string {
		const n = typeof count === 'number' ? count : Number(count);
		return message[pluralCategory(locale, Number.isFinite(n) ? n : 0)] ?? message.other;
	}

	function interpolate(text: string, params: Readonly<Record<string, ParamValue>> | undefined) {
		if (!params) return text;
		return text.replace(PLACEHOLDER, (whole, name: string) => {
			const value = params[name];
			if (value === undefined) return whole;
			return typeof value === 'number' ? formatNumber(locale, value) : value;
		});
	}

	const t = <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string =>
		render(key, params[0] as Readonly<Record<string, ParamValue>> | undefined);

	/** Untyped lookup for the worded dates below (their keys are in the common domain). */
	const word = (key: string, params?: Record<string, ParamValue>): string => render(key, params);

	function relative(date: Date, now: Date, zone: string): { day: string; dated: boolean } {
		const days = calendarDaysBetween(now, date, zone);
		if (days === 0) return { day: word('common.date.today'), dated: false };
		if (days === 1) return { day: word('common.date.tomorrow'), dated: false };
		const weekday = word(`common.date.onWeekday.${isoWeekdayInZone(date, zone)}`);
		if (days > 1 && days < 7) return { day: weekday, dated: false };
		const dayMonth = formatDayMonth(locale, date, zone);
		return { day: word('common.date.onDate', { weekday, date: dayMonth }), dated: true };
	}

	return {
		locale,
		timeZone,
		zoneLabel,
		t,
		has: (key: string): key is MessageKey => lookup(key) !== undefined,
		text(text) {
			const { key, params } = decodeMessageRef(text);
			return lookup(key) === undefined ? text : render(key, params);
		},
		parts(key, params) {
			const message = lookup(key);
			if (message === undefined) return [key];
			const text = typeof message === 'string' ? message : pluralText(message, params?.['count']);
			// Split the message itself, so a parameter's value (someone's own words) is never a slot.
			const parts: MessagePart[] = [];
			let last = 0;
			const push = (piece: string) => {
				if (piece === '') return;
				const previous = parts.at(-1);
				if (typeof previous === 'string') parts[parts.length - 1] = previous + piece;
				else parts.push(piece);
			};
			for (const match of text.matchAll(PLACEHOLDER)) {
				push(text.slice(last, match.index));
				const name = match[1] ?? '';
				const value = params?.[name];
				if (value === undefined) parts.push({ slot: name });
				else push(typeof value === 'number' ? formatNumber(locale, value) : value);
				last = match.index + match[0].length;
			}
			push(text.slice(last));
			return parts;
		},
		number: (value, numberOptions) => formatNumber(locale, value, numberOptions),
		list: (items) => formatList(locale, items),
		time: (date, zone = timeZone) => formatTime(locale, date, zone),
		date: (date, zone = timeZone) => formatDate(locale, date, zone),
		dateTime: (date, zone = timeZone) => formatShortDateTime(locale, date, zone),
		zoned: (date) =>
			word('common.date.zoned', {
				dateTime: formatDayDateTime(locale, date, timeZone),
				zone: zoneLabel,
			}),
		relativeDay: (date, now, zone = timeZone) => relative(date, now, zone).day,
		relativeTime(date, now, zone = timeZone) {
			const { day, dated } = relative(date, now, zone);
			const time = formatTime(locale, date, zone);
			return word(dated ? 'common.date.atDated' : 'common.date.at', { day, time });
		},
		duration(ms) {
			if (ms < MINUTE_MS) return word('common.duration.underMinute');
			const days = Math.floor(ms / DAY_MS);
			const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
			const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
			const d = word('common.duration.days', { count: days });
			const h = word('common.duration.hours', { count: hours });
			const m = word('common.duration.minutes', { count: minutes });
			if (days > 0) return hours > 0 ? word('common.duration.pair', { a: d, b: h }) : d;
			if (hours > 0) return minutes > 0 ? word('common.duration.pair', { a: h, b: m }) : h;
			return m;
		},
	};
}
