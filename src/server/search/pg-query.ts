import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { SearchHit, SearchQuery, SearchResult } from './engine.ts';
import { parseQueryWords, toTsGroups, type QueryWord, type TsGroup } from './query-terms.ts';
import type { SearchKind } from './search-document.ts';
import { markedTextToHtml } from './text.ts';
import { makeSnippet, snippetTerm, type SnippetTerm } from './snippet.ts';
import { synonymsOf } from './query-terms.ts';
import type { TypoFixCache } from './typo-cache.ts';

/**
 * Matching and ranking of the built-in engine, built for search-as-you-type speed.
 *
 * A question is a handful of words; documents matching all of them come first, then those
 * missing one, then two, down to half of the words ("coverage levels", like Meilisearch's
 * `words` rule). Each level is one indexed AND/OR tsquery ("at least m of these n words"),
 * so PostgreSQL only ever ranks a small set; ranking uses a small per-document vector
 * (title, tags, section, start of the body) rather than the whole body.
 */
const TYPO_SIMILARITY = 0.45;
/**
 * More words than this in a question add little but cost combinations: the longest ones are
 * kept (long words are rarer, so they say more), plus the word being typed.
 */
const MAX_GROUPS = 4;
/** The search page shows "1000+" beyond this. */
export const COUNT_CAP = 1000;
/** Forum topics ranked per coverage level at most (see rankedLevel). */
const TOPIC_CANDIDATES = 100;
const DEEP_CANDIDATES = 200;
/** Snippets are cut from this much of the body. */
const SNIPPET_SOURCE_CHARS = 8_000;

interface WordInfo {
	/** The word is a stop word of the text search configuration (matches nothing by itself). */
	stop: boolean;
	/** The indexed word it is probably a typo of, or ''. */
	fix: string;
}

/**
 * One round trip for the words not seen recently: stop word or not, and for words of 4+
 * letters that no indexed word equals (or, for a prefix, starts with) the most similar one.
 */
async function wordInfo(
	db: Db,
	words: readonly QueryWord[],
	cache: TypoFixCache,
): Promise<Map<string, WordInfo>> {
	const info = new Map<string, WordInfo>();
	const unknown: QueryWord[] = [];
	for (const w of words) {
		const cached = cache.get(w);
		if (cached === undefined) unknown.push(w);
		else info.set(w.word, cached);
	}
	if (unknown.length === 0) return info;
	const { rows } = await sql<{ word: string; prefix: boolean; stop: boolean; fix: string | null }>`
		select t.word, t.prefix, (not t.prefix and numnode(to_tsquery('russian', quote_literal(t.word))) = 0) as stop,
			case when length(t.word) < 4 or t.word !~ '^[[:alpha:]]+$'
				or exists (select 1 from search_terms s where s.word = t.word)
				or (t.prefix and exists (select 1 from search_terms s where s.word like t.word || '%'))
			then null
			else (select s.word from search_terms s where s.word % t.word and similarity(s.word, t.word) >= ${TYPO_SIMILARITY}
				order by similarity(s.word, t.word) desc, s.word limit 1)
			end as fix
		from unnest(${unknown.map((w) => w.word)}::text[], ${unknown.map((w) => w.prefix)}::boolean[]) as t(word, prefix)`.execute(
		db,
	);
	for (const row of rows) {
		const value = { stop: row.stop, fix: row.fix ?? '' };
		cache.set({ word: row.word, prefix: row.prefix }, value);
		info.set(row.word, value);
	}
	return info;
}

function pickWords(words: readonly QueryWord[]): QueryWord[] {
	if (words.length <= MAX_GROUPS) return [...words];
	const typing = words.filter((w) => w.prefix);
	const longest = words
		.filter((w) => !w.prefix)
		.map((w, i) => ({ w, i }))
		.sort((a, b) => b.w.word.length - a.w.word.length || a.i - b.i)
		.slice(0, MAX_GROUPS - typing.length)
		.sort((a, b) => a.i - b.i)
		.map((x) => x.w);
	return [...longest, ...typing];
}

