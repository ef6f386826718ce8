import { getDb } from '#server/db/client.ts';
import { ensureSampleHints } from '#server/hints/sample-hints.ts';
import { ensureSearchWorker } from '#server/search/outbox-worker.ts';

let started: Promise<void> | undefined;

/**
 * Once per process, on the first request (the launcher's warm-up request): sample content on a
 * fresh database and the search outbox worker. Failures are logged and retried on a later request.
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
