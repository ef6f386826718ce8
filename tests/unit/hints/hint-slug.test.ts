import { describe, expect, it } from 'vitest';
import { isHintSlug, normalizeTag, parseTags, slugifyTitle } from '#lib/hint-slug.ts';

describe('slugifyTitle', () => {
	it('keeps ASCII words joined by single hyphens', () => {
		expect(slugifyTitle('  Check your OT API Key -- in 1 minute! ')).toBe(
			'check-your-ot-api-key-in-1-minute',
		);
	});

	it('drops accents rather than whole letters', () => {
		expect(slugifyTitle('Déjà vu: Währung & Café')).toBe('deja-vu-wahrung-cafe');
	});

	it('gives an empty slug when nothing Latin is left', () => {
		expect(slugifyTitle('Курс юаня')).toBe('');
	});

	it('cuts long titles at a word boundary within 80 characters', () => {
		const slug = slugifyTitle('word '.repeat(40));
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug.endsWith('word')).toBe(true);
		expect(isHintSlug(slug)).toBe(true);
	});

	it('cuts a single overlong word', () => {
		expect(slugifyTitle('a'.repeat(120))).toBe('a'.repeat(80));
	});
});

describe('isHintSlug', () => {
	it.each(['abc', 'cron-2', 'a1-b2-c3'])('accepts %s', (slug) =>
		expect(isHintSlug(slug)).toBe(true),
	);
	it.each(['ab', '-abc', 'abc-', 'a--b', 'Abc', 'a_b', 'a/b', 'x'.repeat(81)])(
		'refuses %s',
		(slug) => expect(isHintSlug(slug)).toBe(false),
	);
});

describe('tags', () => {
	it('normalises what people type', () => {
		expect(normalizeTag(' API Key ')).toBe('api-key');
		expect(normalizeTag('#cron')).toBe('cron');
		expect(normalizeTag('!!!')).toBe('');
	});

	it('parses a comma list without empties or duplicates, in order', () => {
		expect(parseTags('Cron, api key,, API-Key , #cron, pricing')).toEqual([
			'cron',
			'api-key',
			'pricing',
		]);
	});

	it('limits a tag to 30 characters without a trailing hyphen', () => {
		const tag = normalizeTag(`${'a'.repeat(29)} b`);
		expect(tag).toBe('a'.repeat(29));
	});
});
