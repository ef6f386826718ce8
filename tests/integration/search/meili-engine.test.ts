import { describe } from 'vitest';
import { createMeiliEngine } from '#server/search/meili-engine.ts';
import { engineContract } from './engine-contract.ts';

const url = process.env.MEILISEARCH_URL;

if (url) {
	describe('Meilisearch engine', () => {
		const engine = createMeiliEngine({
			url,
			apiKey: process.env.MEILISEARCH_API_KEY,
			indexUid: `test_${Date.now().toString(36)}`,
		});
		engineContract(() => engine);
	});
} else {
	console.log('Meilisearch tests skipped: MEILISEARCH_URL is not set');
	describe.skip('Meilisearch engine (MEILISEARCH_URL is not set)', () => {
		engineContract(() => {
			throw new Error('unreachable');
		});
	});
}
