import { describe, expect, it } from 'vitest';
import type { Policy } from '#server/support/policy.schema.ts';
import { DEPARTMENTS, SEVERITIES } from '#server/support/policy.schema.ts';
import { firstResponseDue, resolutionDue, statusAt } from '#server/support/schedule.ts';
import { defaultPolicy, msk, policyWith } from './fixtures.ts';
import { MINUTE, naiveOpenIn, naiveResolution, wall } from './naive-schedule.ts';

/**
 * Every minute of spans over the New Year holidays, checked against minute-by-
 * minute tables (open flags swept backwards for the next change, running counts of response
 * minutes), so each boundary minute is tested rather than sampled.
 */

const TAIL_DAYS = 30;

function tables(policy: Policy, start: number, days: number) {
	const n = (days + TAIL_DAYS) * 1440;
	const instant = (i: number): number => start + i * MINUTE;
	const openFlags = (hours: Policy['responseWindow']['hours']): Uint8Array =>
		Uint8Array.from({ length: n }, (_, i) => (naiveOpenIn(policy, hours, instant(i)) ? 1 : 0));
	const departments = DEPARTMENTS.map((id) => {
		const hours = policy.departments.find((d) => d.id === id)?.hours;
		if (!hours) throw new Error(`missing ${id}`);
		const open = openFlags(hours);
		const nextOpen = new Int32Array(n).fill(-1);
		const nextClose = new Int32Array(n).fill(-1);
		for (let i = n - 2; i >= 0; i--) {
			nextOpen[i] = open[i + 1] && !open[i] ? i + 1 : (nextOpen[i + 1] ?? -1);
			nextClose[i] = !open[i + 1] && open[i] ? i + 1 : (nextClose[i + 1] ?? -1);
		}
		return { id, open, nextOpen, nextClose };
	});
	const window = openFlags(policy.responseWindow.hours);
	const counted = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) counted[i + 1] = (counted[i] ?? 0) + (window[i] ?? 0);
	return { instant, departments, counted };
}

function checkSpan(policy: Policy, from: string, days: number): string[] {
	const start = msk(from).getTime();
	const { instant, departments, counted } = tables(policy, start, days);
	const problems: string[] = [];
	const resolutionByDate = new Map<string, number>();
	let dueIndex = 0;
	for (let i = 0; i < days * 1440 && problems.length < 5; i++) {
		const at = instant(i);
		const date = new Date(at);
		const status = statusAt(policy, date);
		for (const d of departments) {
			const open = d.open[i] === 1;
			const expected = {
				open,
				closesAt: open ? instant(d.nextClose[i] ?? -1) : null,
				opensAt: open ? null : instant(d.nextOpen[i] ?? -1),
			};
			const actual = status.departments[d.id];
			const got = {
				open: actual.open,
				closesAt: actual.closesAt?.getTime() ?? null,
				opensAt: actual.opensAt?.getTime() ?? null,
			};
			if (JSON.stringify(got) !== JSON.stringify(expected)) {
				problems.push(`${date.toISOString()} ${d.id}: ${JSON.stringify({ got, expected })}`);
			}
		}
		// Working-time rule: the first index where an hour of response minutes has been counted.
		while ((counted[dueIndex] ?? 0) - (counted[i] ?? 0) < 60) dueIndex++;
		const technicalOpen = departments.find((d) => d.id === 'technical-support')?.open[i] === 1;
		const expectedDue = {
			1: at + 60 * MINUTE,
			2: at + (technicalOpen ? 60 : 180) * MINUTE,
			3: instant(dueIndex),
			4: instant(dueIndex),
		};
		for (const severity of SEVERITIES) {
			const got = firstResponseDue(policy, severity, date).getTime();
			if (got !== expectedDue[severity]) {
				problems.push(
					`${date.toISOString()} severity ${severity}: ${got} != ${expectedDue[severity]}`,
				);
			}
		}
		const arrival = wall(at, policy.timezone).date;
		let resolution = resolutionByDate.get(arrival);
		if (resolution === undefined) {
			resolution = naiveResolution(policy, at);
			resolutionByDate.set(arrival, resolution);
		}
		if (resolutionDue(policy, date).getTime() !== resolution) {
			problems.push(`${date.toISOString()} resolution`);
		}
	}
	return problems;
}

describe('every minute around the New Year holidays', () => {
	it('agrees on the shipped policy from 29 December to 12 January', () => {
		expect(checkSpan(defaultPolicy(), '2026-12-29T00:00', 15)).toEqual([]);
	});

	it('agrees with an extra working Saturday and an extra day off', () => {
		const moved = policyWith((p) => {
			p.calendar.extraWorkingDays = ['2027-01-09'];
			p.calendar.extraDaysOff = ['2027-01-12'];
		});
		expect(checkSpan(moved, '2027-01-07T00:00', 7)).toEqual([]);
	});
});
