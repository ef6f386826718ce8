import { sql } from 'kysely';
import type { Db } from '#server/db/client.ts';
import { clampLimit, clampOffset, type SearchEngine, type SearchHit, type SearchQuery, type SearchRef, type SearchResult } from './engine.ts';
import type { SearchDocument, SearchKind } from './search-document.ts';
import { escapeHtml, MARK_CLOSE, MARK_OPEN, markedTextToHtml, plainText } from './text.ts';
import { parseQueryWords, toTsGroups, vocabularyOf, type QueryWord, type TsGroup } from './query-terms.ts';
import { TypoFixCache } from './typo-cache.ts';

/** Bodies longer than this are indexed and snippeted by their start only (tsvector limit, speed). */
const MAX_BODY_CHARS = 60_000;
const MAX_SNIPPET_SOURCE_CHARS = 20_000;
/** Below this trigram similarity a word is not taken for a typo of an indexed word. */
const TYPO_SIMILARITY = 0.45;
const HEADLINE_OPTIONS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The built-in engine: PostgreSQL full-text search in table `search_documents` (PGlite and
 * PostgreSQL alike). The 'russian' configuration stems Russian words and, through
 * english_stem, English ones; 'simple' lexemes make prefixes of unstemmed words match while
 * typing. Words missing from the index are looked up in `search_terms` by trigram similarity
 * (typo tolerance). Query words are OR-ed; documents matching more of them rank first.
 */
