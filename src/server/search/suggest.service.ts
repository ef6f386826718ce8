import type { Db } from '#server/db/schema.ts';
import { routeQuestion, type Route } from '#server/triage/router.ts';
import { logSearch } from './search-events.ts';
import { searchPublic } from './search.service.ts';
import type { SearchKind } from './search-document.ts';
import { snippetToText } from './text.ts';
import { indexVersion } from './index-version.ts';

export interface Suggestion {
	kind: SearchKind;
	title: string;
	url: string;
	/** Plain text (no markup): render it as text. */
	snippet: string;
}

export interface SuggestResponse {
	route: Route | null;
	reason: string;
	results: Suggestion[];
}

export const MIN_SUGGEST_CHARS = 3;
export const SUGGEST_LIMIT = 5;

/** Characters the person typed, ignoring surrounding whitespace (code points, not UTF-16 units). */
export function questionLength(q: string): number {
	return [...q.trim()].length;
}

/**
 * What the ask box shows for `q`: where the question belongs (with a reason a person
 * understands) and up to SUGGEST_LIMIT public articles, hints and topics that may answer it.
 * Under MIN_SUGGEST_CHARS characters there is nothing to say yet (route null). Logs the
 * search for the staff dashboard when `visitor` is given.
 * Precondition: `q` passed SuggestQuerySchema (at most 2,000 characters).
 */
export async function suggest(db: Db, q: string, visitor?: string): Promise<SuggestResponse> {
	if (questionLength(q) < MIN_SUGGEST_CHARS) {
		return { route: null, reason: 'Type at least 3 characters to get suggestions.', results: [] };
	}
	const key = q.trim().toLowerCase().replace(/\s+/g, ' ');
	let answer = cache.get(key);
	if (!answer) {
		const decision = routeQuestion(q);
		const found = await searchPublic(db, { q, limit: SUGGEST_LIMIT });
		const results = found.hits.map((h) => ({
			kind: h.kind,
			title: h.title,
			url: h.url,
			snippet: snippetToText(h.snippet),
		}));
		answer = { route: decision.route, reason: decision.reason, results };
		// NOTE: answers from the stand-in engine are not cached, so recovery shows at once.
		if (!found.degraded) cache.set(key, answer);
	}
	if (visitor)
		logSearch(db, {
			visitor,
			query: q,
			route: answer.route,
			resultCount: answer.results.length,
			source: 'suggest',
		});
	return answer;
}

/**
 * Recent answers by normalised question. Typing produces the same prefixes over and over
 * ("how do i…"), so most suggestions are served from here. An answer lives CACHE_TTL_MS at most
 * and is dropped as soon as this process applies index changes (other instances: TTL only).
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 2_000;

class SuggestCache {
	#entries = new Map<string, { answer: SuggestResponse; at: number; version: number }>();

	get(key: string): SuggestResponse | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.version !== indexVersion() || Date.now() - entry.at > CACHE_TTL_MS) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry.answer;
	}

	set(key: string, answer: SuggestResponse): void {
		if (this.#entries.size >= CACHE_MAX)
			this.#entries.delete(this.#entries.keys().next().value ?? '');
		this.#entries.set(key, { answer, at: Date.now(), version: indexVersion() });
	}

	clear(): void {
		this.#entries.clear();
	}
}

const cache = new SuggestCache();

/** For tests: forget cached answers. */
export function clearSuggestCache(): void {
	cache.clear();
}
