import { sql } from 'kysely';
import type { DbKind, OpenDb } from '#server/db/client.ts';

export interface Health {
	status: 'ok' | 'unavailable';
	database: DbKind | 'unreachable';
	search: string;
	reason?: string;
}

const TIMEOUT_MS = 5_000;

/**
 * Pings the database `database()` opens (bounded in time) and names the search engine in use.
 * Never throws: an unreachable database is an 'unavailable' answer with the reason.
 */
export async function checkHealth(
	database: () => Promise<OpenDb>,
	searchEngine: () => Promise<string> | string = () => 'postgres',
): Promise<Health> {
	try {
		// NOTE: opening may take a while (first PGlite start, migrations); an unreachable PostgreSQL
		// fails within the pool's connect timeout. Only the ping itself is bounded here.
		const { db, kind } = await database();
		await withTimeout(sql`select 1`.execute(db), TIMEOUT_MS);
		return { status: 'ok', database: kind, search: await searchEngine() };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {
			status: 'unavailable',
			database: 'unreachable',
			search: 'unknown',
			reason: `database: ${reason}`,
		};
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