export function createPgEngine(db: Db, typoFixes = new TypoFixCache()): SearchEngine {
	return {
		name: 'postgres',
		upsert: (docs) => upsertDocuments(db, docs),
		remove: (refs) => removeDocuments(db, refs),
		async search(query) {
			const words = parseQueryWords(query.q);
			if (words.length === 0) return { hits: [], total: 0 };
			const fixes = await findTypoFixes(db, words, typoFixes);
			return runSearch(db, toTsGroups(words, fixes), query);
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

async function upsertDocuments(db: Db, docs: readonly SearchDocument[]): Promise<void> {
	for (const doc of docs) {
		const body = plainText(doc.body).slice(0, MAX_BODY_CHARS);
		const title = doc.title.replace(/[\uE000\uE001]/g, '');
		const tags = (doc.tags ?? []).join(' ');
		const label = doc.sectionLabel ?? '';
		await db
			.insertInto('search_documents')
			.values({
				kind: doc.kind,
				source_id: doc.sourceId,
				title,
				body,
				snippet_source: escapeHtml(body.slice(0, MAX_SNIPPET_SOURCE_CHARS)),
				url: doc.url,
				section: doc.section ?? null,
				section_label: doc.sectionLabel ?? null,
				tags,
				updated_at: doc.updatedAt,
				tsv: sql<string>`setweight(to_tsvector('russian', ${title}), 'A') || setweight(to_tsvector('simple', ${title}), 'A')
					|| setweight(to_tsvector('russian', ${tags}), 'B') || setweight(to_tsvector('russian', ${label}), 'C')
					|| setweight(to_tsvector('russian', ${body}), 'D') || setweight(to_tsvector('simple', ${body}), 'D')`,
			})
			.onConflict((oc) =>
				oc.columns(['kind', 'source_id']).doUpdateSet((eb) => ({
					title: eb.ref('excluded.title'),
					body: eb.ref('excluded.body'),
					snippet_source: eb.ref('excluded.snippet_source'),
					url: eb.ref('excluded.url'),
					section: eb.ref('excluded.section'),
					section_label: eb.ref('excluded.section_label'),
					tags: eb.ref('excluded.tags'),
					updated_at: eb.ref('excluded.updated_at'),
					indexed_at: sql`now()`,
					tsv: eb.ref('excluded.tsv'),
				})),
			)
			.execute();
		const vocabulary = vocabularyOf(`${title} ${tags} ${body}`);
		if (vocabulary.length > 0) {
			await sql`insert into search_terms (word) select unnest(${vocabulary}::text[]) on conflict do nothing`.execute(db);
		}
	}
}

async function removeDocuments(db: Db, refs: readonly SearchRef[]): Promise<void> {
	for (const ref of refs) {
		await db.deleteFrom('search_documents').where('kind', '=', ref.kind).where('source_id', '=', ref.sourceId).execute();
	}
}

/**
 * For query words of 4+ characters that no indexed word equals (or, for a prefix, starts
 * with), the most similar indexed word. Answers are cached briefly: typing repeats words.
 */
async function findTypoFixes(db: Db, words: readonly QueryWord[], cache: TypoFixCache): Promise<Map<string, string>> {
	const fixes = new Map<string, string>();
	const unknown: QueryWord[] = [];
	for (const w of words) {
		if (w.word.length < 4 || !/^\p{L}+$/u.test(w.word)) continue;
		const cached = cache.get(w);
		if (cached === undefined) unknown.push(w);
		else if (cached) fixes.set(w.word, cached);
	}
	if (unknown.length === 0) return fixes;
	const { rows } = await sql<{ word: string; prefix: boolean; fix: string | null }>`
		select t.word, t.prefix,
			case when exists (select 1 from search_terms s where s.word = t.word)
				or (t.prefix and exists (select 1 from search_terms s where s.word like t.word || '%'))
			then null
			else (select s.word from search_terms s where s.word % t.word and similarity(s.word, t.word) >= ${TYPO_SIMILARITY}
				order by similarity(s.word, t.word) desc, s.word limit 1)
			end as fix
		from unnest(${unknown.map((w) => w.word)}::text[], ${unknown.map((w) => w.prefix)}::boolean[]) as t(word, prefix)`.execute(db);
	for (const row of rows) {
		cache.set({ word: row.word, prefix: row.prefix }, row.fix ?? '');
		if (row.fix) fixes.set(row.word, row.fix);
	}
	return fixes;
}

interface HitRow {
	kind: SearchKind;
	source_id: string;
	title: string;
	url: string;
	section: string | null;
	section_label: string | null;
	snippet: string;
	total: number;
}

function groupQuery(group: TsGroup) {
	const stemmed = sql`to_tsquery('russian', ${group.stemmed})`;
	return group.simple === null ? stemmed : sql`(${stemmed} || to_tsquery('simple', ${group.simple}))`;
}

async function runSearch(db: Db, groups: readonly TsGroup[], query: SearchQuery): Promise<SearchResult> {
	const limit = clampLimit(query.limit);
	const offset = clampOffset(query.offset);
	const groupQueries = groups.map(groupQuery);
	const anyGroup = sql.join(groupQueries, sql` || `);
	// Documents matching more of the query's words first, then by weighted rank (title > tags >
	// section > body, long documents damped); curated manuals and hints edge out forum topics.
	const coverage = sql.join(groupQueries.map((g) => sql`(d.tsv @@ ${g})::int`), sql` + `);
	const filters = [
		query.kinds && query.kinds.length > 0 ? sql`and d.kind = any(${[...query.kinds]}::text[])` : sql``,
		query.section ? sql`and d.section = ${query.section}` : sql``,
	];
	const { rows } = await sql<HitRow>`
		with q as (select ${anyGroup} as query),
		ranked as (
			select d.kind, d.source_id, ${coverage} as coverage,
				ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, q.query, 1) * (case when d.kind = 'topic' then 0.8 else 1 end) as rank,
				d.updated_at, count(*) over () as total
			from search_documents d, q
			where d.tsv @@ q.query ${filters[0]} ${filters[1]}
			order by coverage desc, rank desc, d.updated_at desc, d.source_id
			limit ${limit} offset ${offset}
		)
		select d.kind, d.source_id, d.title, d.url, d.section, d.section_label, r.total::int as total,
			ts_headline('russian', d.snippet_source, q.query, ${HEADLINE_OPTIONS}) as snippet
		from ranked r
		join search_documents d on d.kind = r.kind and d.source_id = r.source_id
		cross join q
		order by r.coverage desc, r.rank desc, r.updated_at desc, r.source_id`.execute(db);
	return { hits: rows.map(toHit), total: rows[0]?.total ?? 0 };
}

function toHit(row: HitRow): SearchHit {
	// NOTE: snippet_source is already escaped, so ts_headline's output holds no markup but the
	// two marks; unescape-then-escape keeps markedTextToHtml the single place making HTML.
	const marked = row.snippet.replace(/&(amp|lt|gt|quot|#39);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[n] ?? '');
	return {
		kind: row.kind,
		sourceId: row.source_id,
		title: row.title,
		url: row.url,
		snippet: markedTextToHtml(marked),
		section: row.section,
		sectionLabel: row.section_label,
	};
}
