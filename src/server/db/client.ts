import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { config } from '#server/config.ts';
import { acquireDirLock } from './dir-lock.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database, Db } from './schema.ts';

export type DbKind = 'pglite' | 'postgres';

export interface OpenDb {
	db: Db;
	kind: DbKind;
}

/**
 * Opens the database the configuration names and migrates it to the latest schema: PostgreSQL
 * when `DATABASE_URL` is set, otherwise PGlite under `$DATA_DIR/pglite`. Knows no feature and
 * starts nothing; the caller closes it with `db.destroy()`. The server's one database is opened
 * by the composition root (src/server/app.ts); scripts open their own.
 */
export async function openDb(): Promise<OpenDb> {
	const { databaseUrl, dataDir } = config();
	const opened: OpenDb = databaseUrl
		? { db: await createPostgresDb(databaseUrl), kind: 'postgres' }
		: { db: await createPgliteDb(path.join(dataDir, 'pglite')), kind: 'pglite' };
	try {
		await migrateToLatest(opened.db);
	} catch (error) {
		await opened.db.destroy();
		throw error;
	}
	return opened;
}

/** A pg pool; `searchPath` lets tests give each run its own schema. */
export async function createPostgresDb(
	connectionString: string,
	options: { searchPath?: string; max?: number; connectTimeoutMs?: number } = {},
): Promise<Db> {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({
		connectionString,
		max: options.max ?? 10,
		connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
		idleTimeoutMillis: 30_000,
		...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
	});
	// NOTE: an idle client losing its connection (database restart) must not crash the process.
	pool.on('error', (error) => console.error('[db] idle client error:', error.message));
	// Nor may a client checked out between two queries (inside a transaction): pg-pool listens only
	// while clients are idle. The query that needed it fails on its own ("not queryable"), which the
	// request answers with 503, and the pool drops the client when it is released.
	pool.on('connect', (client) => client.on('error', () => undefined));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** PGlite in `dir`, or in memory when `dir` is undefined (tests). */
export async function createPgliteDb(dir: string | undefined): Promise<Db> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	if (dir) {
		fs.mkdirSync(dir, { recursive: true });
		acquireDirLock(dir);
	}
	const pglite = await PGlite.create(dir, { extensions: { pg_trgm, unaccent } });
	return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
}
