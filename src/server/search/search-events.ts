import type { Db } from '#server/db/schema.ts';
import type { Route } from '#server/triage/router.ts';

/**
 * Search analytics: what people ask (suggestions and the search page), which suggested
 * article they open, and whether they went on to start a ticket. Visitors are the hashed
 * `sid` cookie (see visitor.ts); nothing else identifies them.
 *
 * Search events are buffered and written in batches, so a suggestion never waits for an
 * insert; `flushSearchEvents` writes them now (tests, shutdown). A crash loses at most a second.
 */
export type SearchSource = 'suggest' | 'search_page';

/** Typing "curr", "curren", "currency" within this window is one search, not three. */
const REFINE_WINDOW_MS = 60_000;
const MAX_TRACKED_VISITORS = 10_000;

const lastSearch = new Map<string, { id: string; query: string; at: number }>();
const pending = new Set<Promise<unknown>>();

interface BufferedSearch {
	id: string;
	visitor: string;
	query: string;
	route: Route | null;
	result_count: number;
	source: SearchSource;
	created_at: Date;
}

/** Searches not yet written: flushed together (one insert) every FLUSH_MS. */
const buffer = new Map<string, BufferedSearch>();
const FLUSH_MS = 1_000;
let flushTimer: NodeJS.Timeout | undefined;
let bufferDb: Db | undefined;

function track(work: Promise<unknown>): void {
	const p = work.catch((error: unknown) =>
		console.warn('[search] could not record a search event:', (error as Error).message),
	);
	pending.add(p);
	void p.finally(() => pending.delete(p));
}

function writeBuffer(): void {
	flushTimer = undefined;
	const db = bufferDb;
	if (!db || buffer.size === 0) return;
	const rows = [...buffer.values()].map((r) => ({ ...r, type: 'search' as const }));
	buffer.clear();
	track(db.insertInto('search_events').values(rows).execute());
}

/** Writes buffered searches now and waits for every pending write (tests, shutdown). */
export async function flushSearchEvents(): Promise<void> {
	clearTimeout(flushTimer);
	writeBuffer();
	while (pending.size > 0) await Promise.all([...pending]);
}

function isRefinement(previous: string, next: string): boolean {
	const a = previous.toLowerCase();
	const b = next.toLowerCase();
	return a.startsWith(b) || b.startsWith(a);
}

/**
 * Records a search by `visitor`. A query that extends or trims the same visitor's previous
 * one (typing) updates that event instead of adding another. Events are buffered and written
 * in one insert a second (a suggestion request never waits for it). Returns the event id.
 */
export function logSearch(
	db: Db,
	input: {
		visitor: string;
		query: string;
		route: Route | null;
		resultCount: number;
		source: SearchSource;
	},
	at = Date.now(),
): string {
	const query = input.query.trim().slice(0, 500);
	const previous = lastSearch.get(input.visitor);
	if (previous && at - previous.at < REFINE_WINDOW_MS && isRefinement(previous.query, query)) {
		previous.query = query;
		previous.at = at;
		const buffered = buffer.get(previous.id);
		if (buffered)
			Object.assign(buffered, {
				query,
				route: input.route,
				result_count: input.resultCount,
				source: input.source,
			});
		else {
			track(
				db
					.updateTable('search_events')
					.set({ query, route: input.route, result_count: input.resultCount, source: input.source })
					.where('id', '=', previous.id)
					.execute(),
			);
		}
		return previous.id;
	}
	const id = crypto.randomUUID();
	if (lastSearch.size >= MAX_TRACKED_VISITORS)
		lastSearch.delete(lastSearch.keys().next().value ?? '');
	lastSearch.delete(input.visitor);
	lastSearch.set(input.visitor, { id, query, at });
	buffer.set(id, {
		id,
		visitor: input.visitor,
		query,
		route: input.route,
		result_count: input.resultCount,
		source: input.source,
		created_at: new Date(at),
	});
	bufferDb = db;
	if (buffer.size >= 500) writeBuffer();
	else if (!flushTimer) {
		flushTimer = setTimeout(writeBuffer, FLUSH_MS);
		flushTimer.unref();
	}
	return id;
}

/** Records that `visitor` opened `url` from search results or suggestions. */
export async function recordSearchClick(
	db: Db,
	input: { visitor: string; url: string; query?: string | undefined },
): Promise<void> {
	await db
		.insertInto('search_events')
		.values({
			visitor: input.visitor,
			type: 'click',
			url: input.url.slice(0, 500),
			query: input.query?.slice(0, 500) ?? null,
		})
		.execute();
}

/** How long after opening a suggested article a started ticket still counts against deflection. */
export const DEFLECTION_WINDOW_HOURS = 24;

/**
 * Records that `visitor` opened the new-ticket form, when they searched in the last
 * DEFLECTION_WINDOW_HOURS (other visitors are of no interest to the dashboard).
 */
export async function recordTicketStarted(
	db: Db,
	visitor: string,
	at: Date = new Date(),
): Promise<boolean> {
	const since = new Date(at.getTime() - DEFLECTION_WINDOW_HOURS * 3_600_000);
	const searched = await db
		.selectFrom('search_events')
		.select('id')
		.where('visitor', '=', visitor)
		.where('type', '=', 'search')
		.where('created_at', '>=', since)
		.limit(1)
		.executeTakeFirst();
	if (!searched) return false;
	await db
		.insertInto('search_events')
		.values({ visitor, type: 'ticket_started', created_at: at })
		.execute();
	return true;
}

/** For tests: forget the typing-refinement memory. */
export function resetSearchEventMemory(): void {
	lastSearch.clear();
	buffer.clear();
}
