import { describe, expect, it } from 'vitest';
import { stemEnglish } from '#server/triage/stem-en.ts';

describe('stemEnglish (Porter)', () => {
	it.each([
		['caresses', 'caress'],
		['ponies', 'poni'],
		['agreed', 'agre'],
		['hopping', 'hop'],
		['relational', 'relat'],
		['generalizations', 'gener'],
		['adjustment', 'adjust'],
		['electrical', 'electr'],
		['controlling', 'control'],
	])('stems %s to %s as in the reference vocabulary', (word, stem) => {
		expect(stemEnglish(word)).toBe(stem);
	});

	it('maps inflections of one word to one stem', () => {
		const stems = ['update', 'updated', 'updates', 'updating'].map(stemEnglish);
		expect(new Set(stems).size).toBe(1);
		expect(stemEnglish('orders')).toBe(stemEnglish('ordering'));
	});

	it('leaves short words, digits and non-Latin text alone', () => {
		expect(stemEnglish('is')).toBe('is');
		expect(stemEnglish('500')).toBe('500');
		expect(stemEnglish('сайт')).toBe('сайт');
	});
});
