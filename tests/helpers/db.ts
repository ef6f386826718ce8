import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteDb, createPostgresDb } from '#server/db/client.ts';
import type { Db } from '#server/db/schema.ts';
import { migrateToLatest } from '#server/db/migrate.ts';

export interface TestDb {
	db: Db;
	kind: 'pglite' | 'postgres';
	close: () => Promise<void>;
}

/** A freshly migrated in-memory PGlite. */
export async function createTestDb(): Promise<TestDb> {
	const db = await createPgliteDb(undefined);
	await migrateToLatest(db);
	return { db, kind: 'pglite', close: () => db.destroy() };
}

/** A freshly migrated schema of its own on `TEST_DATABASE_URL`, dropped by `close()`. */
export async function createPostgresTestDb(url: string): Promise<TestDb> {
	const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const db = await withSchemaLock(url, async (admin) => {
		await sql`create schema ${sql.id(schema)}`.execute(admin);
		const created = await createPostgresDb(url, {
			searchPath: `${schema},public`,
			max: 4,
			connectTimeoutMs: 30_000,
		});
		await migrateToLatest(created);
		return created;
	});
	return {
		db,
		kind: 'postgres',
		close: async () => {
			await db.destroy();
			await withSchemaLock(url, (admin) =>
				sql`drop schema ${sql.id(schema)} cascade`.execute(admin),
			);
		},
	};
}

/**
 * Runs `fn` while no other test process creates, migrates or drops a test schema.
 * NOTE: Kysely's migrator lists the tables of every schema in the database (calling
 * pg_get_serial_sequence on each); a schema dropped by another test process mid-listing fails it
 * with "schema … does not exist". Parallel test files share one database, so they take turns.
 */
export async function withSchemaLock<T>(url: string, fn: (admin: Db) => Promise<T>): Promise<T> {
	const admin = await createPostgresDb(url, { max: 1, connectTimeoutMs: 30_000 });
	try {
		// One connection (max 1): the session lock and its unlock run on the same session.
		await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(admin);
		try {
			return await fn(admin);
		} finally {
			await sql`select pg_advisory_unlock(${SCHEMA_LOCK})`.execute(admin);
		}
	} finally {
		await admin.destroy();
	}
}

/** An arbitrary advisory-lock key for test schemas (not Kysely's own migration lock). */
const SCHEMA_LOCK = 7_311_002;

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** The back ends data-layer tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: { kind: TestDb['kind']; create: () => Promise<TestDb> }[] = [
	{ kind: 'pglite', create: createTestDb },
	...(testDatabaseUrl
		? [{ kind: 'postgres' as const, create: () => createPostgresTestDb(testDatabaseUrl) }]
		: []),
];

/**
 * Defines the suite once per back end. `use()` inside tests returns that back end's database,
 * created before the suite's tests and closed after them.
 */
export function describeEachDb(
	name: string,
	suite: (use: () => Db, kind: TestDb['kind']) => void,
): void {
	for (const backend of BACKENDS) {
		describe(`${name} [${backend.kind}]`, () => {
			let current: TestDb | undefined;
			beforeAll(async () => {
				current = await backend.create();
			});
			afterAll(async () => {
				await current?.close();
			});
			suite(() => {
				if (!current) throw new Error('database not ready');
				return current.db;
			}, backend.kind);
		});
	}
}
