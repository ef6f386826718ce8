import type { SearchDocument, SearchKind } from './search-document.ts';

export type { SearchDocument, SearchKind };

export const ENGINE_NAMES = ['postgres', 'meilisearch'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface SearchRef {
	kind: SearchKind;
	sourceId: string;
}

export interface SearchQuery {
	/** What the person typed; the engine tokenises it. The last word counts as a prefix. */
	q: string;
	kinds?: readonly SearchKind[] | undefined;
	/** Manual section title or forum category slug (SearchDocument.section). */
	section?: string | undefined;
	limit?: number | undefined;
	offset?: number | undefined;
	/** Count every match for `total` (search page paging); otherwise total counts only what was fetched. */
	countTotal?: boolean | undefined;
}

export interface SearchHit {
	kind: SearchKind;
	sourceId: string;
	title: string;
	url: string;
	/** Safe HTML: escaped text with matched words in `<mark>`. */
	snippet: string;
	section: string | null;
	sectionLabel: string | null;
}

export interface SearchResult {
	hits: SearchHit[];
	/** Matching documents in all (may be an estimate on Meilisearch). */
	total: number;
}

/**
 * A search index. Both engines pass the same contract tests
 * (tests/integration/search/engine-contract.ts).
 */
export interface SearchEngine {
	readonly name: EngineName;
	/** Adds or replaces documents, keyed by (kind, sourceId). */
	upsert(docs: readonly SearchDocument[]): Promise<void>;
	remove(refs: readonly SearchRef[]): Promise<void>;
	search(query: SearchQuery): Promise<SearchResult>;
	/** Removes every document (reindex). */
	clear(): Promise<void>;
	/** Whether the engine answers right now; never throws. */
	healthy(): Promise<boolean>;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

export function clampLimit(limit: number | undefined): number {
	return Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
}

export function clampOffset(offset: number | undefined): number {
	return Math.min(Math.max(Math.trunc(offset ?? 0), 0), 10_000);
}
