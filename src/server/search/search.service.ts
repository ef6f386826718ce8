import type { Db } from '#server/db/schema.ts';
import {
	clampLimit,
	clampOffset,
	type EngineName,
	type SearchHit,
	type SearchQuery,
} from './engine.ts';
import {
	breakerOpen,
	externalAvailable,
	externalEngine,
	reportExternalFailure,
	reportExternalSuccess,
} from './engines.ts';
import { createPgEngine } from './pg-engine.ts';
import { SEARCH_KINDS } from './search-document.ts';
import { TypoFixCache } from './typo-cache.ts';

/** A query as the edges pass it: trimmed, filtered and clamped here before it reaches an engine. */
export type PublicSearchInput = SearchQuery;

export interface PublicSearchResult {
	hits: SearchHit[];
	total: number;
	engine: EngineName;
	/** True when the configured external engine failed and the built-in one answered. */
	degraded: boolean;
}

export const MAX_QUERY_LENGTH = 2_000;
const typoFixes = new TypoFixCache();

/**
 * Searches what the public may see: manual pages, published hints, visible forum topics
 * (nothing else is ever indexed). Uses Meilisearch when configured and reachable, else the
 * built-in engine, which is always kept up to date so it can stand in.
 * Precondition: `q` is at most MAX_QUERY_LENGTH characters (the edges validate it).
 */
export async function searchPublic(db: Db, input: PublicSearchInput): Promise<PublicSearchResult> {
	const query: SearchQuery = {
		q: input.q.trim().slice(0, MAX_QUERY_LENGTH),
		kinds: input.kinds?.filter((k) => SEARCH_KINDS.includes(k)),
		section: input.section?.trim() || undefined,
		limit: clampLimit(input.limit),
		offset: clampOffset(input.offset),
		countTotal: input.countTotal,
	};
	if (query.q === '') return { hits: [], total: 0, engine: 'postgres', degraded: false };
	const external = externalEngine();
	if (external && (await externalAvailable())) {
		try {
			const result = await external.search(query);
			reportExternalSuccess();
			return { ...result, engine: external.name, degraded: false };
		} catch (error) {
			reportExternalFailure(error);
		}
	}
	const result = await createPgEngine(db, typoFixes).search(query);
	return { ...result, engine: 'postgres', degraded: external !== null };
}

/**
 * The `search` field of /api/health: "postgres", "meilisearch", or
 * "postgres (meilisearch unreachable)" while the configured Meilisearch does not answer.
 */
export async function searchEngineStatus(): Promise<string> {
	const external = externalEngine();
	if (!external) return 'postgres';
	const reachable = breakerOpen() ? false : await external.healthy();
	if (!reachable) {
		if (!breakerOpen()) reportExternalFailure(new Error('health check failed'));
		return `postgres (${external.name} unreachable)`;
	}
	return external.name;
}
