import { describe, expect, it } from 'vitest';
import { en } from '#i18n/messages/en/index.ts';
import { ru } from '#i18n/messages/ru/index.ts';
import { PLURAL_CATEGORIES, type Message } from '#i18n/messages/types.ts';
import { flattenCatalog } from '#i18n/index.ts';
import { latinWords } from '../../helpers/latin-words.ts';

const english = flattenCatalog(en);
const russian = flattenCatalog(ru);

function placeholders(message: Message): string[] {
	const texts = typeof message === 'string' ? [message] : Object.values(message);
	const names = new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
	if (typeof message !== 'string') names.add('count');
	return [...names].filter((n): n is string => n !== undefined).sort();
}

function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : Object.values(message);
}

describe('message catalogs', () => {
	it('has the same keys in Russian as in English', () => {
		const en = Object.keys(english).sort();
		const ru = Object.keys(russian).sort();
		expect(ru.filter((key) => !en.includes(key))).toEqual([]);
		expect(en.filter((key) => !ru.includes(key))).toEqual([]);
	});

	it('has the same placeholders in both languages', () => {
		const differ = Object.entries(english)
			.filter(([key, message]) => {
				const other = russian[key];
				return other !== undefined && placeholders(other).join() !== placeholders(message).join();
			})
			.map(([key]) => key);
		expect(differ).toEqual([]);
	});

	it('gives plural messages every plural category of their language', () => {
		const wrong: string[] = [];
		for (const [locale, flat] of [
			['en', english],
			['ru', russian],
		] as const) {
			for (const [key, message] of Object.entries(flat)) {
				const source = english[key];
				if (typeof source === 'string' || source === undefined) {
					if (typeof message !== 'string') wrong.push(`${locale} ${key}: plural for a string`);
					continue;
				}
				const categories = typeof message === 'string' ? [] : Object.keys(message).sort();
				if (categories.join() !== [...PLURAL_CATEGORIES[locale]].sort().join())
					wrong.push(`${locale} ${key}: ${categories.join(',')}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('has no empty messages', () => {
		const empty = [...Object.entries(english), ...Object.entries(russian)]
			.filter(([, message]) => texts(message).some((text) => text.trim() === ''))
			.map(([key]) => key);
		expect(empty).toEqual([]);
	});

	it('leaves no English words in the Russian messages', () => {
		const left = Object.entries(russian).flatMap(([key, message]) =>
			texts(message)
				.flatMap((text) => latinWords(text.replace(/\{\w+\}/g, '')))
				.map((word) => `${key}: ${word}`),
		);
		expect(left).toEqual([]);
	});
});
