import {
	instantAt,
	intervalOn,
	intervalsFrom,
	isWorkingDay,
	localDate,
	nthWorkingDayAfter,
	type Interval,
} from './calendar.ts';
import {
	DEPARTMENTS,
	type Department,
	type Hours,
	type Policy,
	type Severity,
} from './policy.schema.ts';

/**
 * The support-hours engine: who is open when, and when answers are due. No I/O, no clock
 * (it remembers only the last status interval); every function takes the policy first and
 * instants as `Date`.
 */

export type { Department, Severity };
export { isWorkingDay };

export interface DepartmentStatus {
	open: boolean;
	/** End of the current open period; null when closed. */
	closesAt: Date | null;
	/** Start of the next open period; null when open. */
	opensAt: Date | null;
}

export interface SupportStatus {
	at: Date;
	timezone: string;
	departments: Record<Department, DepartmentStatus>;
}

const HOUR_MS = 3_600_000;

function millis(at: Date): number {
	const ms = at.getTime();
	if (Number.isNaN(ms)) throw new RangeError('Expected a valid Date');
	return ms;
}

/** The opening hours of a department. */
export function departmentHours(policy: Policy, department: Department): Hours {
	const found = policy.departments.find((d) => d.id === department);
	if (!found) throw new Error(`Support policy has no department ${department}`);
	return found.hours;
}

/** The interval of `hours` containing `at`, if it is open then. */
function currentInterval(policy: Policy, hours: Hours, at: number): Interval | undefined {
	const today = intervalOn(policy, localDate(policy, at), hours);
	return today && today.start <= at && at < today.end ? today : undefined;
}

function firstAfter(
	policy: Policy,
	hours: Hours,
	at: number,
	edge: (interval: Interval) => number,
): number {
	for (const interval of intervalsFrom(policy, hours, at)) {
		if (edge(interval) > at) return edge(interval);
	}
	throw new Error('unreachable: intervalsFrom never ends without throwing');
}

/** Whether `department` is open at `at` (start included, end excluded). */
export function isOpen(policy: Policy, department: Department, at: Date): boolean {
	return currentInterval(policy, departmentHours(policy, department), millis(at)) !== undefined;
}

/** The first opening of `department` strictly after `at`. @throws Error with no working days. */
export function nextOpening(policy: Policy, department: Department, at: Date): Date {
	const hours = departmentHours(policy, department);
	return new Date(firstAfter(policy, hours, millis(at), (i) => i.start));
}

/**
 * The first closing of `department` strictly after `at`: the end of the current period when
 * open, else the end of the next one. @throws Error with no working days.
 */
export function nextClosing(policy: Policy, department: Department, at: Date): Date {
	const hours = departmentHours(policy, department);
	return new Date(firstAfter(policy, hours, millis(at), (i) => i.end));
}

/** Each department open or closed at `at`, with when that changes. */
export function statusAt(policy: Policy, at: Date): SupportStatus {
	const { departments } = intervalStatus(policy, millis(at));
	return {
		at: new Date(millis(at)),
		timezone: policy.timezone,
		departments: Object.fromEntries(
			Object.entries(departments).map(([id, s]) => [
				id,
				{ ...s, closesAt: copy(s.closesAt), opensAt: copy(s.opensAt) },
			]),
		) as Record<Department, DepartmentStatus>,
	};
}

/** The first instant after `at` when any department opens or closes. */
export function nextStatusChange(policy: Policy, at: Date): Date {
	return new Date(intervalStatus(policy, millis(at)).until);
}

interface IntervalStatus {
	policy: Policy;
	/** The instant this was computed for, and the next opening or closing after it. */
	from: number;
	until: number;
	departments: Record<Department, DepartmentStatus>;
}

// NOTE: the one piece of state here. Every page's header shows the status, and it stays the same
// from one instant until the next opening or closing, so the last interval's answer is kept: a
// page view costs no calendar work. Callers get copies, so nothing can change what is kept.
let lastInterval: IntervalStatus | undefined;

function intervalStatus(policy: Policy, ms: number): IntervalStatus {
	const known = lastInterval;
	if (known && known.policy === policy && ms >= known.from && ms < known.until) return known;
	const entries = DEPARTMENTS.map((department): [Department, DepartmentStatus] => {
		const hours = departmentHours(policy, department);
		const current = currentInterval(policy, hours, ms);
		return [
			department,
			current
				? { open: true, closesAt: new Date(current.end), opensAt: null }
				: {
						open: false,
						closesAt: null,
						opensAt: new Date(firstAfter(policy, hours, ms, (i) => i.start)),
					},
		];
	});
	const until = Math.min(
		...entries.map(([, s]) => (s.closesAt ?? s.opensAt)?.getTime() ?? Infinity),
	);
	lastInterval = {
		policy,
		from: ms,
		until,
		departments: Object.fromEntries(entries) as Record<Department, DepartmentStatus>,
	};
	return lastInterval;
}

const copy = (date: Date | null): Date | null => (date ? new Date(date.getTime()) : null);

/**
 * When the first response to a request of `severity` submitted at `at` is due.
 * @throws Error when the policy lacks the severity or has no working days.
 */
export function firstResponseDue(policy: Policy, severity: Severity, at: Date): Date {
	const ms = millis(at);
	const found = policy.severities.find((s) => s.level === severity);
	if (!found) throw new Error(`Support policy has no severity ${severity}`);
	const rule = found.firstResponse;
	switch (rule.rule) {
		case 'around-the-clock':
			return new Date(ms + rule.hours * HOUR_MS);
		case 'while-open': {
			const open = isOpen(policy, rule.department, at);
			return new Date(ms + (open ? rule.hours : rule.otherwiseHours) * HOUR_MS);
		}
		case 'working-time':
			return new Date(
				addWorkingTime(policy, policy.responseWindow.hours, ms, rule.hours * HOUR_MS),
			);
	}
}

/** The instant at which `amount` ms of time inside `hours` has passed since `from`. */
function addWorkingTime(policy: Policy, hours: Hours, from: number, amount: number): number {
	let remaining = amount;
	for (const interval of intervalsFrom(policy, hours, from)) {
		if (interval.end <= from) continue;
		const start = Math.max(interval.start, from);
		const available = interval.end - start;
		if (remaining <= available) return start + remaining;
		remaining -= available;
	}
	throw new Error('unreachable: intervalsFrom never ends without throwing');
}

/**
 * Resolution target of a request arriving at `at`: `resolution.time` on the
 * `resolution.workingDays`-th working day after its arrival date (in the policy's zone).
 * @throws Error when the policy has no working days.
 */
export function resolutionDue(policy: Policy, at: Date): Date {
	const arrival = localDate(policy, millis(at));
	const day = nthWorkingDayAfter(policy, arrival, policy.resolution.workingDays);
	return new Date(instantAt(policy, day, policy.resolution.time));
}
