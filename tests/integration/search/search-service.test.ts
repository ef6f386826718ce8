import { afterEach, expect, it } from 'vitest';
import { setExternalEngine } from '#server/search/engines.ts';
import { createPgEngine } from '#server/search/pg-engine.ts';
import { searchEngineStatus, searchPublic } from '#server/search/search.service.ts';
import { clearSuggestCache, suggest } from '#server/search/suggest.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { createFakeEngine, makeSearchDocument } from '../../helpers/search.ts';

describeEachDb('public search service', (use) => {
	afterEach(() => {
		setExternalEngine(null);
		clearSuggestCache();
	});

	it('answers from the built-in engine when no external engine is configured', async () => {
		setExternalEngine(null);
		await createPgEngine(use()).upsert([
			makeSearchDocument({ kind: 'manual', title: 'Warehouse addresses for parcels' }),
		]);
		const result = await searchPublic(use(), { q: 'warehouse' });
		expect(result).toMatchObject({ engine: 'postgres', degraded: false, total: 1 });
		expect(await searchEngineStatus()).toBe('postgres');
	});

	it('uses the external engine while it answers', async () => {
		const fake = createFakeEngine();
		await fake.upsert([makeSearchDocument({ title: 'Only in the external engine' })]);
		setExternalEngine(fake);
		const result = await searchPublic(use(), { q: 'external engine' });
		expect(result.engine).toBe('meilisearch');
		expect(result.hits.map((h) => h.title)).toEqual(['Only in the external engine']);
		expect(await searchEngineStatus()).toBe('meilisearch');
	});

	it('falls back to the built-in engine while the external one is down, and says so', async () => {
		await createPgEngine(use()).upsert([
			makeSearchDocument({ kind: 'hint', title: 'Fallback about couriers' }),
		]);
		const fake = createFakeEngine();
		fake.down = true;
		setExternalEngine(fake);
		const result = await searchPublic(use(), { q: 'couriers' });
		expect(result).toMatchObject({ engine: 'postgres', degraded: true });
		expect(result.hits.map((h) => h.title)).toEqual(['Fallback about couriers']);
		expect(await searchEngineStatus()).toBe('postgres (meilisearch unreachable)');
		// The breaker is open: the next search does not even try the engine.
		const calls = fake.calls;
		await searchPublic(use(), { q: 'couriers' });
		expect(fake.calls).toBe(calls);
	});

	it('suggests nothing under 3 characters', async () => {
		expect(await suggest(use(), '  ab ')).toMatchObject({ route: null, results: [] });
	});

	it('suggests a route with a reason and plain-text results', async () => {
		await createPgEngine(use()).upsert([
			makeSearchDocument({
				kind: 'manual',
				title: 'Payment methods',
				body: 'Set up **payment methods**: cards, <b>PayPal</b> and invoices.',
				url: '/manuals/admin-panel/payment-methods',
			}),
		]);
		const response = await suggest(use(), 'How do I set up payment methods?');
		expect(response.route).toBe('self_service');
		expect(response.reason.length).toBeGreaterThan(10);
		expect(response.results[0]).toMatchObject({
			kind: 'manual',
			title: 'Payment methods',
			url: '/manuals/admin-panel/payment-methods',
		});
		expect(response.results[0]?.snippet).toContain('<b>PayPal</b>');
		expect(response.results[0]?.snippet).not.toContain('<mark>');
	});
});
