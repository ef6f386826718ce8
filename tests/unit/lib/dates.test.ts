import { describe, expect, it } from 'vitest';
import {
	formatDateTime,
	formatDuration,
	formatRelativeDay,
	formatRelativeTime,
	formatTime,
	isoDateInZone,
} from '#lib/dates.ts';

const friday = new Date('2026-11-27T14:30:00Z'); // 17:30 in Moscow, 09:30 in New York

describe('formatDuration', () => {
	it.each([
		[0, 'under 1 min'],
		[59_999, 'under 1 min'],
		[60_000, '1 min'],
		[45 * 60_000 + 59_000, '45 min'],
		[2 * 3_600_000, '2 h'],
		[(2 * 60 + 10) * 60_000 + 30_000, '2 h 10 min'],
		[24 * 3_600_000, '1 day'],
		[(3 * 24 + 4) * 3_600_000 + 5 * 60_000, '3 days 4 h'],
		[-5_000, 'under 1 min'],
	])('formats %i ms as %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});

describe('zoned formatting', () => {
	it('formats times and dates in the given zone, 24-hour', () => {
		expect(formatTime(friday, 'Europe/Moscow')).toBe('17:30');
		expect(formatTime(friday, 'America/New_York')).toBe('09:30');
		expect(formatDateTime(friday, 'Europe/Moscow')).toBe('27 Nov 2026, 17:30');
		expect(isoDateInZone(new Date('2026-11-27T22:30:00Z'), 'Europe/Moscow')).toBe('2026-11-28');
		expect(isoDateInZone(new Date('2026-11-27T22:30:00Z'), 'America/New_York')).toBe('2026-11-27');
	});

	it('names days relative to now in the zone', () => {
		const zone = 'Europe/Moscow';
		expect(formatRelativeDay(new Date('2026-11-27T15:00:00Z'), friday, zone)).toBe('today');
		expect(formatRelativeDay(new Date('2026-11-28T05:00:00Z'), friday, zone)).toBe('tomorrow');
		expect(formatRelativeTime(new Date('2026-11-30T04:00:00Z'), friday, zone)).toBe('Monday 07:00');
		expect(formatRelativeTime(new Date('2026-12-04T15:00:00Z'), friday, zone)).toBe(
			'Friday 4 December 18:00',
		);
	});

	it('decides "today" by the zone, not by UTC', () => {
		// 23:30 Moscow on Friday is still Friday afternoon in New York.
		const late = new Date('2026-11-27T20:30:00Z');
		expect(formatRelativeDay(new Date('2026-11-28T04:00:00Z'), late, 'Europe/Moscow')).toBe(
			'tomorrow',
		);
		expect(formatRelativeDay(new Date('2026-11-28T04:00:00Z'), late, 'America/New_York')).toBe(
			'today',
		);
	});
});
