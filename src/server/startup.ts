import { getDb } from '#server/db/client.ts';
import { ensureSampleHints } from '#server/hints/sample-hints.ts';
import { ensureSearchWorker } from '#server/search/outbox-worker.ts';

/**
 * Once per process that serves the portal, when its database is open (db/client.ts, after
 * `startServing()`): sample content on a fresh database and the search outbox worker. Resolves
 * false after a failure (logged), which db/client.ts retries on a later `getDb()`.
 */
export async function ensureStarted(): Promise<boolean> {
	try {
		void ensureSearchWorker();
		await ensureSampleHints(await getDb());
		return true;
	} catch (error) {
		console.error(
			'[startup] could not prepare the portal yet:',
			error instanceof Error ? error.message : error,
		);
		return false;
	}
}
