import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { config } from '#server/config.ts';
import { cancelStart, onShutdown, startWhenServing } from '#server/lifecycle.ts';
import { acquireDirLock } from './dir-lock.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';

interface Connection {
	db: Db;
	kind: DbKind;
}

let connecting: Promise<Connection> | undefined;

/**
 * The process-wide database, created once and migrated to the latest schema before first use.
 * PostgreSQL when `DATABASE_URL` is set, otherwise PGlite under `$DATA_DIR/pglite`.
 * In a process that serves the portal, the first successful call also starts the server's
 * start-up tasks (see `startServing()` in lifecycle.ts); scripts and tests start nothing.
 */
export async function getDb(): Promise<Db> {
	const { db } = await connect();
	// NOTE: every request calls getDb(): once the tasks have started this is one check.
	if (!serverTasks) startWhenServing(startServerTasks);
	return db;
}

let serverTasks: Promise<void> | undefined;

/** Sample content and the search worker (src/server/startup.ts), once; again after a failure. */
function startServerTasks(): void {
	// NOTE: imported on demand: startup.ts itself needs getDb(), and scripts never load it.
	serverTasks ??= import('#server/startup.ts')
		.then(({ ensureStarted }) => ensureStarted())
		.then((started) => {
			if (!started) serverTasks = undefined;
		})
		.catch((error: unknown) => {
			serverTasks = undefined;
			console.error('[startup] could not load the start-up tasks:', error);
		});
}

export async function getDbKind(): Promise<DbKind> {
	return (await connect()).kind;
}

function connect(): Promise<Connection> {
	connecting ??= open().catch((error: unknown) => {
		// NOTE: let the next request try again (PostgreSQL may simply not be up yet).
		connecting = undefined;
		throw error;
	});
	return connecting;
}

async function open(): Promise<Connection> {
	const { databaseUrl, dataDir } = config();
	const connection: Connection = databaseUrl
		? { db: await createPostgresDb(databaseUrl), kind: 'postgres' }
		: { db: await createPgliteDb(path.join(dataDir, 'pglite')), kind: 'pglite' };
	onShutdown(() => connection.db.destroy());
	await migrateToLatest(connection.db);
	return connection;
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

/** Closes the process-wide database (CLI scripts and graceful shutdown). */
export async function closeDb(): Promise<void> {
	cancelStart(startServerTasks);
	const pending = connecting;
	connecting = undefined;
	if (pending) await (await pending.catch(() => undefined))?.db.destroy();
}
