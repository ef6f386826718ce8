import { describe, expect, it } from 'vitest';
import { getTranslator, messageRef, pickMessages } from '#i18n/index.ts';
import { createTranslator } from '#i18n/translator.ts';

const MOSCOW = 'Europe/Moscow';
const en = getTranslator('en', { timeZone: MOSCOW, zoneLabel: 'MSK' });
const ru = getTranslator('ru', { timeZone: MOSCOW, zoneLabel: 'МСК' });

/** A Moscow wall-clock time as an instant (UTC+3 all year). */
const msk = (local: string) => new Date(`${local}+03:00`);

describe('messages', () => {
	it('looks up a message in the language', () => {
		expect(en.t('manuals.title')).toBe('Manuals');
		expect(ru.t('manuals.title')).toBe('Руководства');
	});

	it('fills placeholders', () => {
		expect(ru.t('common.language.current', { language: 'русский' })).toBe('Текущий язык: русский');
	});

	it.each([
		[1, '1 день'],
		[2, '2 дня'],
		[4, '4 дня'],
		[5, '5 дней'],
		[11, '11 дней'],
		[14, '14 дней'],
		[21, '21 день'],
		[22, '22 дня'],
		[25, '25 дней'],
		[111, '111 дней'],
		[1.5, '1,5 дня'],
	])('chooses the Russian plural form of %s', (count, text) => {
		expect(ru.t('common.duration.days', { count })).toBe(text);
	});

	it('chooses the English plural form', () => {
		expect(en.t('common.duration.days', { count: 1 })).toBe('1 day');
		expect(en.t('common.duration.days', { count: 0 })).toBe('0 days');
		expect(en.t('common.duration.days', { count: 2 })).toBe('2 days');
	});

	it('formats numbers with the language’s separators; strings stay as they are', () => {
		// Russian groups digits with a no-break space.
		expect(ru.t('common.duration.days', { count: 12345 })).toBe('12\u00a0345 дней');
		expect(en.t('common.duration.days', { count: 12345 })).toBe('12,345 days');
		expect(ru.t('common.duration.hours', { count: '12345' })).toBe('12345 ч');
		expect(ru.number(1234.5)).toBe('1\u00a0234,5');
		expect(en.number(1234.5)).toBe('1,234.5');
	});

	it('lists in the language', () => {
		expect(ru.list(['чат', 'тикет', 'форум'])).toBe('чат, тикет и форум');
		expect(en.list(['chat', 'ticket', 'forum'])).toBe('chat, ticket and forum');
	});

	it('shows a missing key as the key, and uses the fallback messages first', () => {
		const partial = createTranslator(
			'ru',
			{ 'manuals.title': 'Руководства' },
			{ timeZone: MOSCOW, zoneLabel: 'МСК', fallback: { 'common.date.today': 'today' } },
		);
		expect(partial.t('manuals.title')).toBe('Руководства');
		expect(partial.t('common.date.today')).toBe('today');
		expect(partial.t('common.date.tomorrow')).toBe('common.date.tomorrow');
	});
});

describe('message references', () => {
	it('translates a key or a reference with parameters at the edge', () => {
		expect(ru.text('manuals.title')).toBe('Руководства');
		const ref = messageRef('common.duration.days', { count: 3 });
		expect(ru.text(ref)).toBe('3 дня');
		expect(en.text(ref)).toBe('3 days');
	});

	it('leaves other text alone', () => {
		expect(ru.text('My own words.')).toBe('My own words.');
		expect(ru.text('manuals.nope')).toBe('manuals.nope');
		expect(ru.text('x\u001fnot json')).toBe('x\u001fnot json');
	});
});

describe('parts', () => {
	it('splits a message around the placeholders left for markup', () => {
		expect(en.parts('common.date.at', { time: '07:00' })).toEqual([{ slot: 'day' }, ' 07:00']);
		expect(ru.parts('common.date.atDated')).toEqual([{ slot: 'day' }, ', в ', { slot: 'time' }]);
	});

	it('never turns a parameter’s own braces into a slot', () => {
		expect(en.parts('common.date.at', { day: '{time}', time: '07:00' })).toEqual(['{time} 07:00']);
	});
});

