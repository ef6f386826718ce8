import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type OpenDb } from '#server/db/client.ts';
import { resetConfig } from '#server/config.ts';
import { checkHealth } from '#server/health.ts';
import { testDatabaseUrl, withSchemaLock } from '../../helpers/db.ts';

const saved = { ...process.env };
/** The database the configuration names, as the server opens it; closed by closeDb(). */
let opened: Promise<OpenDb> | undefined;
const database = () => (opened ??= openDb());
async function closeDb(): Promise<void> {
	const pending = opened;
	opened = undefined;
	await (await pending?.catch(() => undefined))?.db.destroy();
}
afterEach(async () => {
	await closeDb();
	process.env = { ...saved };
	resetConfig();
});

describe('health', () => {
	it('reports the embedded database when DATABASE_URL is unset', { timeout: 180_000 }, async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-health-'));
		delete process.env.DATABASE_URL;
		process.env.DATA_DIR = dir;
		resetConfig();
		expect(await checkHealth(database)).toEqual({
			status: 'ok',
			database: 'pglite',
			search: 'postgres',
		});
		await closeDb();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('reports 503-worthy unavailability with a reason when PostgreSQL cannot be reached', async () => {
		process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nothing';
		resetConfig();
		const health = await checkHealth(database);
		expect(health.status).toBe('unavailable');
		expect(health.reason).toMatch(/^database: /);
	});

	it.skipIf(!testDatabaseUrl)('reports postgres when DATABASE_URL is set', async () => {
		const schema = `t_health_${Date.now().toString(36)}`;
		// The health check migrates the new schema: under the test-schema lock (see withSchemaLock).
		await withSchemaLock(testDatabaseUrl!, async (admin) => {
			await sql`create schema ${sql.id(schema)}`.execute(admin);
			try {
				const url = new URL(testDatabaseUrl!);
				url.searchParams.set('options', `-c search_path=${schema},public`);
				process.env.DATABASE_URL = url.href;
				resetConfig();
				expect(await checkHealth(database)).toMatchObject({ status: 'ok', database: 'postgres' });
			} finally {
				await closeDb();
				await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
			}
		});
	});
});
