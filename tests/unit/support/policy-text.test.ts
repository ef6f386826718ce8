import { describe, expect, it } from 'vitest';
import { hoursView, responseTargetsView } from '#server/support/hours-view.ts';
import {
	firstResponseText,
	holidaysText,
	ordinal,
	resolutionText,
	weekdaysText,
} from '#server/support/policy-text.ts';
import { supportPageView } from '#server/support/policy-page.ts';
import { defaultPolicy, msk, policyWith } from './fixtures.ts';

const policy = defaultPolicy();

describe('policy in words', () => {
	it('describes the calendar', () => {
		expect(weekdaysText(policy)).toBe('Monday to Friday');
		expect(holidaysText(policy)).toEqual([
			'1–8 January (New Year holidays)',
			'23 February (Defender of the Fatherland Day)',
			"8 March (International Women's Day)",
			'1 May (Spring and Labour Day)',
			'9 May (Victory Day)',
			'12 June (Russia Day)',
			'4 November (Unity Day)',
		]);
	});

	it('describes each first-response rule from the data', () => {
		expect(firstResponseText(policy, 1)).toBe(
			'First response within 1 hour, day and night, every day of the year.',
		);
		expect(firstResponseText(policy, 2)).toBe(
			'First response within 1 hour when submitted while technical support is open ' +
				'(working days 08:00–17:00 MSK), otherwise within 3 hours.',
		);
		expect(firstResponseText(policy, 3)).toContain('working days 09:00–18:00 MSK');
		expect(resolutionText(policy)).toBe(
			'By 18:00 MSK on the 5th working day after the day your request arrives (MSK date).',
		);
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'22nd',
			'101st',
		]);
	});

	it('follows edits of the policy file', () => {
		const edited = policyWith((p) => {
			p.timezoneLabel = 'CET';
			p.responseWindow.hours = { opens: '10:00', closes: '16:30' };
			p.calendar.workingWeekdays = [1, 3, 5];
		});
		expect(firstResponseText(edited, 4)).toContain('working days 10:00–16:30 CET');
		expect(weekdaysText(edited)).toBe('Monday, Wednesday and Friday');
	});
});

describe('views', () => {
	it('builds the schedule table and upcoming exceptions of the /support page', () => {
		const moved = policyWith((p) => {
			p.calendar.extraWorkingDays = ['2027-01-09', '2025-01-04'];
		});
		const page = supportPageView(moved, msk('2026-11-27T12:00'));
		expect(page.schedule).toEqual([
			{ what: 'Customer support (chat)', days: 'Working days', hours: '07:00–17:00 MSK' },
			{ what: 'Technical support (tickets)', days: 'Working days', hours: '08:00–17:00 MSK' },
			{
				what: 'Response hours (first response to Severity 3 and 4)',
				days: 'Working days',
				hours: '09:00–18:00 MSK',
			},
			{
				what: 'First response to Severity 1',
				days: 'Every day, holidays included',
				hours: 'Around the clock',
			},
		]);
		expect(page.extraWorkingDays).toEqual(['Saturday 9 January 2027']);
	});

	it('shows the duty note only on days off', () => {
		expect(hoursView(policy, msk('2026-11-27T12:00')).isOffDay).toBe(false);
		const saturday = hoursView(policy, msk('2026-11-28T12:00'));
		expect(saturday.isOffDay).toBe(true);
		expect(saturday.offDayNote).toMatch(/duty manager/);
		expect(saturday.offDays.slice(0, 3)).toEqual(['2026-11-28', '2026-11-29', '2026-12-05']);
	});

	it('lists first-response targets for every severity', () => {
		const view = responseTargetsView(policy, msk('2026-11-27T17:30'));
		expect(view.targets.map((t) => [t.level, t.text.main])).toEqual([
			[1, 'today 18:30 MSK'],
			[2, 'today 20:30 MSK'],
			[3, 'Monday 09:30 MSK'],
			[4, 'Monday 09:30 MSK'],
		]);
		expect(view.resolution.text.main).toBe('Friday 4 December 18:00 MSK');
	});
});
