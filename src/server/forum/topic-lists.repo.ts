import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { PersonRef } from './topics.repo.ts';

/** What lists show of a topic. */
export interface TopicSummary {
	id: string;
	title: string;
	category: { id: string; slug: string; name: string };
	author: PersonRef;
	lastPoster: PersonRef | null;
	createdAt: Date;
	lastActivityAt: Date;
	replyCount: number;
	viewCount: number;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	deleted: boolean;
	solved: boolean;
}

export interface TopicFilter {
	/** Topics in any of these categories; all categories when undefined. */
	categoryIds?: readonly string[] | undefined;
	authorId?: string | undefined;
	/** Staff see hidden and deleted topics too. */
	includeHidden: boolean;
}

/** The filter as one SQL condition on alias `t` (composable into any topic query). */
function topicCondition(filter: TopicFilter): RawBuilder<boolean> {
	const parts: RawBuilder<unknown>[] = [];
	if (filter.categoryIds) {
		parts.push(
			filter.categoryIds.length
				? sql`t.category_id in (${sql.join([...filter.categoryIds])})`
				: sql`false`,
		);
	}
	if (filter.authorId) parts.push(sql`t.author_id = ${filter.authorId}`);
	if (!filter.includeHidden) parts.push(sql`not t.hidden and t.deleted_at is null`);
	return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;
}

/** A page of topics, pinned first, then by last activity, with names joined in (one query). */
export async function listTopics(
	db: Db,
	filter: TopicFilter,
	{ limit, offset, pinnedFirst = true }: { limit: number; offset: number; pinnedFirst?: boolean },
): Promise<TopicSummary[]> {
	let query = db
		.selectFrom('forum_topics as t')
		.where(topicCondition(filter))
		.innerJoin('forum_categories as c', 'c.id', 't.category_id')
		.innerJoin('users as a', 'a.id', 't.author_id')
		.leftJoin('users as l', 'l.id', 't.last_post_author_id')
		.select([
			't.id',
			't.title',
			't.created_at',
			't.last_activity_at',
			't.reply_count',
			't.view_count',
			't.pinned',
			't.locked',
			't.hidden',
			't.deleted_at',
			't.accepted_post_id',
			'c.id as category_id',
			'c.slug as category_slug',
			'c.name as category_name',
			'a.handle as author_handle',
			'a.display_name as author_name',
			'a.role as author_role',
			'l.handle as last_handle',
			'l.display_name as last_name',
			'l.role as last_role',
		]);
	if (pinnedFirst) query = query.orderBy('t.pinned', 'desc');
	const rows = await query
		.orderBy('t.last_activity_at', 'desc')
		.orderBy('t.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		category: { id: r.category_id, slug: r.category_slug, name: r.category_name },
		author: { handle: r.author_handle, displayName: r.author_name, role: r.author_role },
		lastPoster:
			r.last_handle && r.last_name && r.last_role
				? { handle: r.last_handle, displayName: r.last_name, role: r.last_role }
				: null,
		createdAt: new Date(r.created_at),
		lastActivityAt: new Date(r.last_activity_at),
		replyCount: r.reply_count,
		viewCount: r.view_count,
		pinned: r.pinned,
		locked: r.locked,
		hidden: r.hidden,
		deleted: r.deleted_at !== null,
		solved: r.accepted_post_id !== null,
	}));
}

export async function countTopics(db: Db, filter: TopicFilter): Promise<number> {
	const row = await db
		.selectFrom('forum_topics as t')
		.where(topicCondition(filter))
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Topic counts per category id (visible ones unless `includeHidden`), of `categoryIds` or all. */
export async function countTopicsPerCategory(
	db: Db,
	includeHidden: boolean,
	categoryIds?: readonly string[],
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('forum_topics as t')
		.where(topicCondition({ includeHidden, categoryIds }))
		.select(['t.category_id', sql<number>`count(*)::int`.as('n')])
		.groupBy('t.category_id')
		.execute();
	return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}
