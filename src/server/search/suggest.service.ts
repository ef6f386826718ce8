import type { Db } from '#server/db/client.ts';
import { routeQuestion, type Route } from '#server/routing/router.ts';
import { logSearch } from './search-events.ts';
import { searchPublic } from './search.service.ts';
import type { SearchKind } from './search-document.ts';
import { snippetToText } from './text.ts';

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
	const decision = routeQuestion(q);
	const found = await searchPublic(db, { q, limit: SUGGEST_LIMIT });
	const results = found.hits.map((h) => ({ kind: h.kind, title: h.title, url: h.url, snippet: snippetToText(h.snippet) }));
	if (visitor) logSearch(db, { visitor, query: q, route: decision.route, resultCount: found.total, source: 'suggest' });
	return { route: decision.route, reason: decision.reason, results };
}
