import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteDb, createPostgresDb, type Db } from '#server/db/client.ts';
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
	const admin = await createPostgresDb(url, { max: 1, connectTimeoutMs: 30_000 });
	await sql`create schema ${sql.id(schema)}`.execute(admin);
	await admin.destroy();
	const db = await createPostgresDb(url, { searchPath: `${schema},public`, max: 4, connectTimeoutMs: 30_000 });
	await migrateToLatest(db);
	return {
		db,
		kind: 'postgres',
		close: async () => {
			await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
			await db.destroy();
		},
	};
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** The back ends data-layer tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: { kind: TestDb['kind']; create: () => Promise<TestDb> }[] = [
	{ kind: 'pglite', create: createTestDb },
	...(testDatabaseUrl ? [{ kind: 'postgres' as const, create: () => createPostgresTestDb(testDatabaseUrl) }] : []),
];

/**
 * Defines the suite once per back end. `use()` inside tests returns that back end's database,
 * created before the suite's tests and closed after them.
 */
export function describeEachDb(name: string, suite: (use: () => Db, kind: TestDb['kind']) => void): void {
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
