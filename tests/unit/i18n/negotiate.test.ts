import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from '#i18n/negotiate.ts';

describe('Accept-Language', () => {
	it.each([
		['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
		['en-US,en;q=0.9,ru;q=0.8', 'en'],
		['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
		['fr, en;q=0.2, ru;q=0.3', 'ru'],
		['RU', 'ru'],
		['ru;q=0, en;q=0.1', 'en'],
		['en;q=0.5, ru;q=0.5', 'en'],
		['ru ; q = 0.8, en;q=0.7', 'ru'],
	])('%s → %s', (header, locale) => {
		expect(localeFromAcceptLanguage(header)).toBe(locale);
	});

	it.each([[''], ['*'], ['de-DE,fr;q=0.5'], ['ru;q=0'], [null], [undefined], ['ru;q=abc']])(
		'names no supported language in %s',
		(header) => {
			expect(localeFromAcceptLanguage(header)).toBeUndefined();
		},
	);

	it('reads only the start of an oversized header', () => {
		expect(localeFromAcceptLanguage(`${'xx,'.repeat(2000)}ru`)).toBeUndefined();
	});
});

describe('resolveLocale', () => {
	const all = { query: 'en', cookie: 'ru', account: 'en', acceptLanguage: 'ru' };

	it('takes an explicit ?lang= first', () => {
		expect(resolveLocale(all)).toEqual({ locale: 'en', source: 'query' });
	});

	it('then the cookie, the account, Accept-Language and English', () => {
		expect(resolveLocale({ ...all, query: null })).toEqual({ locale: 'ru', source: 'cookie' });
		expect(resolveLocale({ ...all, query: null, cookie: undefined })).toEqual({
			locale: 'en',
			source: 'account',
		});
		expect(resolveLocale({ acceptLanguage: 'ru-RU' })).toEqual({
			locale: 'ru',
			source: 'accept-language',
		});
		expect(resolveLocale({})).toEqual({ locale: 'en', source: 'default' });
	});

	it('ignores values that are not a language of the portal', () => {
		expect(resolveLocale({ query: 'de', cookie: '<script>', account: 'ru' })).toEqual({
			locale: 'ru',
			source: 'account',
		});
	});
});
