import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDb } from '#server/db/client.ts';
import type { Db } from '#server/db/schema.ts';
import { isDatabaseUnavailable } from '#server/http/portal-error.ts';
import { testDatabaseUrl } from '../../helpers/db.ts';

// A PostgreSQL restart drops connections that requests hold between two queries (inside a
// transaction). pg emits 'error' on such a client; without a listener that is an uncaught
// exception and the server process dies (seen in the pg-restart fault script).
const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);
const opened: Db[] = [];

afterEach(async () => {
	process.off('uncaughtException', record);
	await Promise.all(opened.splice(0).map((db) => db.destroy().catch(() => undefined)));
});

describe.skipIf(!testDatabaseUrl)('PostgreSQL connection loss', () => {
	it('fails the transaction that held the connection and keeps the process alive', async () => {
		process.on('uncaughtException', record);
		const db = await createPostgresDb(testDatabaseUrl!, { max: 2 });
		const admin = await createPostgresDb(testDatabaseUrl!, { max: 1 });
		opened.push(db, admin);

		const transaction = db.transaction().execute(async (trx) => {
			const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
			// The "restart": the server ends this connection while the transaction waits between queries.
			await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin);
			await new Promise((resolve) => setTimeout(resolve, 300));
			await sql`select 1`.execute(trx);
		});
		const error = await transaction.then(
			() => undefined,
			(e: unknown) => e,
		);
		// The request that held it answers 503 with Retry-After, like any other outage.
		expect(isDatabaseUnavailable(error), String(error)).toBe(true);
		expect(uncaught).toEqual([]);

		// The pool replaces the lost connection.
		const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
		expect(rows[0]?.one).toBe(1);
	});
});
