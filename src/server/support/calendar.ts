import { DateTime, IANAZone } from 'luxon';
import type { Hours, Policy } from './policy.schema.ts';

/**
 * Working days and opening intervals of a support policy. Pure: dates are ISO strings
 * (`YYYY-MM-DD`, meaning the date in the policy's time zone), instants are epoch milliseconds.
 */

/** An opening interval: includes `start`, excludes `end` (epoch ms). */
export interface Interval {
	start: number;
	end: number;
}

/**
 * A policy whose calendar has no working day for this many consecutive days is treated as
 * having none at all, so searches stop with an error instead of looping forever.
 */
export const MAX_DAYS_WITHOUT_WORK = 3 * 366;

interface CalendarIndex {
	weekdays: ReadonlySet<number>;
	holidays: ReadonlySet<string>;
	daysOff: ReadonlySet<string>;
	workingDays: ReadonlySet<string>;
}

const indexes = new WeakMap<Policy, CalendarIndex>();

function indexOf(policy: Policy): CalendarIndex {
	let index = indexes.get(policy);
	if (!index) {
		const { calendar } = policy;
		index = {
			weekdays: new Set(calendar.workingWeekdays),
			holidays: new Set(calendar.holidays.flatMap((h) => monthDaysBetween(h.from, h.to ?? h.from))),
			daysOff: new Set(calendar.extraDaysOff),
			workingDays: new Set(calendar.extraWorkingDays),
		};
		indexes.set(policy, index);
	}
	return index;
}

/** Every `MM-DD` from `from` to `to` inclusive, walking a leap year so 02-29 is kept. */
function monthDaysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = `2024-${from}`; day <= `2024-${to}`; day = addDays(day, 1)) {
		days.push(day.slice(5));
	}
	return days;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
	const m = ISO_DATE.exec(isoDate);
	if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got '${isoDate}'`);
	return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The calendar date `days` after `isoDate` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
	const { year, month, day } = parseIsoDate(isoDate);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
	const { year, month, day } = parseIsoDate(isoDate);
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/**
 * Whether support works on a date: dated exceptions win, then recurring holidays, then the
 * working weekdays.
 * @throws RangeError when `isoDate` is not `YYYY-MM-DD`.
 */
export function isWorkingDay(policy: Policy, isoDate: string): boolean {
	const index = indexOf(policy);
	if (index.workingDays.has(isoDate)) return true;
	if (index.daysOff.has(isoDate)) return false;
	if (index.holidays.has(isoDate.slice(5))) return false;
	return index.weekdays.has(isoWeekday(isoDate));
}

/** The date (in the policy's time zone) on which instant `at` falls. */
export function localDate(policy: Policy, at: number): string {
	// NOTE: the zone's offset plus UTC date maths is ~10x faster than a zoned DateTime.
	const offsetMinutes = IANAZone.create(policy.timezone).offset(at);
	return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

// Zone conversions are the engine's main cost, and the same few days are asked about over
// and over, so wall-time instants are memoised per policy (bounded).
const instantCache = new WeakMap<Policy, Map<string, number>>();
const INSTANT_CACHE_SIZE = 4096;

/** The instant of wall-clock time `hhmm` on `isoDate` in the policy's time zone. */
export function instantAt(policy: Policy, isoDate: string, hhmm: string): number {
	let cache = instantCache.get(policy);
	if (!cache) {
		cache = new Map();
		instantCache.set(policy, cache);
	}
	const key = `${isoDate}T${hhmm}`;
	let instant = cache.get(key);
	if (instant === undefined) {
		const { year, month, day } = parseIsoDate(isoDate);
		const [hour, minute] = hhmm.split(':').map(Number);
		// NOTE: a wall time inside a DST gap is moved forward by the gap (luxon's rule); keep
		// opening hours away from DST switches (Moscow has none).
		instant = DateTime.fromObject(
			{ year, month, day, hour, minute },
			{ zone: policy.timezone },
		).toMillis();
		if (cache.size >= INSTANT_CACHE_SIZE) cache.clear();
		cache.set(key, instant);
	}
	return instant;
}

/** The interval `hours` spans on `isoDate`, or undefined on a day off. */
export function intervalOn(policy: Policy, isoDate: string, hours: Hours): Interval | undefined {
	if (!isWorkingDay(policy, isoDate)) return undefined;
	return {
		start: instantAt(policy, isoDate, hours.opens),
		end: instantAt(policy, isoDate, hours.closes),
	};
}

/** The working day `n` (>= 1) working days after `isoDate`, which itself never counts. */
export function nthWorkingDayAfter(policy: Policy, isoDate: string, n: number): string {
	let day = isoDate;
	let found = 0;
	let gap = 0;
	while (found < n) {
		day = addDays(day, 1);
		if (isWorkingDay(policy, day)) {
			found += 1;
			gap = 0;
		} else if (++gap > MAX_DAYS_WITHOUT_WORK) {
			throw noWorkingDays(isoDate);
		}
	}
	return day;
}

/**
 * Opening intervals of `hours` on working days, in order, starting on the local date of
 * `from` (the first may already be over at `from`; callers skip it).
 * @throws Error when the calendar has no working day for MAX_DAYS_WITHOUT_WORK days.
 */
export function* intervalsFrom(policy: Policy, hours: Hours, from: number): Generator<Interval> {
	let day = localDate(policy, from);
	let gap = 0;
	for (;;) {
		const interval = intervalOn(policy, day, hours);
		if (interval) {
			gap = 0;
			yield interval;
		} else if (++gap > MAX_DAYS_WITHOUT_WORK) {
			throw noWorkingDays(localDate(policy, from));
		}
		day = addDays(day, 1);
	}
}

function noWorkingDays(after: string): Error {
	return new Error(
		`Support policy has no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${after}: ` +
			'check calendar.workingWeekdays, holidays and extraWorkingDays',
	);
}
