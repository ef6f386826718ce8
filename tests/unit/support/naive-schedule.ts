import type { Department, Hours, Policy, Severity } from '#server/support/policy.schema.ts';

/**
 * A deliberately naive reference for the schedule engine: it walks the clock one minute at a
 * time and asks of each minute "is this open?". It shares no code with the engine (Intl
 * instead of luxon, string comparisons instead of lookups) so the two can check each other.
 * Instants must be whole minutes.
 */

export const MINUTE = 60_000;
/** No walk goes further than this; a policy that needs more is a bug in the test. */
const MAX_MINUTES = 60 * 24 * 400;

const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const dates = new Map<number, string>();
let last = { zone: '', hour: Number.NaN, offset: 0 };

/** Offset of `zone` from UTC (ms) at instant `ms`, read from Intl. */
function offsetAt(ms: number, zone: string): number {
	let format = formats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
		});
		formats.set(zone, format);
	}
	const part: Record<string, number> = {};
	for (const p of format.formatToParts(new Date(ms))) part[p.type] = Number(p.value);
	const asUtc = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day, part.hour, part.minute);
	return asUtc - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * Wall-clock date (YYYY-MM-DD) and minute of the day of instant `ms` in `zone`.
 * NOTE: the offset is read once per UTC hour (Intl is slow); the zones used in these tests
 * change offset only on whole UTC hours.
 */
export function wall(ms: number, zone: string): { date: string; minute: number } {
	const hour = Math.floor(ms / 3_600_000);
	let offset: number | undefined;
	if (last.zone === zone && last.hour === hour) {
		offset = last.offset;
	} else {
		const key = `${zone}|${hour}`;
		offset = offsets.get(key);
		if (offset === undefined) {
			offset = offsetAt(hour * 3_600_000, zone);
			offsets.set(key, offset);
		}
		last = { zone, hour, offset };
	}
	const local = ms + offset;
	const day = Math.floor(local / 86_400_000);
	let date = dates.get(day);
	if (date === undefined) {
		date = new Date(day * 86_400_000).toISOString().slice(0, 10);
		dates.set(day, date);
	}
	return { date, minute: Math.floor((local - day * 86_400_000) / MINUTE) };
}

function minuteOf(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function naiveWorkingDay(policy: Policy, date: string): boolean {
	const { calendar } = policy;
	if (calendar.extraWorkingDays.includes(date)) return true;
	if (calendar.extraDaysOff.includes(date)) return false;
	const monthDay = date.slice(5);
	for (const h of calendar.holidays) {
		if (h.from <= monthDay && monthDay <= (h.to ?? h.from)) return false;
	}
	const [y, m, d] = date.split('-').map(Number);
	const sundayFirst = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d)).getUTCDay();
	return calendar.workingWeekdays.includes(sundayFirst === 0 ? 7 : sundayFirst);
}

export function naiveOpenIn(policy: Policy, hours: Hours, ms: number): boolean {
	const { date, minute } = wall(ms, policy.timezone);
	return (
		naiveWorkingDay(policy, date) &&
		minuteOf(hours.opens) <= minute &&
		minute < minuteOf(hours.closes)
	);
}

function hoursOf(policy: Policy, department: Department): Hours {
	const found = policy.departments.find((d) => d.id === department);
	if (!found) throw new Error(`no ${department}`);
	return found.hours;
}

/** The first whole minute after `from` where `test` holds. */
function walk(from: number, test: (ms: number) => boolean): number {
	for (let t = from + MINUTE, i = 0; i < MAX_MINUTES; t += MINUTE, i++) {
		if (test(t)) return t;
	}
	throw new Error('naive walk went too far');
}

export function naiveStatus(
	policy: Policy,
	department: Department,
	at: number,
): { open: boolean; closesAt: number | null; opensAt: number | null } {
	const hours = hoursOf(policy, department);
	const open = naiveOpenIn(policy, hours, at);
	return open
		? { open, closesAt: walk(at, (t) => !naiveOpenIn(policy, hours, t)), opensAt: null }
		: { open, closesAt: null, opensAt: walk(at, (t) => naiveOpenIn(policy, hours, t)) };
}

/** Counts open minutes of `hours` from `at` until `minutes` of them have passed. */
function countOpenMinutes(
	policy: Policy,
	hours: Hours | 'always',
	at: number,
	minutes: number,
): number {
	let counted = 0;
	let t = at;
	for (let i = 0; counted < minutes; i++, t += MINUTE) {
		if (i > MAX_MINUTES) throw new Error('naive walk went too far');
		if (hours === 'always' || naiveOpenIn(policy, hours, t)) counted++;
	}
	return t;
}

export function naiveFirstResponse(policy: Policy, severity: Severity, at: number): number {
	const rule = policy.severities.find((s) => s.level === severity)?.firstResponse;
	if (!rule) throw new Error(`no severity ${severity}`);
	switch (rule.rule) {
		case 'around-the-clock':
			return countOpenMinutes(policy, 'always', at, rule.hours * 60);
		case 'while-open': {
			const open = naiveOpenIn(policy, hoursOf(policy, rule.department), at);
			return countOpenMinutes(policy, 'always', at, (open ? rule.hours : rule.otherwiseHours) * 60);
		}
		case 'working-time':
			return countOpenMinutes(policy, policy.responseWindow.hours, at, rule.hours * 60);
	}
}

/** Walks minutes from `at`, counting working dates as they begin, to `time` on the n-th. */
export function naiveResolution(policy: Policy, at: number): number {
	const zone = policy.timezone;
	const target = minuteOf(policy.resolution.time);
	let date = wall(at, zone).date;
	let found = 0;
	for (let t = at + MINUTE, i = 0; i < MAX_MINUTES; t += MINUTE, i++) {
		const now = wall(t, zone);
		if (now.date !== date) {
			date = now.date;
			if (naiveWorkingDay(policy, date)) found++;
		}
		if (found === policy.resolution.workingDays && now.minute === target) return t;
	}
	throw new Error('naive walk went too far');
}
