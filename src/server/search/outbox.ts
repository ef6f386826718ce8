import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { SearchEngine, SearchRef } from './engine.ts';
import { SEARCH_KINDS, type SearchDocument, type SearchKind } from './search-document.ts';

/**
 * Draining the search outbox into an engine. Each engine has its own progress column:
 * `processed_at` for the built-in index (applied in the same transaction as the marking,
 * so exactly once), `external_processed_at` for Meilisearch (marked after its tasks succeed;
 * re-applying is harmless because upserts and removals are idempotent).
 */
export type OutboxColumn = 'processed_at' | 'external_processed_at';

export interface OutboxTarget {
	column: OutboxColumn;
	/** The engine to apply a batch to; the built-in one writes through the batch's transaction. */
	engineFor: (trx: Db) => SearchEngine;
}

export interface DrainResult {
	/** Outbox rows marked done. */
	processed: number;
	/** More rows may be waiting (a full batch was taken). */
	more: boolean;
	/** Another process holds the drain lock for this target. */
	busy: boolean;
}

export const DEFAULT_BATCH_SIZE = 200;
const MAX_ERROR_LENGTH = 500;

interface OutboxRow {
	id: string;
	kind: string;
	source_id: string;
	op: 'upsert' | 'delete';
	payload: unknown;
}

/**
 * Applies the oldest pending rows (up to `batchSize`) to the target's engine and marks them
 * done. Only the last row per document counts within a batch.
 *
 * With `transaction` (the built-in engine always; PostgreSQL for the external one) the batch
 * runs in one transaction under an advisory lock, so two processes never apply out of order.
 * Without it (the external engine on PGlite, which is one process, whose worker drains
 * sequentially) the single connection is not held while Meilisearch indexes.
 * @throws the engine's error after recording it on the batch's rows (attempts, last_error);
 *   the rows stay pending.
 */
export async function drainOutboxBatch(
	db: Db,
	target: OutboxTarget,
	options: { batchSize?: number; transaction?: boolean } = {},
): Promise<DrainResult> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	let ids: string[] = [];
	const drain = async (conn: Db, locked: boolean): Promise<DrainResult> => {
		if (locked) {
			const lock = await sql<{
				locked: boolean;
			}>`select pg_try_advisory_xact_lock(hashtext(${`search_outbox:${target.column}`})) as locked`.execute(
				conn,
			);
			if (!lock.rows[0]?.locked) return { processed: 0, more: false, busy: true };
		}
		const rows = (await conn
			.selectFrom('search_outbox')
			.select(['id', 'kind', 'source_id', 'op', 'payload'])
			.where(target.column, 'is', null)
			.orderBy('id')
			.limit(batchSize)
			.execute()) as OutboxRow[];
		if (rows.length === 0) return { processed: 0, more: false, busy: false };
		ids = rows.map((r) => String(r.id));
		const { upserts, removals } = collapse(rows);
		const engine = target.engineFor(conn);
		if (removals.length > 0) await engine.remove(removals);
		if (upserts.length > 0) await engine.upsert(upserts);
		await conn
			.updateTable('search_outbox')
			.set({ [target.column]: sql`now()` })
			.where('id', 'in', ids)
			.execute();
		return { processed: rows.length, more: rows.length === batchSize, busy: false };
	};
	try {
		return options.transaction === false
			? await drain(db, false)
			: await db.transaction().execute((trx) => drain(trx, true));
	} catch (error) {
		if (ids.length > 0) await recordFailure(db, ids, error);
		throw error;
	}
}

async function recordFailure(db: Db, ids: string[], error: unknown): Promise<void> {
	const message = (error instanceof Error ? error.message : String(error)).slice(
		0,
		MAX_ERROR_LENGTH,
	);
	try {
		await db
			.updateTable('search_outbox')
			.set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message }))
			.where('id', 'in', ids)
			.execute();
	} catch (recordError) {
		// The database itself may be what failed; the rows stay pending either way.
		console.warn('[search] could not record outbox failure:', (recordError as Error).message);
	}
}

/** Latest operation per document; malformed payloads are dropped (logged) rather than blocking the queue. */
function collapse(rows: readonly OutboxRow[]): {
	upserts: SearchDocument[];
	removals: SearchRef[];
} {
	const latest = new Map<string, OutboxRow>();
	for (const row of rows) latest.set(`${row.kind}\u0000${row.source_id}`, row);
	const upserts: SearchDocument[] = [];
	const removals: SearchRef[] = [];
	for (const row of latest.values()) {
		if (!SEARCH_KINDS.includes(row.kind as SearchKind)) {
			console.warn(`[search] outbox row ${row.id}: unknown kind ${row.kind}, skipped`);
			continue;
		}
		if (row.op === 'delete') {
			removals.push({ kind: row.kind as SearchKind, sourceId: row.source_id });
			continue;
		}
		const doc = parsePayload(row.payload);
		if (doc) upserts.push(doc);
		else console.warn(`[search] outbox row ${row.id}: malformed payload, skipped`);
	}
	return { upserts, removals };
}

function parsePayload(payload: unknown): SearchDocument | undefined {
	const value = (typeof payload === 'string' ? JSON.parse(payload) : payload) as Record<
		string,
		unknown
	> | null;
	if (!value || typeof value !== 'object') return undefined;
	const { kind, sourceId, title, body, url, section, sectionLabel, tags, updatedAt } = value;
	if (
		!SEARCH_KINDS.includes(kind as SearchKind) ||
		typeof sourceId !== 'string' ||
		typeof title !== 'string' ||
		typeof body !== 'string' ||
		typeof url !== 'string'
	) {
		return undefined;
	}
	const updated = new Date(typeof updatedAt === 'string' ? updatedAt : Date.now());
	return {
		kind: kind as SearchKind,
		sourceId,
		title,
		body,
		url,
		section: typeof section === 'string' ? section : undefined,
		sectionLabel: typeof sectionLabel === 'string' ? sectionLabel : undefined,
		tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : undefined,
		updatedAt: Number.isNaN(updated.getTime()) ? new Date() : updated,
	};
}

/** Rows still waiting for `column`. */
export async function countPending(db: Db, column: OutboxColumn): Promise<number> {
	const row = await db
		.selectFrom('search_outbox')
		.select(sql<number>`count(*)::int`.as('n'))
		.where(column, 'is', null)
		.executeTakeFirst();
	return row?.n ?? 0;
}

/**
 * Deletes rows done for a day by the built-in engine and, when an external engine is
 * configured, by it too.
 */
export async function pruneOutbox(db: Db, externalConfigured: boolean): Promise<number> {
	let query = db
		.deleteFrom('search_outbox')
		.where('processed_at', '<', sql<Date>`now() - interval '1 day'`);
	if (externalConfigured) query = query.where('external_processed_at', 'is not', null);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
