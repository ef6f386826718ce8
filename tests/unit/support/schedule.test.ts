import { describe, expect, it } from 'vitest';
import {
	firstResponseDue,
	isOpen,
	isWorkingDay,
	nextClosing,
	nextOpening,
	resolutionDue,
	statusAt,
} from '#server/support/schedule.ts';
import { defaultPolicy, msk, policyWith } from './fixtures.ts';

const policy = defaultPolicy();

describe('working days', () => {
	it('counts Monday to Friday and skips weekends', () => {
		expect(isWorkingDay(policy, '2026-11-27')).toBe(true); // Friday
		expect(isWorkingDay(policy, '2026-11-28')).toBe(false); // Saturday
		expect(isWorkingDay(policy, '2026-11-29')).toBe(false); // Sunday
	});

	it('skips every default holiday, every year', () => {
		const holidays = [
			'01-01',
			'01-05',
			'01-08',
			'02-23',
			'03-08',
			'05-01',
			'05-09',
			'06-12',
			'11-04',
		];
		for (const year of [2027, 2031]) {
			for (const day of holidays) {
				const date = `${year}-${day}`;
				expect({ date, working: isWorkingDay(policy, date) }).toEqual({ date, working: false });
			}
		}
		expect(isWorkingDay(policy, '2027-01-11')).toBe(true);
	});

	it('honours dated exceptions both ways, the exception winning over the weekday', () => {
		const moved = policyWith((p) => {
			p.calendar.extraWorkingDays = ['2026-11-28', '2027-01-05'];
			p.calendar.extraDaysOff = ['2026-11-27'];
		});
		expect(isWorkingDay(moved, '2026-11-28')).toBe(true);
		expect(isWorkingDay(moved, '2027-01-05')).toBe(true);
		expect(isWorkingDay(moved, '2026-11-27')).toBe(false);
	});
});

describe('opening hours', () => {
	it('is open from the opening minute and closed at closing time sharp', () => {
		expect(isOpen(policy, 'customer-support', msk('2026-11-27T06:59:59'))).toBe(false);
		expect(isOpen(policy, 'customer-support', msk('2026-11-27T07:00'))).toBe(true);
		expect(isOpen(policy, 'customer-support', msk('2026-11-27T16:59:59.999'))).toBe(true);
		expect(isOpen(policy, 'customer-support', msk('2026-11-27T17:00'))).toBe(false);
		expect(isOpen(policy, 'technical-support', msk('2026-11-27T07:30'))).toBe(false);
		expect(isOpen(policy, 'technical-support', msk('2026-11-27T08:00'))).toBe(true);
	});

	it('reports closesAt while open and opensAt while closed', () => {
		const status = statusAt(policy, msk('2026-11-27T07:30'));
		expect(status.timezone).toBe('Europe/Moscow');
		expect(status.departments['customer-support']).toEqual({
			open: true,
			closesAt: msk('2026-11-27T17:00'),
			opensAt: null,
		});
		expect(status.departments['technical-support']).toEqual({
			open: false,
			closesAt: null,
			opensAt: msk('2026-11-27T08:00'),
		});
	});

	it('at 17:00 sharp on Friday points to Monday morning', () => {
		const status = statusAt(policy, msk('2026-11-27T17:00'));
		expect(status.departments['customer-support']).toEqual({
			open: false,
			closesAt: null,
			opensAt: msk('2026-11-30T07:00'),
		});
	});

	it('skips the New Year holidays and the weekend after them', () => {
		// 2027-01-09 is a Saturday, so work resumes on Monday 11 January.
		expect(nextOpening(policy, 'customer-support', msk('2026-12-31T17:00'))).toEqual(
			msk('2027-01-11T07:00'),
		);
		expect(nextClosing(policy, 'technical-support', msk('2026-12-31T12:00'))).toEqual(
			msk('2026-12-31T17:00'),
		);
		expect(nextClosing(policy, 'technical-support', msk('2026-12-31T17:00'))).toEqual(
			msk('2027-01-11T17:00'),
		);
	});

	it('opens on an extra working Saturday and stays shut on an extra day off', () => {
		const moved = policyWith((p) => {
			p.calendar.extraWorkingDays = ['2026-11-28'];
			p.calendar.extraDaysOff = ['2026-11-30'];
		});
		expect(nextOpening(moved, 'customer-support', msk('2026-11-27T18:00'))).toEqual(
			msk('2026-11-28T07:00'),
		);
		expect(nextOpening(moved, 'customer-support', msk('2026-11-28T17:00'))).toEqual(
			msk('2026-12-01T07:00'),
		);
	});

	it('next opening is strictly after the instant, even at the opening minute', () => {
		expect(nextOpening(policy, 'customer-support', msk('2026-11-26T07:00'))).toEqual(
			msk('2026-11-27T07:00'),
		);
	});
});

