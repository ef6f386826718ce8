/**
 * "Similar topics" by trigram similarity of titles (pg_trgm, on PGlite and PostgreSQL alike):
 * for duplicate detection (tickets) and for suggestions while a topic is typed.
 */
import { sql } from 'kysely';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/client.ts';
import { listManualTitles } from './manual-titles.ts';
import { excerpt } from './text.ts';
import { topicPath } from './urls.ts';

const MAX_QUERY_CHARS = 300;
const MIN_SCORE = 0.3;
const RECENT_DAYS = 180;

export interface SimilarTopic {
	id: string;
	title: string;
	url: string;
	createdAt: Date;
	solved: boolean;
}

function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

// Short queries match inside titles; long ones (a ticket's text) contain the title's words.
const score = (column: string, q: string) =>
	sql<number>`greatest(similarity(${sql.ref(column)}, ${q}), word_similarity(${q}, ${sql.ref(column)}), word_similarity(${sql.ref(column)}, ${q}))`;

/**
 * Visible topics of the last 180 days whose titles resemble `text`, best first.
 * Hidden and deleted topics never appear.
 */
export async function findSimilarTopics(db: Db, text: string, limit = 5): Promise<SimilarTopic[]> {
	const q = normalise(text);
	if (q.length < 3) return [];
	const since = new Date(now().getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
	const contains =
		q.length <= 60 ? sql<boolean>`t.title ilike ${`%${escapeLike(q)}%`}` : sql<boolean>`false`;
	const rows = await db
		.selectFrom('forum_topics as t')
		.select([
			't.id',
			't.title',
			't.created_at',
			't.accepted_post_id',
			score('t.title', q).as('score'),
		])
		.where('t.hidden', '=', false)
		.where('t.deleted_at', 'is', null)
		.where('t.created_at', '>', since)
		.where((eb) => eb.or([eb(score('t.title', q), '>=', MIN_SCORE), contains]))
		.orderBy('score', 'desc')
		.orderBy('t.last_activity_at', 'desc')
		.limit(Math.max(1, Math.min(limit, 50)))
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		url: topicPath(r),
		createdAt: new Date(r.created_at),
		solved: r.accepted_post_id !== null,
	}));
}

export interface Suggestion {
	kind: 'topic' | 'manual';
	title: string;
	url: string;
	snippet: string;
}

/** Manual pages whose title or description resemble `text` (scored by pg_trgm too). */
async function findSimilarManuals(db: Db, q: string, limit: number): Promise<Suggestion[]> {
	const manuals = await listManualTitles();
	if (manuals.length === 0) return [];
	const rows = await sql<{ i: number; score: number }>`
		select m.i::int as i, greatest(
			similarity(m.title, ${q}), word_similarity(${q}, m.title), word_similarity(m.title, ${q}),
			0.8 * word_similarity(${q}, m.description)
		) as score
		from unnest(${manuals.map((m) => m.title)}::text[], ${manuals.map((m) => m.description)}::text[])
			with ordinality as m(title, description, i)
		order by score desc
		limit ${limit}`.execute(db);
	return rows.rows
		.filter((r) => Number(r.score) >= MIN_SCORE)
		.flatMap((r) => {
			const manual = manuals[Number(r.i) - 1];
			return manual
				? [
						{
							kind: 'manual' as const,
							title: manual.title,
							url: manual.url,
							snippet: excerpt(manual.description, 160),
						},
					]
				: [];
		});
}

/**
 * Topics and manual pages to suggest while someone types a new topic's title and text.
 * Only public content.
 */
export async function suggestSimilar(db: Db, text: string, limit = 8): Promise<Suggestion[]> {
	const q = normalise(text);
	if (q.length < 3) return [];
	const [topics, manuals] = await Promise.all([
		findSimilarTopics(db, q, limit),
		findSimilarManuals(db, q, Math.ceil(limit / 2)),
	]);
	const topicItems: Suggestion[] = topics.map((t) => ({
		kind: 'topic',
		title: t.title,
		url: t.url,
		snippet: t.solved ? 'Solved topic' : 'Forum topic',
	}));
	return [...manuals, ...topicItems].slice(0, limit);
}