function combinations<T>(items: readonly T[], size: number): T[][] {
	if (size === 0) return [[]];
	if (items.length < size) return [];
	const [first, ...rest] = items as [T, ...T[]];
	return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
}

/** "At least `m` of the groups" as a tsquery expression over the CTE's columns g0..gn. */
function atLeast(n: number, m: number): RawBuilder<unknown> {
	const indexes = Array.from({ length: n }, (_, i) => i);
	const ands = combinations(indexes, m).map(
		(combo) =>
			sql`(${sql.join(
				combo.map((i) => sql.ref(`g.g${i}`)),
				sql` && `,
			)})`,
	);
	return sql`(${sql.join(ands, sql` || `)})`;
}

function groupExpression(group: TsGroup): RawBuilder<unknown> {
	const stemmed = sql`to_tsquery('russian', ${group.stemmed})`;
	return group.simple === null
		? stemmed
		: sql`(${stemmed} || to_tsquery('simple', ${group.simple}))`;
}

interface HitRow {
	kind: SearchKind;
	source_id: string;
	title: string;
	url: string;
	section: string | null;
	section_label: string | null;
	body: string;
}

export async function pgSearch(
	db: Db,
	query: SearchQuery & { limit: number; offset: number; countTotal?: boolean },
	cache: TypoFixCache,
): Promise<SearchResult> {
	const words = parseQueryWords(query.q);
	if (words.length === 0) return { hits: [], total: 0 };
	const info = await wordInfo(db, words, cache);
	const kept = pickWords(words.filter((w) => !info.get(w.word)?.stop));
	if (kept.length === 0) return { hits: [], total: 0 };
	const fixes = new Map([...info].filter(([, i]) => i.fix).map(([w, i]) => [w, i.fix]));
	const groups = toTsGroups(kept, fixes);
	const n = groups.length;
	const lowest = Math.max(1, Math.ceil(n / 2));
	const filters = sql`${query.kinds && query.kinds.length > 0 ? sql`and d.kind = any(${[...query.kinds]}::text[])` : sql``}
		${query.section ? sql`and d.section = ${query.section}` : sql``}`;
	const cte = sql`with g as (select ${sql.join(
		groups.map((group, i) => sql`${groupExpression(group)} as ${sql.ref(`g${i}`)}`),
		sql`, `,
	)})`;
	const want = query.offset + query.limit;

	// Coverage levels from "all words" down; each level's new hits follow the previous ones'.
	const ordered: { kind: SearchKind; source_id: string }[] = [];
	const seen = new Set<string>();
	const take = (rows: readonly { kind: SearchKind; source_id: string }[]) => {
		for (const row of rows) {
			const key = `${row.kind}\u0000${row.source_id}`;
			if (!seen.has(key) && ordered.length < want) {
				seen.add(key);
				ordered.push(row);
			}
		}
	};
	for (let m = n; m >= lowest && ordered.length < want; m--) {
		const match = atLeast(n, m);
		// NOTE: documents of stricter levels match here too; fetching that many more and skipping
		// the seen ones is much cheaper than excluding them in SQL (which reads every full vector).
		take(await rankedLevel(db, cte, match, filters, want + ordered.length));
		if (ordered.length < want)
			take(await deepTopics(db, cte, match, filters, want + ordered.length));
	}
	const page = ordered.slice(query.offset, want);
	const total = query.countTotal
		? await countMatches(db, cte, atLeast(n, lowest), filters)
		: ordered.length;
	if (page.length === 0) return { hits: [], total };

	// NOTE: snippets are made in JS: ts_headline re-parses the whole body and cost ~4 ms a manual page.
	const terms: SnippetTerm[] = kept.flatMap((w) => [
		snippetTerm(w.word, w.prefix),
		...(fixes.get(w.word) ? [snippetTerm(fixes.get(w.word) ?? '', w.prefix)] : []),
		...synonymsOf(w.word)
			.filter((p) => p.length === 1)
			.map((p) => snippetTerm(p[0] ?? '', false)),
	]);
	const { rows } = await sql<HitRow>`
		select d.kind, d.source_id, d.title, d.url, d.section, d.section_label, left(d.body, ${SNIPPET_SOURCE_CHARS}) as body
		from search_documents d
		where (d.kind, d.source_id) in (${sql.join(page.map((p) => sql`(${p.kind}, ${p.source_id})`))})`.execute(
		db,
	);
	const byKey = new Map(rows.map((r) => [`${r.kind}\u0000${r.source_id}`, r]));
	const hits = page.flatMap((p) => {
		const row = byKey.get(`${p.kind}\u0000${p.source_id}`);
		return row ? [toHit(row, terms)] : [];
	});
	return { hits, total: Math.max(total, query.offset + hits.length) };
}

