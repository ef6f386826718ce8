import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { SearchEngine } from './engine.ts';
import { markManualsIndexed } from './manual-sync.ts';
import { analyzeSearchTables, createPgEngine } from './pg-engine.ts';
import type { SearchDocument, SearchKind } from './search-document.ts';

/**
 * Where public search documents come from. Search knows no feature: the composition root
 * (src/server/app.ts) lists the sources, each a domain's `list…SearchDocuments(db)`.
 */
export interface SearchSource {
	kind: SearchKind;
	/** Shown on the progress bar. */
	label: string;
	list: (db: Db) => Promise<SearchDocument[]> | SearchDocument[];
}

export interface ReindexProgress {
	/** What is being done: reading a source, or writing to an engine. */
	step: string;
	done: number;
	total: number;
}

export interface ReindexResult {
	documents: number;
	engines: string[];
}

const CHUNK = 100;

/**
 * Rebuilds the built-in index (in one transaction, so searches never see it half-empty)
 * and, when given, the external engine, from every source. Outbox rows written before the
 * rebuild started are marked done; later ones are applied by the worker as usual.
 */
export async function reindexAll(
	db: Db,
	options: {
		sources: readonly SearchSource[];
		external?: SearchEngine | null;
		onProgress?: (p: ReindexProgress) => void;
	},
): Promise<ReindexResult> {
	const report = options.onProgress ?? (() => {});
	const { sources } = options;
	const snapshot = await db
		.selectFrom('search_outbox')
		.select(sql<string | null>`max(id)`.as('max'))
		.executeTakeFirst();
	const maxId = snapshot?.max ?? null;

	const docs: SearchDocument[] = [];
	for (const [i, source] of sources.entries()) {
		report({ step: `reading ${source.label}`, done: i, total: sources.length });
		docs.push(...(await source.list(db)));
	}
	report({ step: 'reading sources', done: sources.length, total: sources.length });

	await db.transaction().execute(async (trx) => {
		const engine = createPgEngine(trx);
		await engine.clear();
		await upsertInChunks(engine, docs, (done) =>
			report({ step: 'postgres', done, total: docs.length }),
		);
		if (maxId !== null) {
			await trx
				.updateTable('search_outbox')
				.set({ processed_at: sql`now()` })
				.where('processed_at', 'is', null)
				.where('id', '<=', maxId)
				.execute();
		}
	});
	await analyzeSearchTables(db);
	const engines = ['postgres'];

	const external = options.external;
	if (external) {
		await external.clear();
		await upsertInChunks(external, docs, (done) =>
			report({ step: external.name, done, total: docs.length }),
		);
		if (maxId !== null) {
			await db
				.updateTable('search_outbox')
				.set({ external_processed_at: sql`now()` })
				.where('external_processed_at', 'is', null)
				.where('id', '<=', maxId)
				.execute();
		}
		engines.push(external.name);
	}
	await markManualsIndexed(
		db,
		docs.filter((d) => d.kind === 'manual'),
	);
	return { documents: docs.length, engines };
}

async function upsertInChunks(
	engine: SearchEngine,
	docs: readonly SearchDocument[],
	progress: (done: number) => void,
): Promise<void> {
	progress(0);
	for (let i = 0; i < docs.length; i += CHUNK) {
		await engine.upsert(docs.slice(i, i + CHUNK));
		progress(Math.min(i + CHUNK, docs.length));
	}
}
