import { describe, expect, it } from 'vitest';
import { buildReason, pickQuotes } from '#server/triage/explain.ts';

describe('pickQuotes', () => {
	it('keeps at most two quotes and drops ones contained in a stronger one', () => {
		expect(pickQuotes(['site is down', 'down', 'orders', 'fail'])).toEqual([
			'site is down',
			'orders',
		]);
	});

	it('shortens a long quote at a word boundary', () => {
		const [q] = pickQuotes([
			'customers can not place orders because the checkout throws an exception',
		]);
		expect(q).toMatch(/…$/);
		expect(q!.length).toBeLessThanOrEqual(41);
	});
});

describe('buildReason', () => {
	it('hedges when the router is unsure', () => {
		const sure = buildReason({ route: 'ticket', lang: 'en', confidence: 0.9, evidence: ['error'] });
		const unsure = buildReason({
			route: 'ticket',
			lang: 'en',
			confidence: 0.4,
			evidence: ['error'],
		});
		expect(sure).toMatch(/^It sounds like something is not working/);
		expect(unsure).toMatch(/^We are not fully sure, but it sounds like/);
	});

	it('states the Severity 1 promise for urgent questions in Russian', () => {
		const r = buildReason({
			route: 'urgent',
			lang: 'ru',
			confidence: 0.95,
			evidence: ['сайт лежит'],
		});
		expect(r).toContain('«сайт лежит»');
		expect(r).toContain('в течение часа круглосуточно');
	});
});
