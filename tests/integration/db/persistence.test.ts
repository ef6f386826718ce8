import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPgliteDb, createPostgresDb } from '#server/db/client.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { hitRateLimit } from '#server/rate-limit/rate-limit.ts';
import { createPostgresTestDb, testDatabaseUrl } from '../../helpers/db.ts';
import { makeUser } from '../../helpers/factories.ts';

describe('PGlite under DATA_DIR', () => {
	it('keeps data when the database is closed and opened again', { timeout: 180_000 }, async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pglite-'));
		try {
			const first = await createPgliteDb(path.join(dir, 'pglite'));
			await migrateToLatest(first);
			const user = await makeUser(first, { email: 'kept@example.test' });
			await first.destroy();

			const second = await createPgliteDb(path.join(dir, 'pglite'));
			expect(await migrateToLatest(second)).toEqual([]);
			const row = await second
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'kept@example.test')
				.executeTakeFirst();
			expect(row?.id).toBe(user.id);
			await second.destroy();
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses a second process on the same directory with a clear message', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lock-'));
		try {
			// A live process that is not us (our parent) holds the lock.
			fs.writeFileSync(path.join(dir, 'pglite.lock'), String(process.ppid));
			await expect(createPgliteDb(path.join(dir, 'pglite'))).rejects.toThrow(
				/in use by process \d+.*one server per DATA_DIR/,
			);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe.skipIf(!testDatabaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
	it('keeps data across a new connection pool, as after a restart', async () => {
		const test = await createPostgresTestDb(testDatabaseUrl!);
		try {
			const user = await makeUser(test.db, { email: 'pg-kept@example.test' });
			const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(test.db))
				.rows[0]!.s;
			const other = await createPostgresDb(testDatabaseUrl!, { searchPath: `${schema},public` });
			const row = await other
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'pg-kept@example.test')
				.executeTakeFirst();
			expect(row?.id).toBe(user.id);

			// Rate limits are shared: hits from two pools (two server instances) add up.
			await hitRateLimit(test.db, 'shared-key', { limit: 3, windowSeconds: 60 });
			await hitRateLimit(other, 'shared-key', { limit: 3, windowSeconds: 60 });
			const third = await hitRateLimit(test.db, 'shared-key', { limit: 3, windowSeconds: 60 });
			const fourth = await hitRateLimit(other, 'shared-key', { limit: 3, windowSeconds: 60 });
			expect([third.hits, third.allowed, fourth.hits, fourth.allowed]).toEqual([3, true, 4, false]);
			await other.destroy();
		} finally {
			await test.close();
		}
	});
});
