import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '#server/support/policy.ts';
import type { Hours, Policy, PolicyInput } from '#server/support/policy.schema.ts';
import {
	firstResponseDue,
	nextClosing,
	nextOpening,
	nextStatusChange,
	resolutionDue,
	statusAt,
} from '#server/support/schedule.ts';
import { DEPARTMENTS, SEVERITIES } from '#server/support/policy.schema.ts';
import { defaultPolicy } from './fixtures.ts';
import {
	MINUTE,
	naiveFirstResponse,
	naiveOpenIn,
	naiveResolution,
	naiveStatus,
	wall,
} from './naive-schedule.ts';

/**
 * The engine against the naive minute-by-minute reference, on the shipped policy and on
 * random variations of it (hours, weekdays, dated exceptions, other time zones).
 */

const DAY = 24 * 60 * MINUTE;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2040, 11, 31) / DAY;
const MSK_OFFSET_MIN = 180;

const base = defaultPolicy();

function hhmm(minute: number): string {
	return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function minuteOf(time: string): number {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** Wall minutes of the day at which something opens or closes, with their neighbours. */
function boundaryMinutes(policy: Policy): number[] {
	const hours: Hours[] = [...policy.departments.map((d) => d.hours), policy.responseWindow.hours];
	const edges = [
		...hours.flatMap((h) => [minuteOf(h.opens), minuteOf(h.closes)]),
		minuteOf(policy.resolution.time),
		0,
		1440,
	];
	return [...new Set(edges.flatMap((m) => [m - 1, m, m + 1]))].filter((m) => m >= 0 && m < 1440);
}

/** Instants as whole minutes: anywhere, around new year, or on a boundary minute (in `offset`). */
function instantArb(policy: Policy, offsetMin: number): fc.Arbitrary<number> {
	const localToUtc = (day: number, minute: number): number =>
		day * DAY + (minute - offsetMin) * MINUTE;
	return fc.oneof(
		fc.integer({ min: FIRST_DAY * 1440, max: LAST_DAY * 1440 }).map((m) => m * MINUTE),
		fc
			.record({
				year: fc.integer({ min: 2015, max: 2040 }),
				offset: fc.integer({ min: -10, max: 12 }),
				minute: fc.integer({ min: 0, max: 1439 }),
			})
			.map(({ year, offset, minute }) => localToUtc(Date.UTC(year, 0, 1 + offset) / DAY, minute)),
		fc
			.record({
				day: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
				minute: fc.constantFrom(...boundaryMinutes(policy)),
			})
			.map(({ day, minute }) => localToUtc(day, minute)),
	);
}

/** Opening hours starting no earlier than `earliest` and lasting at least `minLength` minutes. */
function hoursArb(earliest: number, minLength: number): fc.Arbitrary<Hours> {
	return fc
		.integer({ min: earliest, max: 1439 - minLength })
		.chain((opens) =>
			fc
				.integer({ min: opens + minLength, max: 1439 })
				.map((closes) => ({ opens: hhmm(opens), closes: hhmm(closes) })),
		);
}

/** Hours from 04:00 on keep clear of the 00:00-04:00 daylight-saving switches. */
const DAYTIME = 240;

interface Variation {
	hours: [Hours, Hours, Hours];
	weekdays: number[];
	quarterHours: [number, number, number];
	resolutionDays: number;
	resolutionMinute: number;
}

function variationArb(earliest: number): fc.Arbitrary<Variation> {
	// NOTE: the response window lasts an hour or more and rules ask for at most 4 h of it, so the
	// naive walk stays within weeks even with one working weekday.
	return fc.record({
		hours: fc.tuple(hoursArb(earliest, 1), hoursArb(earliest, 1), hoursArb(earliest, 60)),
		weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
		quarterHours: fc.tuple(
			fc.integer({ min: 1, max: 16 }),
			fc.integer({ min: 1, max: 16 }),
			fc.integer({ min: 1, max: 16 }),
		),
		resolutionDays: fc.integer({ min: 1, max: 7 }),
		resolutionMinute: fc.integer({ min: earliest, max: 1439 }),
	});
}

/** Applies a variation, with dated exceptions chosen relative to the instant `at`. */
function vary(v: Variation, timezone: string, at: number, exceptions: number[]): Policy {
	const data = structuredClone(base) as PolicyInput;
	const [customer, technical, window] = v.hours;
	data.timezone = timezone;
	data.departments = data.departments.map((d) => ({
		...d,
		hours: d.id === 'customer-support' ? customer : technical,
	}));
	data.responseWindow.hours = window;
	data.calendar.workingWeekdays = v.weekdays;
	const today = wall(at, timezone).date;
	const dates = exceptions.map((offset) =>
		new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10),
	);
	const unique = [...new Set(dates)];
	data.calendar.extraDaysOff = unique.filter((_, i) => i % 2 === 0);
	data.calendar.extraWorkingDays = unique.filter((_, i) => i % 2 === 1);
	const [around, whileOpen, working] = v.quarterHours;
	data.severities = data.severities.map((s) => {
		if (s.level === 1)
			return { ...s, firstResponse: { rule: 'around-the-clock', hours: around / 4 } };
		if (s.level === 2) {
			return {
				...s,
				firstResponse: {
					rule: 'while-open',
					department: 'technical-support',
					hours: whileOpen / 4,
					otherwiseHours: around / 4,
				},
			};
		}
		return { ...s, firstResponse: { rule: 'working-time', hours: working / 4 } };
	});
	data.resolution = {
		...data.resolution,
		workingDays: v.resolutionDays,
		time: hhmm(v.resolutionMinute),
	};
	return validatePolicy(data);
}

const exceptionsArb = fc.array(fc.integer({ min: -2, max: 12 }), { maxLength: 6 });

function naiveEdge(policy: Policy, hours: Hours, at: number, opening: boolean): number {
	let before = naiveOpenIn(policy, hours, at);
	for (let t = at + MINUTE; t < at + 400 * DAY; t += MINUTE) {
		const now = naiveOpenIn(policy, hours, t);
		if (opening ? now && !before : !now && before) return t;
		before = now;
	}
	throw new Error('naive walk went too far');
}

/** Asserts the engine and the naive reference agree on everything at instant `at`. */
function expectAgreement(policy: Policy, at: number): void {
	const date = new Date(at);
	const status = statusAt(policy, date);
	const changes: number[] = [];
	for (const department of DEPARTMENTS) {
		const engine = status.departments[department];
		expect({ department, at: date.toISOString(), ...toMillis(engine) }).toEqual({
			department,
			at: date.toISOString(),
			...naiveStatus(policy, department, at),
		});
		const hours = policy.departments.find((d) => d.id === department)?.hours;
		if (!hours) throw new Error('missing department');
		const opening = naiveEdge(policy, hours, at, true);
		const closing = naiveEdge(policy, hours, at, false);
		expect(nextOpening(policy, department, date).getTime()).toBe(opening);
		expect(nextClosing(policy, department, date).getTime()).toBe(closing);
		changes.push(naiveOpenIn(policy, hours, at) ? closing : opening);
	}
	expect(nextStatusChange(policy, date).getTime()).toBe(Math.min(...changes));
	for (const severity of SEVERITIES) {
		expect({ severity, due: firstResponseDue(policy, severity, date).getTime() }).toEqual({
			severity,
			due: naiveFirstResponse(policy, severity, at),
		});
	}
	expect(resolutionDue(policy, date).getTime()).toBe(naiveResolution(policy, at));
}

function toMillis(s: { open: boolean; closesAt: Date | null; opensAt: Date | null }) {
	return {
		open: s.open,
		closesAt: s.closesAt?.getTime() ?? null,
		opensAt: s.opensAt?.getTime() ?? null,
	};
}

describe('schedule engine against the naive minute-by-minute reference', () => {
	it('agrees on the shipped policy at any minute, new years and boundary minutes included', () => {
		fc.assert(
			fc.property(instantArb(base, MSK_OFFSET_MIN), (at) => expectAgreement(base, at)),
			{ numRuns: 250 },
		);
	});

	it('agrees on random hours, weekdays, dated exceptions and rules in Moscow', () => {
		const scenario = variationArb(0).chain((v) =>
			fc.record({
				v: fc.constant(v),
				at: instantArb(vary(v, 'Europe/Moscow', 0, []), MSK_OFFSET_MIN),
				exceptions: exceptionsArb,
			}),
		);
		fc.assert(
			fc.property(scenario, ({ v, at, exceptions }) =>
				expectAgreement(vary(v, 'Europe/Moscow', at, exceptions), at),
			),
			{ numRuns: 150 },
		);
	});

	it('agrees in time zones with daylight saving, around the switch dates', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
		const nearSwitch = fc
			.record({
				year: fc.integer({ min: 2015, max: 2040 }),
				month: fc.constantFrom(2, 3, 9, 10),
				day: fc.integer({ min: 0, max: 34 }),
				minute: fc.integer({ min: 0, max: 1439 }),
			})
			.map(({ year, month, day, minute }) => Date.UTC(year, month, day) + minute * MINUTE);
		const scenario = fc.record({
			v: variationArb(DAYTIME),
			zone: fc.constantFrom(...zones),
			at: nearSwitch,
			exceptions: exceptionsArb,
		});
		fc.assert(
			fc.property(scenario, ({ v, zone, at, exceptions }) =>
				expectAgreement(vary(v, zone, at, exceptions), at),
			),
			{ numRuns: 150 },
		);
	});

	it('shifts by the same seconds when submitted mid-minute inside an open interval', () => {
		const scenario = fc.record({
			at: instantArb(base, MSK_OFFSET_MIN),
			ms: fc.integer({ min: 1, max: MINUTE - 1 }),
		});
		fc.assert(
			fc.property(scenario, ({ at, ms }) => {
				for (const severity of SEVERITIES) {
					const whole = firstResponseDue(base, severity, new Date(at)).getTime();
					const shifted = firstResponseDue(base, severity, new Date(at + ms)).getTime();
					const window = base.responseWindow.hours;
					if (severity < 3) {
						expect(shifted).toBe(whole + ms);
					} else if (!naiveOpenIn(base, window, at)) {
						// Closed: the count starts at the next opening, so the seconds do not matter.
						expect(shifted).toBe(whole);
					} else if (
						naiveOpenIn(base, window, whole - MINUTE) &&
						!naiveOpenIn(base, window, whole)
					) {
						// Due exactly at closing: the extra milliseconds spill into the next opening.
						expect(shifted).toBe(naiveEdge(base, window, whole, true) + ms);
					} else {
						expect(shifted).toBe(whole + ms);
					}
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('answers the same status in any order of instants, as the engine remembers the last interval', () => {
		// Instants within three minutes of the week's openings and closings, asked in any order (back
		// in time too, as pinned clocks do). The expected answers come first, from fresh copies of
		// the policy, which the engine has never seen.
		const edges: number[] = [];
		for (let t = Date.UTC(2026, 10, 23); t < Date.UTC(2026, 10, 30);) {
			t = nextStatusChange(base, new Date(t)).getTime();
			edges.push(t);
		}
		const nearEdge = fc
			.tuple(fc.constantFrom(...edges), fc.integer({ min: -180, max: 180 }))
			.map(([edge, seconds]) => edge + seconds * 1000);
		fc.assert(
			fc.property(fc.array(nearEdge, { minLength: 2, maxLength: 40 }), (instants) => {
				const expected = instants.map((at) => statusAt(structuredClone(base), new Date(at)));
				expect(instants.map((at) => statusAt(base, new Date(at)))).toEqual(expected);
			}),
			{ numRuns: 200 },
		);
	});
});
