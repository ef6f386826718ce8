import type { DbKind } from '#server/db/client.ts';
import type { Db } from '#server/db/schema.ts';
import type { SearchEngine } from './engine.ts';
import type { SearchDocument } from './search-document.ts';
import { externalEngine, reportExternalFailure, reportExternalSuccess } from './engines.ts';
import { syncManualDocuments } from './manual-sync.ts';
import { flushSearchEvents } from './search-events.ts';
import { bumpIndexVersion } from './index-version.ts';
import { drainOutboxBatch, pruneOutbox, type OutboxTarget } from './outbox.ts';
import { analyzeSearchTables, createPgEngine } from './pg-engine.ts';

export interface WorkerOptions {
	/** How often an idle loop looks for new rows. */
	pollMs?: number;
	/** Longest wait between retries after failures (backoff doubles from pollMs). */
	maxBackoffMs?: number;
	/** Hold a transaction while applying to the external engine (PostgreSQL: yes; PGlite: no). */
	externalInTransaction?: boolean;
}

export interface SearchWorker {
	/** Drain now instead of at the next poll. */
	kick(): void;
	/** Resolves when every target has nothing pending (or is failing). For tests and the CLI. */
	settled(): Promise<void>;
	stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60_000;
/** Refresh planner statistics after this many applied rows (see analyzeSearchTables). */
const ANALYZE_AFTER_ROWS = 200;
const ANALYZE_MIN_INTERVAL_MS = 60_000;

/**
 * Starts one drain loop per engine: the built-in index always, the external engine when
 * configured. A failing engine only delays its own loop (retried with backoff); its rows stay
 * in the outbox until it is back.
 */
export function startSearchWorker(
	db: Db,
	external: SearchEngine | null,
	options: WorkerOptions = {},
): SearchWorker {
	const pollMs = options.pollMs ?? 500;
	const maxBackoffMs = options.maxBackoffMs ?? 30_000;
	const targets: { target: OutboxTarget; transaction: boolean }[] = [
		{
			target: { column: 'processed_at', engineFor: (trx) => createPgEngine(trx) },
			transaction: true,
		},
		...(external
			? [
					{
						target: { column: 'external_processed_at' as const, engineFor: () => external },
						transaction: options.externalInTransaction ?? true,
					},
				]
			: []),
	];
	let stopped = false;
	const wakers = new Set<() => void>();
	// Completed drain cycles per loop (a cycle ends when nothing is pending or the engine failed).
	const cycles = targets.map(() => 0);
	let waiters: { after: number[]; resolve: () => void }[] = [];
	let lastPrune = Date.now();
	let appliedSinceAnalyze = 0;
	let lastAnalyze = 0;

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				wakers.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, ms);
			timer.unref();
			wakers.add(wake);
		});

	const cycleDone = (i: number) => {
		cycles[i] = (cycles[i] ?? 0) + 1;
		const ready = waiters.filter((w) => w.after.every((n, j) => (cycles[j] ?? 0) > n));
		waiters = waiters.filter((w) => !ready.includes(w));
		ready.forEach((w) => w.resolve());
	};

	async function loop(i: number, entry: (typeof targets)[number]): Promise<void> {
		let failures = 0;
		while (!stopped) {
			try {
				const result = await drainOutboxBatch(db, entry.target, { transaction: entry.transaction });
				if (entry.target.column === 'external_processed_at' && result.processed > 0)
					reportExternalSuccess();
				failures = 0;
				if (result.processed > 0) bumpIndexVersion();
				if (i === 0) appliedSinceAnalyze += result.processed;
				if (result.more) continue;
				if (
					i === 0 &&
					appliedSinceAnalyze >= ANALYZE_AFTER_ROWS &&
					Date.now() - lastAnalyze > ANALYZE_MIN_INTERVAL_MS
				) {
					appliedSinceAnalyze = 0;
					lastAnalyze = Date.now();
					await analyzeSearchTables(db);
				}
				cycleDone(i);
				if (i === 0 && Date.now() - lastPrune > PRUNE_EVERY_MS) {
					lastPrune = Date.now();
					await pruneOutbox(db, external !== null);
				}
				await sleep(pollMs);
			} catch (error) {
				if (stopped) break;
				failures += 1;
				if (entry.target.column === 'external_processed_at') reportExternalFailure(error);
				else if (failures === 1)
					console.warn('[search] outbox drain failed, will retry:', (error as Error).message);
				cycleDone(i);
				await sleep(Math.min(maxBackoffMs, pollMs * 2 ** Math.min(failures, 10)));
			}
		}
	}

	const running = targets.map((entry, i) => loop(i, entry));
	return {
		kick: () => [...wakers].forEach((wake) => wake()),
		settled: () =>
			new Promise<void>((resolve) => {
				// NOTE: +1 because a cycle already under way may have read the outbox before the call.
				waiters.push({ after: cycles.map((n) => n + 1), resolve });
				[...wakers].forEach((wake) => wake());
			}),
		async stop() {
			stopped = true;
			[...wakers].forEach((wake) => wake());
			await Promise.allSettled(running);
			waiters.splice(0).forEach((w) => w.resolve());
		},
	};
}

/**
 * The server's search service (started by the composition root, src/server/app.ts): syncs the
 * manual pages (`manuals()`, every one there is) into the outbox when their content changed,
 * then drains it into every engine. Returns its stop function, which also writes the buffered
 * search events.
 */
export async function startSearchService(
	db: Db,
	kind: DbKind,
	manuals: () => readonly SearchDocument[],
): Promise<() => Promise<void>> {
	try {
		await syncManualDocuments(db, manuals());
	} catch (error) {
		console.error('[search] could not sync manual pages into the index:', error);
	}
	const worker = startSearchWorker(db, externalEngine(), {
		externalInTransaction: kind === 'postgres',
	});
	return async () => {
		await worker.stop();
		await flushSearchEvents();
	};
}
