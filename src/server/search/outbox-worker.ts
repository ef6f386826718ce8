import { getDb, getDbKind, type Db } from '#server/db/client.ts';
import { onShutdown } from '#server/lifecycle.ts';
import type { SearchEngine } from './engine.ts';
import { externalEngine, reportExternalFailure, reportExternalSuccess } from './engines.ts';
import { releaseScheduledHints } from '#server/hints/hints-search.ts';
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
	/** Queue scheduled hints once their publish time has come (the server's worker does). */
	releaseHints?: boolean;
}

export interface SearchWorker {
	/** Drain now instead of at the next poll. */
	kick(): void;
	/** Resolves when every target has nothing pending (or is failing). For tests and the CLI. */
	settled(): Promise<void>;
	stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60_000;
/** How often scheduled hints whose time has come are queued (the hints pages do it too). */
const RELEASE_HINTS_EVERY_MS = 60_000;
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
	let lastRelease = 0;
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
				if (i === 0 && options.releaseHints && Date.now() - lastRelease > RELEASE_HINTS_EVERY_MS) {
					lastRelease = Date.now();
					if ((await releaseScheduledHints(db)) > 0) continue;
				}
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

// NOTE: on globalThis so a second copy of this module (CLI + bundle) cannot start a second worker.
const KEY = Symbol.for('ot-portal.search-worker');
const holder = globalThis as Record<symbol, Promise<SearchWorker | undefined> | undefined>;

/**
 * Starts the process's search worker once (first request): syncs the manual pages into the
 * outbox when their content changed, then drains it. Stopped on shutdown. Set
 * SEARCH_WORKER=off to run without it (tests, one-off scripts).
 */
export function ensureSearchWorker(): Promise<SearchWorker | undefined> {
	if (process.env.SEARCH_WORKER === 'off') return Promise.resolve(undefined);
	holder[KEY] ??= (async () => {
		const db = await getDb();
		const kind = await getDbKind();
		try {
			await syncManualDocuments(db);
		} catch (error) {
			console.error('[search] could not sync manual pages into the index:', error);
		}
		const worker = startSearchWorker(db, externalEngine(), {
			externalInTransaction: kind === 'postgres',
			releaseHints: true,
		});
		onShutdown(() => worker.stop());
		onShutdown(() => flushSearchEvents());
		return worker;
	})().catch((error: unknown) => {
		holder[KEY] = undefined;
		console.error('[search] worker did not start:', error);
		return undefined;
	});
	return holder[KEY];
}
