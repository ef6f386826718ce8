import { beforeEach, expect, it } from 'vitest';
import type { SearchEngine } from '#server/search/engine.ts';
import { makeSearchDocument } from '../../helpers/search.ts';

/**
 * The behaviour every search engine must have. `engine()` returns the engine under test;
 * each test starts from an empty index.
 */
export function engineContract(engine: () => SearchEngine): void {
	beforeEach(async () => {
		await engine().clear();
	});

	const titles = async (q: string, extra: Parameters<SearchEngine['search']>[0] = { q }) =>
		(await engine().search({ ...extra, q })).hits.map((h) => h.title);

	it('finds an upserted document by a word of its title and body', async () => {
		await engine().upsert([
			makeSearchDocument({
				title: 'Payment methods',
				body: 'Connect PayPal and bank cards at checkout.',
			}),
			makeSearchDocument({ title: 'Storefront languages', body: 'Translate the shop.' }),
		]);
		expect(await titles('payment')).toEqual(['Payment methods']);
		expect(await titles('paypal')).toEqual(['Payment methods']);
		const result = await engine().search({ q: 'paypal' });
		expect(result.total).toBe(1);
		expect(result.hits[0]).toMatchObject({
			kind: 'hint',
			url: expect.stringMatching(/^\/hints\//),
		});
	});

	it('replaces a document upserted again instead of duplicating it', async () => {
		const doc = makeSearchDocument({ title: 'Old title about coupons' });
		await engine().upsert([doc]);
		await engine().upsert([{ ...doc, title: 'New title about coupons' }]);
		expect(await titles('coupons')).toEqual(['New title about coupons']);
	});

	it('forgets a removed document', async () => {
		const keep = makeSearchDocument({ title: 'Discount rules' });
		const drop = makeSearchDocument({ title: 'Discount coupons', kind: 'topic' });
		await engine().upsert([keep, drop]);
		await engine().remove([{ kind: 'topic', sourceId: drop.sourceId }]);
		expect(await titles('discount')).toEqual(['Discount rules']);
	});

	it('stems English words: "installing" finds "installation"', async () => {
		await engine().upsert([
			makeSearchDocument({ title: 'Installation on shared hosting', body: 'Upload the archive.' }),
		]);
		expect(await titles('installing')).toEqual(['Installation on shared hosting']);
	});

	it('stems Russian words: "наценки" finds "наценка"', async () => {
		await engine().upsert([
			makeSearchDocument({ title: 'Наценка на товары', body: 'Как задать наценку для категории.' }),
			makeSearchDocument({ title: 'Доставка', body: 'Способы доставки.' }),
		]);
		expect(await titles('наценки ')).toEqual(['Наценка на товары']);
	});

	it('matches the last word as a prefix while typing: "curr" finds "currencies"', async () => {
		await engine().upsert([
			makeSearchDocument({
				title: 'Currencies and the yuan rate',
				body: 'Set the selling currency.',
			}),
			makeSearchDocument({ title: 'Delivery methods', body: 'Rates by weight.' }),
		]);
		expect(await titles('curr')).toEqual(['Currencies and the yuan rate']);
	});

	it('tolerates a typo: "delivry" finds "delivery"', async () => {
		await engine().upsert([
			makeSearchDocument({ title: 'Delivery methods', body: 'Rates by weight and zone.' }),
			makeSearchDocument({ title: 'Currencies', body: 'Exchange rates.' }),
		]);
		expect(await titles('delivry')).toEqual(['Delivery methods']);
	});

	it('filters by kind and by section', async () => {
		await engine().upsert([
			makeSearchDocument({
				kind: 'manual',
				title: 'Markup rules',
				section: 'Admin panel',
				sectionLabel: 'Admin panel',
			}),
			makeSearchDocument({ kind: 'hint', title: 'Markup for Tmall', section: 'pricing' }),
			makeSearchDocument({
				kind: 'topic',
				title: 'Markup per supplier',
				section: 'custom-development',
				sectionLabel: 'Co-development',
			}),
		]);
		expect((await titles('markup')).sort()).toEqual([
			'Markup for Tmall',
			'Markup per supplier',
			'Markup rules',
		]);
		expect(await titles('markup', { q: '', kinds: ['topic'] })).toEqual(['Markup per supplier']);
		expect((await titles('markup', { q: '', kinds: ['manual', 'hint'] })).sort()).toEqual([
			'Markup for Tmall',
			'Markup rules',
		]);
		expect(await titles('markup', { q: '', section: 'Admin panel' })).toEqual(['Markup rules']);
		const hit = (await engine().search({ q: 'markup', kinds: ['topic'] })).hits[0];
		expect(hit).toMatchObject({ section: 'custom-development', sectionLabel: 'Co-development' });
	});

	it('ranks documents matching more of the words first', async () => {
		await engine().upsert([
			makeSearchDocument({ title: 'Order export', body: 'Export orders to a spreadsheet.' }),
			makeSearchDocument({
				title: 'Order statuses and export to 1C',
				body: 'Statuses of an order and 1C exchange.',
			}),
			makeSearchDocument({ title: 'Order statuses', body: 'What each order status means.' }),
		]);
		const found = await titles('order statuses 1C');
		expect(found.slice(0, 2)).toEqual(['Order statuses and export to 1C', 'Order statuses']);
	});

	it('pages results with limit and offset and reports the total', async () => {
		await engine().upsert(
			Array.from({ length: 5 }, (_, i) =>
				makeSearchDocument({ title: `Widget setting ${i}`, body: 'widget' }),
			),
		);
		const first = await engine().search({ q: 'widget', limit: 2, countTotal: true });
		const third = await engine().search({ q: 'widget', limit: 2, offset: 4 });
		expect(first.hits).toHaveLength(2);
		expect(first.total).toBe(5);
		expect(third.hits).toHaveLength(1);
	});

	it('returns snippets with matches marked and all other markup escaped', async () => {
		await engine().upsert([
			makeSearchDocument({
				title: 'Counter code in the footer',
				body: 'Paste the counter as `<script>alert("x")</script>` into the footer template & save.',
			}),
		]);
		const [hit] = (await engine().search({ q: 'counter' })).hits;
		expect(hit?.snippet).toContain('<mark>');
		expect(hit?.snippet).toContain('&lt;script&gt;');
		expect(hit?.snippet).not.toContain('<script');
		expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
	});

	it('finds nothing for a query without words, and nothing after clear', async () => {
		await engine().upsert([makeSearchDocument({ title: 'Caching' })]);
		expect(await titles('?!')).toEqual([]);
		await engine().clear();
		expect(await titles('caching')).toEqual([]);
	});

	it('reports itself healthy', async () => {
		expect(await engine().healthy()).toBe(true);
	});
}