describe('dates', () => {
	const friday = msk('2026-12-04T09:00');

	it('writes an instant in the portal’s zone with its label', () => {
		expect(ru.zoned(friday)).toBe('пт, 4 декабря, 09:00 МСК');
		expect(en.zoned(friday)).toBe('Fri 4 December, 09:00 MSK');
	});

	it('writes times, dates and date-times', () => {
		expect(ru.time(friday)).toBe('09:00');
		expect(ru.time(friday, 'Asia/Vladivostok')).toBe('16:00');
		expect(ru.date(friday)).toBe('4 декабря 2026 г.');
		expect(en.date(friday)).toBe('4 December 2026');
		expect(en.dateTime(msk('2026-11-27T17:30'))).toBe('27 Nov 2026, 17:30');
		expect(ru.dateTime(msk('2026-11-27T17:30'))).toBe('27 нояб. 2026 г., 17:30');
	});

	it('says today, tomorrow, a weekday within the week, else the date', () => {
		const now = msk('2026-12-04T08:00');
		expect(ru.relativeTime(msk('2026-12-04T17:00'), now)).toBe('сегодня в 17:00');
		expect(ru.relativeTime(msk('2026-12-05T07:00'), now)).toBe('завтра в 07:00');
		expect(ru.relativeTime(msk('2026-12-07T07:00'), now)).toBe('в понедельник в 07:00');
		expect(ru.relativeTime(msk('2026-12-08T07:00'), now)).toBe('во вторник в 07:00');
		expect(ru.relativeTime(msk('2026-12-11T07:00'), now)).toBe('в пятницу, 11 декабря, в 07:00');
		expect(en.relativeTime(msk('2026-12-04T17:00'), now)).toBe('today 17:00');
		expect(en.relativeTime(msk('2026-12-07T07:00'), now)).toBe('Monday 07:00');
		expect(en.relativeTime(msk('2027-01-09T07:00'), now)).toBe('Saturday 9 January 07:00');
	});

	it('counts days in the zone asked for', () => {
		// 23:30 Moscow on Friday is already Saturday in Vladivostok.
		const now = msk('2026-12-04T12:00');
		expect(ru.relativeDay(msk('2026-12-04T23:30'), now)).toBe('сегодня');
		expect(ru.relativeDay(msk('2026-12-04T23:30'), now, 'Asia/Vladivostok')).toBe('завтра');
	});
});

describe('durations', () => {
	const min = 60_000;
	const hour = 60 * min;
	const day = 24 * hour;

	it.each([
		[30_000, 'under 1 min', 'меньше минуты'],
		[45 * min, '45 min', '45 мин'],
		[2 * hour, '2 h', '2 ч'],
		[2 * hour + 10 * min + 59_000, '2 h 10 min', '2 ч 10 мин'],
		[day, '1 day', '1 день'],
		[3 * day + 4 * hour, '3 days 4 h', '3 дня 4 ч'],
		[5 * day + 30 * min, '5 days', '5 дней'],
		[-5, 'under 1 min', 'меньше минуты'],
	])('%s ms', (ms, english, russian) => {
		expect(en.duration(ms)).toBe(english);
		expect(ru.duration(ms)).toBe(russian);
	});
});

describe('pickMessages', () => {
	it('hands a client script only what it asks for, plus the date words when it formats dates', () => {
		const picked = pickMessages('ru', ['manuals.title'], { dates: true });
		expect(picked['manuals.title']).toBe('Руководства');
		expect(picked['common.date.tomorrow']).toBe('завтра');
		expect(picked['manuals.section.support']).toBeUndefined();
		const client = createTranslator('ru', picked, { timeZone: MOSCOW, zoneLabel: 'МСК' });
		expect(client.duration(3 * 86_400_000)).toBe('3 дня');
	});
});

describe('typed keys', () => {
	it('rejects unknown keys and wrong placeholders at compile time', () => {
		// These lines are checked by `astro check`: each must be a type error.
		const checks = () => [
			// @ts-expect-error an unknown key
			en.t('manuals.nope'),
			// @ts-expect-error a placeholder missing
			en.t('common.language.current'),
			// @ts-expect-error a placeholder misspelt
			en.t('common.language.current', { lang: 'x' }),
			// @ts-expect-error parameters for a message without placeholders
			en.t('manuals.title', { x: 1 }),
			// @ts-expect-error a plural message needs its count
			en.t('common.duration.days', {}),
			en.t('common.duration.days', { count: 2 }),
		];
		expect(typeof checks).toBe('function');
	});
});
