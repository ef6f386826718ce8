import { addDays, isWorkingDay } from './calendar.ts';
import type { Department, Hours, Policy, Severity } from './policy.schema.ts';

/** The policy in plain English, for the /support page and the hours panel. */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

function listText(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const ORDINAL_SUFFIX: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

/** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st */
export function ordinal(n: number): string {
	const tens = n % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : (ORDINAL_SUFFIX[n % 10] ?? 'th');
	return `${n}${suffix}`;
}

function hoursCount(hours: number): string {
	return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** "07:00–17:00 MSK" */
export function hoursText(policy: Policy, hours: Hours): string {
	return `${hours.opens}–${hours.closes} ${policy.timezoneLabel}`;
}

/** "Monday to Friday", or "Monday, Wednesday and Friday" for gaps. */
export function weekdaysText(policy: Policy): string {
	const days = [...policy.calendar.workingWeekdays].sort((a, b) => a - b);
	const first = days[0];
	const last = days.at(-1);
	if (first === undefined || last === undefined) return 'no regular weekdays';
	if (days.length > 2 && last - first === days.length - 1) {
		return `${WEEKDAYS[first - 1]} to ${WEEKDAYS[last - 1]}`;
	}
	return listText(days.map((d) => WEEKDAYS[d - 1] ?? ''));
}

function monthDayText(monthDay: string): string {
	const [month, day] = monthDay.split('-').map(Number);
	return `${day} ${MONTHS[(month ?? 1) - 1]}`;
}

/** "1–8 January (New Year holidays)", "23 February (Defender of the Fatherland Day)", ... */
export function holidaysText(policy: Policy): string[] {
	return policy.calendar.holidays.map((h) => {
		const to = h.to ?? h.from;
		let dates = monthDayText(h.from);
		if (to !== h.from) {
			dates =
				to.slice(0, 2) === h.from.slice(0, 2)
					? `${Number(h.from.slice(3))}–${monthDayText(to)}`
					: `${monthDayText(h.from)} – ${monthDayText(to)}`;
		}
		return `${dates} (${h.name})`;
	});
}

/** "Friday 9 January 2026" for a YYYY-MM-DD date. */
export function dateText(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	const weekday =
		WEEKDAYS[(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day)).getUTCDay() + 6) % 7];
	return `${weekday} ${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** Dated exceptions on or after `fromDate` (YYYY-MM-DD), sorted. */
export function upcomingExceptions(
	policy: Policy,
	fromDate: string,
): { daysOff: string[]; workingDays: string[] } {
	const upcoming = (dates: readonly string[]): string[] =>
		dates.filter((d) => d >= fromDate).sort();
	return {
		daysOff: upcoming(policy.calendar.extraDaysOff),
		workingDays: upcoming(policy.calendar.extraWorkingDays),
	};
}

/** Non-working dates among the `count` days starting at `fromDate` (YYYY-MM-DD). */
export function daysOffFrom(policy: Policy, fromDate: string, count: number): string[] {
	const days: string[] = [];
	for (let i = 0; i < count; i++) {
		const day = addDays(fromDate, i);
		if (!isWorkingDay(policy, day)) days.push(day);
	}
	return days;
}

function departmentName(policy: Policy, id: Department): string {
	return policy.departments.find((d) => d.id === id)?.name.toLowerCase() ?? id;
}

/** How the first-response target of `severity` is counted, as one sentence. */
export function firstResponseText(policy: Policy, severity: Severity): string {
	const rule = policy.severities.find((s) => s.level === severity)?.firstResponse;
	if (!rule) return '';
	switch (rule.rule) {
		case 'around-the-clock':
			return `First response within ${hoursCount(rule.hours)}, day and night, every day of the year.`;
		case 'while-open': {
			const department = policy.departments.find((d) => d.id === rule.department);
			const when = department ? ` (working days ${hoursText(policy, department.hours)})` : '';
			return (
				`First response within ${hoursCount(rule.hours)} when submitted while ` +
				`${departmentName(policy, rule.department)} is open${when}, otherwise within ` +
				`${hoursCount(rule.otherwiseHours)}.`
			);
		}
		case 'working-time':
			return (
				`First response within ${hoursCount(rule.hours)} of ${policy.responseWindow.name.toLowerCase()}: ` +
				`only time on working days ${hoursText(policy, policy.responseWindow.hours)} counts.`
			);
	}
}

/** "By 18:00 MSK on the 5th working day after the day your request arrives." */
export function resolutionText(policy: Policy): string {
	return (
		`By ${policy.resolution.time} ${policy.timezoneLabel} on the ` +
		`${ordinal(policy.resolution.workingDays)} working day after ` +
		`the day your request arrives (${policy.timezoneLabel} date).`
	);
}
