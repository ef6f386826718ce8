/**
 * "Similar topics" by trigram similarity of titles (pg_trgm, on PGlite and PostgreSQL alike)
 * for duplicate detection (tickets), and suggestions while a topic is typed (search engine).
 */
import { sql } from 'kysely';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { searchPublic } from '#server/search/search.service.ts';
import { snippetToText } from '#server/search/text.ts';
import { escapeLike, excerpt } from '#lib/text.ts';
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

/**
 * Topics and manual pages to suggest while someone types a new topic's title and text: the
 * search engine's hits (manuals and indexed topics, ranked, typo-tolerant), then topics whose
 * titles resemble the text that the index may not have yet (written in the last seconds).
 * Only public content: the index holds nothing else, and fresh topics are filtered here.
 */
export async function suggestSimilar(db: Db, text: string, limit = 8): Promise<Suggestion[]> {
	const q = normalise(text);
	if (q.length < 3) return [];
	const [found, fresh] = await Promise.all([
		searchPublic(db, { q, kinds: ['manual', 'topic'], limit }),
		findSimilarTopics(db, q, limit),
	]);
	// Manuals take at most half the places, so topics (indexed or fresh) always show.
	const manualPlaces = Math.ceil(limit / 2);
	const suggestions: Suggestion[] = [];
	const topics = new Set<string>();
	let manuals = 0;
	for (const hit of found.hits) {
		if (hit.kind === 'manual') {
			if (manuals >= manualPlaces) continue;
			manuals += 1;
		} else if (hit.kind === 'topic') {
			topics.add(hit.sourceId);
		} else {
			continue;
		}
		suggestions.push({
			kind: hit.kind,
			title: hit.title,
			url: hit.url,
			snippet: excerpt(snippetToText(hit.snippet), 160),
		});
	}
	for (const topic of fresh) {
		if (topics.has(topic.id)) continue;
		suggestions.push({
			kind: 'topic',
			title: topic.title,
			url: topic.url,
			snippet: topic.solved ? 'Solved topic' : 'Forum topic',
		});
	}
	return suggestions.slice(0, limit);
}