describe('first response', () => {
	it('answers Severity 1 within one calendar hour, even on holidays', () => {
		expect(firstResponseDue(policy, 1, msk('2027-01-01T03:17:45'))).toEqual(
			msk('2027-01-01T04:17:45'),
		);
	});

	it('answers Severity 2 within 1 hour while technical support is open', () => {
		expect(firstResponseDue(policy, 2, msk('2026-11-27T08:00'))).toEqual(msk('2026-11-27T09:00'));
		expect(firstResponseDue(policy, 2, msk('2026-11-27T16:59'))).toEqual(msk('2026-11-27T17:59'));
	});

	it('answers Severity 2 within 3 hours otherwise', () => {
		expect(firstResponseDue(policy, 2, msk('2026-11-27T17:00'))).toEqual(msk('2026-11-27T20:00'));
		expect(firstResponseDue(policy, 2, msk('2026-11-27T07:59'))).toEqual(msk('2026-11-27T10:59'));
		expect(firstResponseDue(policy, 2, msk('2026-11-28T12:00'))).toEqual(msk('2026-11-28T15:00'));
	});

	it('counts Severity 3 and 4 only inside the response window: Friday 17:30 is due Monday 09:30', () => {
		expect(firstResponseDue(policy, 3, msk('2026-11-27T17:30'))).toEqual(msk('2026-11-30T09:30'));
		expect(firstResponseDue(policy, 4, msk('2026-11-27T17:30'))).toEqual(msk('2026-11-30T09:30'));
	});

	it('keeps the seconds when the hour spills over the weekend', () => {
		expect(firstResponseDue(policy, 3, msk('2026-11-27T17:30:42'))).toEqual(
			msk('2026-11-30T09:30:42'),
		);
	});

	it('is due at the window end when the hour fits exactly, and next morning after it', () => {
		expect(firstResponseDue(policy, 3, msk('2026-11-26T17:00'))).toEqual(msk('2026-11-26T18:00'));
		expect(firstResponseDue(policy, 3, msk('2026-11-26T18:00'))).toEqual(msk('2026-11-27T10:00'));
		expect(firstResponseDue(policy, 3, msk('2026-11-26T05:00'))).toEqual(msk('2026-11-26T10:00'));
	});

	it('carries over the New Year holidays', () => {
		expect(firstResponseDue(policy, 3, msk('2026-12-31T17:45'))).toEqual(msk('2027-01-11T09:45'));
	});
});

describe('resolution', () => {
	it('is 18:00 on the fifth working day after the arrival date', () => {
		expect(resolutionDue(policy, msk('2026-11-23T00:00'))).toEqual(msk('2026-11-30T18:00'));
		expect(resolutionDue(policy, msk('2026-11-27T17:30'))).toEqual(msk('2026-12-04T18:00'));
		expect(resolutionDue(policy, msk('2026-11-28T12:00'))).toEqual(msk('2026-12-04T18:00'));
	});

	it('uses the Moscow date of arrival, not the UTC one', () => {
		// 23:30 UTC on Sunday is already Monday 02:30 in Moscow.
		expect(resolutionDue(policy, new Date('2026-11-29T23:30:00Z'))).toEqual(
			msk('2026-12-07T18:00'),
		);
	});

	it('skips the New Year holidays: 31 December is due 15 January', () => {
		expect(resolutionDue(policy, msk('2026-12-31T12:00'))).toEqual(msk('2027-01-15T18:00'));
	});
});

describe('a policy without working days', () => {
	const never = policyWith((p) => {
		p.calendar.workingWeekdays = [];
	});

	it('throws a clear error instead of searching forever', () => {
		const at = msk('2026-11-27T12:00');
		expect(() => nextOpening(never, 'customer-support', at)).toThrow(/no working day within/);
		expect(() => firstResponseDue(never, 3, at)).toThrow(/no working day within/);
		expect(() => resolutionDue(never, at)).toThrow(/no working day within/);
		expect(isOpen(never, 'customer-support', at)).toBe(false);
	});
});
