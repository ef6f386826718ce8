import { describe, expect, it } from 'vitest';
import { stemRussian } from '#server/triage/stem-ru.ts';

describe('stemRussian (Snowball)', () => {
	it.each([
		['вавиловка', 'вавиловк'],
		['важнейшие', 'важн'],
		['возможность', 'возможн'],
		['настроить', 'настро'],
		['работает', 'работа'],
		['оформлении', 'оформлен'],
		['сделавшись', 'сдела'],
	])('stems %s to %s as in the reference vocabulary', (word, stem) => {
		expect(stemRussian(word)).toBe(stem);
	});

	it('maps case forms of a noun to one stem', () => {
		const stems = ['ошибка', 'ошибки', 'ошибку', 'ошибкой'].map(stemRussian);
		expect(new Set(stems).size).toBe(1);
		expect(stemRussian('заказов')).toBe(stemRussian('заказы'));
	});

	it('treats ё as е', () => {
		expect(stemRussian('счёт')).toBe(stemRussian('счет'));
	});

	it('leaves short words and Latin text alone', () => {
		expect(stemRussian('не')).toBe('не');
		expect(stemRussian('api')).toBe('api');
	});
});
