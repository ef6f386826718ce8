import { getDb } from '#server/db/client.ts';
import { ensureSampleHints } from '#server/hints/sample-hints.ts';
import { ensureSearchWorker } from '#server/search/outbox-worker.ts';

let started: Promise<void> | undefined;

/**
 * Once per process that serves the portal, when its database is open (db/client.ts, after
 * `startServing()`): sample content on a fresh database and the search outbox worker. Failures
 * are logged and retried on a later `getDb()`.
 */
export function ensureStarted(): Promise<void> {
	started ??= (async () => {
		void ensureSearchWorker();
		await ensureSampleHints(await getDb());
	})().catch((error: unknown) => {
		started = undefined;
		console.error('[startup] could not prepare the portal yet:', error instanceof Error ? error.message : error);
	});
	return started;
}
