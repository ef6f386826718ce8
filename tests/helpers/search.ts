import type { SearchDocument, SearchKind } from '#server/search/search-document.ts';

let counter = 0;

/** A search document with a unique source id; override what the test is about. */
export function makeSearchDocument(
	overrides: Partial<SearchDocument> & { title: string },
): SearchDocument {
	counter += 1;
	const kind: SearchKind = overrides.kind ?? 'hint';
	const sourceId = overrides.sourceId ?? `doc-${Date.now().toString(36)}-${counter}`;
	return {
		kind,
		sourceId,
		body: 'Nothing in particular.',
		url: `/${kind}s/${sourceId}`,
		updatedAt: new Date('2026-11-01T10:00:00Z'),
		...overrides,
	};
}

import type { SearchEngine, SearchRef } from '#server/search/engine.ts';

export interface FakeEngine extends SearchEngine {
	docs: Map<string, SearchDocument>;
	/** While true every call fails as if the server were unreachable. */
	down: boolean;
	calls: number;
}

/**
 * An in-memory stand-in for the external engine (named 'meilisearch') that can be taken
 * down and brought back. Its search is a plain case-insensitive substring match.
 */
export function createFakeEngine(): FakeEngine {
	const key = (r: SearchRef) => `${r.kind}:${r.sourceId}`;
	const fake: FakeEngine = {
		name: 'meilisearch',
		docs: new Map(),
		down: false,
		calls: 0,
		async upsert(docs) {
			check();
			for (const d of docs) fake.docs.set(key(d), d);
		},
		async remove(refs) {
			check();
			for (const r of refs) fake.docs.delete(key(r));
		},
		async search(query) {
			check();
			const needle = query.q.toLowerCase();
			const hits = [...fake.docs.values()]
				.filter((d) => `${d.title} ${d.body}`.toLowerCase().includes(needle))
				.map((d) => ({
					kind: d.kind,
					sourceId: d.sourceId,
					title: d.title,
					url: d.url,
					snippet: '',
					section: d.section ?? null,
					sectionLabel: d.sectionLabel ?? null,
				}));
			return { hits, total: hits.length };
		},
		async clear() {
			check();
			fake.docs.clear();
		},
		async healthy() {
			return !fake.down;
		},
	};
	function check() {
		fake.calls += 1;
		if (fake.down)
			throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7700'), {
				code: 'ECONNREFUSED',
			});
	}
	return fake;
}