interface Ranked {
	kind: SearchKind;
	source_id: string;
	score: number;
}

/**
 * Best documents of one coverage level, in one round trip: manuals and hints (few) all
 * ranked; forum topics (up to tens of thousands) ranked among at most TOPIC_CANDIDATES whose
 * title or opening matches, so a one-word query matching most topics stays fast.
 */
async function rankedLevel(
	db: Db,
	cte: RawBuilder<unknown>,
	match: RawBuilder<unknown>,
	where: RawBuilder<unknown>,
	want: number,
): Promise<Ranked[]> {
	const score = sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.rank_tsv, ${match})`;
	const { rows } = await sql<Ranked>`
		${cte}
		(select d.kind, d.source_id, ${score} as score, d.updated_at from search_documents d, g
			where d.kind in ('manual', 'hint') and d.tsv @@ ${match} ${where}
			order by score desc, d.updated_at desc, d.source_id limit ${want})
		union all
		(select c.kind, c.source_id, c.score * 0.8 as score, c.updated_at from (
			select d.kind, d.source_id, ${score} as score, d.updated_at from search_documents d, g
			where d.kind = 'topic' and d.rank_tsv @@ ${match} ${where} limit ${TOPIC_CANDIDATES}) c
			order by score desc, c.updated_at desc, c.source_id limit ${want})`.execute(db);
	return rows.sort((a, b) => b.score - a.score);
}

/**
 * Topics matching only deep in their posts (unranked), when the ranked ones are too few.
 * Looks at no more than DEEP_CANDIDATES matches: each costs reading a whole topic's vector.
 */
async function deepTopics(
	db: Db,
	cte: RawBuilder<unknown>,
	match: RawBuilder<unknown>,
	where: RawBuilder<unknown>,
	want: number,
): Promise<Ranked[]> {
	const { rows } = await sql<Ranked>`
		${cte}
		select c.kind, c.source_id, -1 as score from (
			select d.kind, d.source_id, d.rank_tsv from search_documents d, g
			where d.kind = 'topic' and d.tsv @@ ${match} ${where} limit ${DEEP_CANDIDATES}) c, g
		where not (c.rank_tsv @@ ${match}) limit ${want}`.execute(db);
	return rows;
}

async function countMatches(
	db: Db,
	cte: RawBuilder<unknown>,
	match: RawBuilder<unknown>,
	filters: RawBuilder<unknown>,
): Promise<number> {
	const { rows } = await sql<{ n: number }>`
		${cte}
		select count(*)::int as n from (select 1 from search_documents d, g where d.tsv @@ ${match} ${filters} limit ${COUNT_CAP}) s`.execute(
		db,
	);
	return rows[0]?.n ?? 0;
}

function toHit(row: HitRow, terms: readonly SnippetTerm[]): SearchHit {
	return {
		kind: row.kind,
		sourceId: row.source_id,
		title: row.title,
		url: row.url,
		snippet: markedTextToHtml(makeSnippet(row.body, terms)),
		section: row.section,
		sectionLabel: row.section_label,
	};
}
