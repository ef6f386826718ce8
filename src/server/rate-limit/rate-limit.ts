import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import { TooManyRequestsError } from '#server/errors.ts';

export interface Limit {
	/** Hits allowed per window. */
	limit: number;
	windowSeconds: number;
}

export interface LimitState {
	hits: number;
	allowed: boolean;
	/** Seconds until the window resets. */
	retryAfter: number;
}

// NOTE: fixed windows kept in the database, so every server instance counts the same hits.
// One atomic upsert per hit: no read-modify-write race between instances.
export async function hitRateLimit(
	db: Db,
	key: string,
	{ limit, windowSeconds }: Limit,
): Promise<LimitState> {
	const row = await sql<{ hits: number; window_start: Date; now: Date }>`
		insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
		on conflict (key) do update set
			hits = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
				then 1 else rate_limits.hits + 1 end,
			window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
				then now() else rate_limits.window_start end
		returning hits, window_start, now() as now`.execute(db);
	return toState(row.rows[0]!, limit, windowSeconds, 0);
}

/** The current state without counting a hit. */
export async function peekRateLimit(
	db: Db,
	key: string,
	{ limit, windowSeconds }: Limit,
): Promise<LimitState> {
	const row = await sql<{ hits: number; window_start: Date; now: Date }>`
		select hits, window_start, now() as now from rate_limits
		where key = ${key} and window_start > now() - make_interval(secs => ${windowSeconds})`.execute(db);
	const found = row.rows[0];
	return found
		? toState(found, limit, windowSeconds, 1)
		: { hits: 0, allowed: true, retryAfter: 0 };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/**
 * Counts a hit and throws when it goes over the limit.
 * @throws TooManyRequestsError with `retryAfter` seconds and `message`.
 */
export async function consumeRateLimit(
	db: Db,
	key: string,
	limit: Limit,
	message: string,
): Promise<void> {
	const state = await hitRateLimit(db, key, limit);
	if (!state.allowed)
		throw new TooManyRequestsError(withWait(message, state.retryAfter), state.retryAfter);
}

/** "Try again in 3 minutes." appended to a message. */
export function withWait(message: string, seconds: number): string {
	const wait =
		seconds < 90
			? `${Math.max(1, Math.ceil(seconds))} seconds`
			: `${Math.ceil(seconds / 60)} minutes`;
	return `${message} Try again in ${wait}.`;
}

function toState(
	row: { hits: number; window_start: Date; now: Date },
	limit: number,
	windowSeconds: number,
	/** 1 when asking whether one more hit would pass (peek), 0 when the hit is counted already. */
	pending: 0 | 1,
): LimitState {
	const hits = Number(row.hits);
	const elapsed = (new Date(row.now).getTime() - new Date(row.window_start).getTime()) / 1000;
	return {
		hits,
		allowed: hits + pending <= limit,
		retryAfter: Math.max(1, Math.ceil(windowSeconds - elapsed)),
	};
}
