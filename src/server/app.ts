/**
 * The composition root: the one place that opens the server's database and starts the server's
 * work. Pages, endpoints and actions take the database from `getDb()` here; nothing below
 * src/server imports this module, and nothing else starts anything.
 *
 * When the process serves the portal (src/cli/serve.ts, `astro dev`: see lifecycle.ts), the
 * first `getDb()` starts every entry of SERVICES in order and registers each stop function with
 * the shutdown registry. Everywhere else (scripts, tests, the build) opening the database starts
 * nothing; scripts open their own with `openDb()` from db/client.ts.
 */
import { startAttachmentCleanup } from '#server/attachments/cleanup.ts';
import { openDb, type DbKind, type OpenDb } from '#server/db/client.ts';
import type { Db } from '#server/db/schema.ts';
import { listTopicSearchDocuments } from '#server/forum/forum-search.ts';
import { listHintSearchDocuments, startHintRelease } from '#server/hints/hints-search.ts';
import { ensureSampleHints } from '#server/hints/sample-hints.ts';
import { isServing, onShutdown } from '#server/lifecycle.ts';
import { listManualSearchDocuments } from '#server/manuals/manual-search.ts';
import { startSearchService } from '#server/search/outbox-worker.ts';
import type { SearchSource } from '#server/search/reindex.ts';

/** How to stop a service; registered with the shutdown registry. */
export type Stop = () => Promise<void> | void;

/**
 * Work the server starts once its database is open. `start` resolves when the work runs (the
 * first request waits for it); long-running work returns its stop function. A start that throws
 * is logged and tried again on a later `getDb()`, with the services after it.
 */
export interface Service {
	name: string;
	start: (db: Db, kind: DbKind) => Promise<Stop | void> | Stop | void;
}

/**
 * What the server starts, in this order. Adding long-running work is one line here, e.g.
 * `{ name: 'chat listener', start: startEventsBus }` (src/server/events/, PostgreSQL LISTEN) or
 * `{ name: 'mail reminders', start: startMailReminders }`, with `start(db) → stop`.
 */
const SERVICES: readonly Service[] = [
	{ name: 'sample content', start: async (db) => void (await ensureSampleHints(db)) },
	{
		name: 'search worker',
		start: (db, kind) => startSearchService(db, kind, listManualSearchDocuments),
	},
	{ name: 'scheduled hints', start: startHintRelease },
	{ name: 'attachment cleanup', start: (db) => startAttachmentCleanup(db) },
];

/**
 * Every source of public search documents, for `npm run search:reindex`. Adding one is one line:
 * the domain exports `list…SearchDocuments(db)` returning only what the public may see.
 */
export const SEARCH_SOURCES: readonly SearchSource[] = [
	{ kind: 'manual', label: 'manual pages', list: () => listManualSearchDocuments() },
	{ kind: 'hint', label: 'published hints', list: listHintSearchDocuments },
	{ kind: 'topic', label: 'forum topics', list: listTopicSearchDocuments },
];

let opening: Promise<OpenDb> | undefined;
let starting: Promise<void> | undefined;
/** How many SERVICES have started (a failed one is retried from there). */
let started = 0;

/**
 * The server's database, opened and migrated once (again after a failure: PostgreSQL may simply
 * not be up yet). In a process that serves, the first call also starts SERVICES.
 */
export async function getDb(): Promise<Db> {
	return (await getOpenDb()).db;
}

/** `getDb()` with the database's kind (the health check names it). */
export async function getOpenDb(): Promise<OpenDb> {
	const opened = await open();
	// NOTE: every request calls getDb(): once everything has started this is one comparison.
	if (started < SERVICES.length && isServing()) {
		starting ??= startServices(opened.db, opened.kind).finally(() => (starting = undefined));
		await starting;
	}
	return opened;
}

function open(): Promise<OpenDb> {
	opening ??= openDb().then(
		(opened) => {
			onShutdown(() => opened.db.destroy());
			return opened;
		},
		(error: unknown) => {
			opening = undefined;
			throw error;
		},
	);
	return opening;
}

/** Starts the services not yet started, in order; stops at one that fails (logged). */
async function startServices(db: Db, kind: DbKind): Promise<void> {
	for (; started < SERVICES.length; started++) {
		const service = SERVICES[started]!;
		try {
			const stop = await service.start(db, kind);
			if (stop) onShutdown(stop);
		} catch (error) {
			console.error(
				`[startup] could not start ${service.name} yet:`,
				error instanceof Error ? error.message : error,
			);
			return;
		}
	}
}
