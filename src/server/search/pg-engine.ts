import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import {
	clampLimit,
	clampOffset,
	type SearchEngine,
	type SearchRef,
	type SearchResult,
} from './engine.ts';
import { pgSearch } from './pg-query.ts';
import type { SearchDocument } from './search-document.ts';
import { markdownToText } from '#server/markdown/text.ts';
import { withoutMarks } from './text.ts';
import { vocabularyOf } from './query-terms.ts';
import { TypoFixCache } from './typo-cache.ts';

/** Bodies longer than this are indexed and snippeted by their start only (tsvector limit, speed). */
const MAX_BODY_CHARS = 60_000;
/** How much of the body the small ranking vector holds (manual descriptions, first post). */
const RANK_BODY_CHARS = 400;
const UPSERT_CHUNK = 100;

/**
 * The built-in engine: PostgreSQL full-text search in table `search_documents` (PGlite and
 * PostgreSQL alike). The 'russian' configuration stems Russian words and, through
 * english_stem, English ones; 'simple' lexemes let prefixes of unstemmed words match while
 * typing. `search_terms` holds the indexed words for typo tolerance (pg_trgm). How queries
 * are matched and ranked: see pg-query.ts.
 */
export function createPgEngine(db: Db, typoFixes = new TypoFixCache()): SearchEngine {
	return {
		name: 'postgres',
		async upsert(docs) {
			for (let i = 0; i < docs.length; i += UPSERT_CHUNK)
				await upsertChunk(db, docs.slice(i, i + UPSERT_CHUNK));
		},
		remove: (refs) => removeDocuments(db, refs),
		async search(query): Promise<SearchResult> {
			return pgSearch(
				db,
				{ ...query, limit: clampLimit(query.limit), offset: clampOffset(query.offset) },
				typoFixes,
			);
		},
		async clear() {
			await db.deleteFrom('search_documents').execute();
			await db.deleteFrom('search_terms').execute();
			typoFixes.clear();
		},
		async healthy() {
			try {
				await sql`select 1`.execute(db);
				return true;
			} catch {
				return false;
			}
		},
	};
}

async function upsertChunk(db: Db, docs: readonly SearchDocument[]): Promise<void> {
	if (docs.length === 0) return;
	// The last version wins when a chunk holds one document twice.
	const unique = [...new Map(docs.map((d) => [`${d.kind}\u0000${d.sourceId}`, d])).values()];
	const words = new Set<string>();
	const rows = unique.map((doc) => {
		const body = markdownToText(withoutMarks(doc.body)).slice(0, MAX_BODY_CHARS);
		const title = doc.title.replace(/[\uE000\uE001]/g, '');
		const tags = (doc.tags ?? []).join(' ');
		const label = doc.sectionLabel ?? '';
		for (const w of vocabularyOf(`${title} ${tags} ${body}`)) words.add(w);
		const head = sql<string>`setweight(to_tsvector('russian', ${title}), 'A') || setweight(to_tsvector('simple', ${title}), 'A')
			|| setweight(to_tsvector('russian', ${tags}), 'B') || setweight(to_tsvector('russian', ${label}), 'C')`;
		return {
			kind: doc.kind,
			source_id: doc.sourceId,
			title,
			body,
			url: doc.url,
			section: doc.section ?? null,
			section_label: doc.sectionLabel ?? null,
			tags,
			updated_at: doc.updatedAt,
			tsv: sql<string>`${head} || setweight(to_tsvector('russian', ${body}), 'D') || setweight(to_tsvector('simple', ${body}), 'D')`,
			rank_tsv: sql<string>`${head} || setweight(to_tsvector('russian', ${body.slice(0, RANK_BODY_CHARS)}), 'D')`,
		};
	});
	await db
		.insertInto('search_documents')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['kind', 'source_id']).doUpdateSet((eb) => ({
				title: eb.ref('excluded.title'),
				body: eb.ref('excluded.body'),
				url: eb.ref('excluded.url'),
				section: eb.ref('excluded.section'),
				section_label: eb.ref('excluded.section_label'),
				tags: eb.ref('excluded.tags'),
				updated_at: eb.ref('excluded.updated_at'),
				indexed_at: sql`now()`,
				tsv: eb.ref('excluded.tsv'),
				rank_tsv: eb.ref('excluded.rank_tsv'),
			})),
		)
		.execute();
	if (words.size > 0) {
		await sql`insert into search_terms (word) select unnest(${[...words]}::text[]) on conflict do nothing`.execute(
			db,
		);
	}
}

async function removeDocuments(db: Db, refs: readonly SearchRef[]): Promise<void> {
	for (const ref of refs) {
		await db
			.deleteFrom('search_documents')
			.where('kind', '=', ref.kind)
			.where('source_id', '=', ref.sourceId)
			.execute();
	}
}

/**
 * Refreshes the planner's statistics of the index tables. PostgreSQL's autovacuum does this
 * by itself; PGlite has no autovacuum, and without statistics the planner scans every topic
 * instead of using the full-text indexes. Run after bulk loads and now and then by the worker.
 */
export async function analyzeSearchTables(db: Db): Promise<void> {
	await sql`analyze search_documents`.execute(db);
	await sql`analyze search_terms`.execute(db);
}
