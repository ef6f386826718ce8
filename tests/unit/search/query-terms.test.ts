import { describe, expect, it } from 'vitest';
import {
	parseQueryWords,
	synonymsOf,
	toTsGroups,
	vocabularyOf,
} from '#server/search/query-terms.ts';

describe('parseQueryWords', () => {
	it('treats the last word as a prefix while it is being typed', () => {
		expect(parseQueryWords('currency ra')).toEqual([
			{ word: 'currency', prefix: false },
			{ word: 'ra', prefix: false },
		]);
		expect(parseQueryWords('currency rat')).toEqual([
			{ word: 'currency', prefix: false },
			{ word: 'rat', prefix: true },
		]);
		expect(parseQueryWords('currency rate?')).toEqual([
			{ word: 'currency', prefix: false },
			{ word: 'rate', prefix: false },
		]);
		expect(parseQueryWords('currency rate ')).toEqual([
			{ word: 'currency', prefix: false },
			{ word: 'rate', prefix: false },
		]);
	});

	it('keeps only letters and digits, so tsquery syntax cannot get in', () => {
		expect(parseQueryWords("a' | b:* & !c <-> (d)").map((w) => w.word)).toEqual([
			'a',
			'b',
			'c',
			'd',
		]);
	});

	it('lowercases, folds ё and drops repeats', () => {
		expect(parseQueryWords('Ёлка ЁЛКА ёлка 1C').map((w) => w.word)).toEqual(['елка', '1c']);
	});
});

describe('toTsGroups', () => {
	it('adds synonyms across languages and the typo fix', () => {
		const [group] = toTsGroups([{ word: 'наценки', prefix: false }]);
		expect(group?.stemmed).toContain("'markup'");
		const [fixed] = toTsGroups(
			[{ word: 'delivry', prefix: true }],
			new Map([['delivry', 'delivery']]),
		);
		expect(fixed?.stemmed).toContain("'delivery':*");
		expect(fixed?.simple).toBe("'delivry':* | 'delivery':*");
	});

	it('finds synonyms by stem', () => {
		expect(synonymsOf('deliveries').flat()).toContain('доставка');
	});
});

it('vocabularyOf keeps words of 3 to 30 characters that start with a letter', () => {
	expect(vocabularyOf('An API key, 2fa v2 keys KEYS')).toEqual(['api', 'key', 'keys']);
});
