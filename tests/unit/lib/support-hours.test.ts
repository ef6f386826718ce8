import { describe, expect, it } from 'vitest';
import { badgeText, departmentText, instantText, type Zones } from '#lib/support-hours.ts';

const moscow: Zones = { zone: 'Europe/Moscow', zoneLabel: 'MSK' };
const newYork: Zones = { ...moscow, visitorZone: 'America/New_York' };
const now = new Date('2026-11-27T11:50:00Z'); // Friday 14:50 MSK, 06:50 in New York

describe('departmentText', () => {
	const open = { open: true, closesAt: new Date('2026-11-27T14:00:00Z'), opensAt: null };
	const closed = { open: false, closesAt: null, opensAt: new Date('2026-11-30T04:00:00Z') };

	it('counts down to closing in Moscow time on the server', () => {
		expect(departmentText(open, now, moscow)).toEqual({
			state: 'Open',
			detail: 'closes in 2 h 10 min, at 17:00 MSK',
			local: '',
		});
	});

	it('adds the visitor time in the browser', () => {
		expect(departmentText(open, now, newYork).local).toBe('(09:00 your time)');
	});

	it('names the opening day in both zones when they differ', () => {
		expect(departmentText(closed, new Date('2026-11-27T14:30:00Z'), newYork)).toEqual({
			state: 'Closed',
			detail: 'opens Monday 07:00 MSK',
			local: '(Sunday 23:00 your time)',
		});
	});

	it('says nothing extra for a visitor in Moscow time', () => {
		const sameOffset: Zones = { ...moscow, visitorZone: 'Europe/Istanbul' };
		expect(departmentText(closed, now, sameOffset).local).toBe('');
	});
});

describe('instantText', () => {
	it('gives the time only when the day matches', () => {
		const due = new Date('2026-11-30T06:30:00Z'); // Monday 09:30 MSK, 01:30 New York
		expect(instantText(due, new Date('2026-11-27T14:30:00Z'), newYork)).toEqual({
			main: 'Monday 09:30 MSK',
			local: '(01:30 your time)',
		});
	});
});

describe('badgeText', () => {
	it('reports the latest closing while any department is open', () => {
		const states = [
			{ open: true, closesAt: new Date('2026-11-27T14:00:00Z'), opensAt: null },
			{ open: false, closesAt: null, opensAt: new Date('2026-11-30T05:00:00Z') },
		];
		expect(badgeText(states, now, moscow)).toBe('Support open · closes in 2 h 10 min');
	});

	it('reports the earliest opening when all are closed', () => {
		const states = [
			{ open: false, closesAt: null, opensAt: new Date('2026-11-30T05:00:00Z') },
			{ open: false, closesAt: null, opensAt: new Date('2026-11-30T04:00:00Z') },
		];
		expect(badgeText(states, new Date('2026-11-27T14:30:00Z'), moscow)).toBe(
			'Support closed · opens Monday 07:00 MSK',
		);
	});
});
