import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet, snippetTerm } from '#server/search/snippet.ts';
import { MARK_CLOSE, MARK_OPEN } from '#server/search/text.ts';

const show = (snippet: string) => snippet.replaceAll(MARK_OPEN, '[').replaceAll(MARK_CLOSE, ']');
const plain = (snippet: string) => snippet.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');

describe('search snippets', () => {
	it('marks exact words, the word being typed by prefix, and other forms by stem', () => {
		const text = 'Prices of goods are updated hourly. The price list updates after markup changes.';
		const snippet = makeSnippet(text, [
			snippetTerm('price', false),
			snippetTerm('upd', true),
			snippetTerm('markup', false),
		]);
		expect(show(snippet)).toBe(
			'[Prices] of goods are [updated] hourly. The [price] list [updates] after [markup] changes.',
		);
	});

	it('stems Russian words and treats ё as е', () => {
		const snippet = makeSnippet('Наценки на товары меняются в панели. Ещё одна наценка.', [
			snippetTerm('наценка', false),
			snippetTerm('еще', false),
		]);
		expect(show(snippet)).toBe('[Наценки] на товары меняются в панели. [Ещё] одна [наценка].');
	});

	it('cuts the window around the densest run of query words, with ellipses', () => {
		const filler = 'lorem ipsum dolor sit amet '.repeat(30);
		const text = `${filler}delivery once. ${filler}The delivery cost by weight: delivery cost grows with weight. ${filler}`;
		const snippet = makeSnippet(
			text,
			[snippetTerm('delivery', false), snippetTerm('weight', false)],
			120,
		);
		expect(show(snippet)).toContain(
			'[delivery] cost by [weight]: [delivery] cost grows with [weight]',
		);
		expect(snippet.startsWith('…')).toBe(true);
		expect(snippet.endsWith('…')).toBe(true);
	});

	it('shows the start of the text when nothing matches', () => {
		expect(makeSnippet('Short text   with\n\nspaces.', [snippetTerm('absent', false)])).toBe(
			'Short text with spaces.',
		);
	});

	it('always returns a piece of the text, bounded in length, with balanced marks', () => {
		const word = fc.constantFrom(
			'cart',
			'carts',
			'price',
			'prices',
			'корзина',
			'корзины',
			'ёж',
			'a',
			'the',
			'42',
		);
		fc.assert(
			fc.property(
				fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 300 }),
				fc.array(word, { minLength: 1, maxLength: 4 }),
				(words, query) => {
					const text = words.join(' ');
					const snippet = makeSnippet(
						text,
						query.map((q, i) => snippetTerm(q, i === query.length - 1)),
						100,
					);
					const body = plain(snippet).replace(/^…/, '').replace(/…$/, '');
					expect(text.replace(/\s+/g, ' ').trim()).toContain(body);
					expect(body.length).toBeLessThanOrEqual(101);
					expect(snippet.split(MARK_OPEN).length).toBe(snippet.split(MARK_CLOSE).length);
				},
			),
			{ numRuns: 300 },
		);
	});
});
