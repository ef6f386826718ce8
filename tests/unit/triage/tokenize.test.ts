import { describe, expect, it } from 'vitest';
import { detectLang, normalize, normalizeWithOrigin, tokenize } from '#server/triage/tokenize.ts';

describe('normalize', () => {
	it('lowercases, folds ё and spells out negative contractions', () => {
		expect(normalize('Счёт  DOESN’T arrive')).toBe('счет does not arrive');
		expect(normalize("We can't and won't, it cannot")).toBe('we can not and will not, it can not');
	});

	it('blanks out quotes so a quoted word still joins its phrase', () => {
		expect(normalize('«Сайт» не открывается')).toBe('сайт не открывается');
	});

	it('remembers which input character each normalized character came from', () => {
		const input = "It doesn't load";
		const n = normalizeWithOrigin(input);
		const at = n.text.indexOf('not');
		expect(input.slice(n.origin[at], (n.origin[at + 2] ?? 0) + 1)).toBe("n't");
		expect(n.origin).toHaveLength(n.text.length);
	});
});

describe('detectLang', () => {
	it('calls text with mostly Cyrillic letters Russian, even with Latin brand names', () => {
		expect(detectLang('Как оплатить API key?')).toBe('ru');
		expect(detectLang('How do I set the markup?')).toBe('en');
	});

	it('defaults to English when there are no letters', () => {
		expect(detectLang('???')).toBe('en');
	});
});

describe('tokenize', () => {
	it('splits on punctuation and stems each word in its own language', () => {
		expect(tokenize('Ошибки при оформлении, orders failed!').map((t) => t.stem)).toEqual([
			'ошибк',
			'при',
			'оформлен',
			'order',
			'fail',
		]);
	});

	it('treats a Latin "1c" as the Cyrillic brand "1с"', () => {
		expect(tokenize('1C')[0]?.surface).toBe('1с');
	});

	it('returns no tokens for punctuation only', () => {
		expect(tokenize(' ?!… ')).toEqual([]);
	});
});
