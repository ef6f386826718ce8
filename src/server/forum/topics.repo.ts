import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';

export interface PersonRef {
	handle: string;
	displayName: string;
	role: Role;
}

/** One topic with what its page and the rules need. */
export interface Topic {
	id: string;
	title: string;
	categoryId: string;
	authorId: string;
	createdAt: Date;
	lastActivityAt: Date;
	replyCount: number;
	visiblePostCount: number;
	viewCount: number;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	deletedAt: Date | null;
	firstPostId: string | null;
	acceptedPostId: string | null;
}

export interface TopicDetail extends Topic {
	category: {
		id: string;
		slug: string;
		name: string;
		staffOnlyTopics: boolean;
		parent: { slug: string; name: string } | null;
	};
	author: PersonRef;
	watching: boolean;
}

const TOPIC_COLUMNS = [
	't.id',
	't.title',
	't.category_id',
	't.author_id',
	't.created_at',
	't.last_activity_at',
	't.reply_count',
	't.visible_post_count',
	't.view_count',
	't.pinned',
	't.locked',
	't.hidden',
	't.deleted_at',
	't.first_post_id',
	't.accepted_post_id',
] as const;

type TopicRow = {
	id: string;
	title: string;
	category_id: string;
	author_id: string;
	created_at: Date;
	last_activity_at: Date;
	reply_count: number;
	visible_post_count: number;
	view_count: number;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	deleted_at: Date | null;
	first_post_id: string | null;
	accepted_post_id: string | null;
};

function toTopic(r: TopicRow): Topic {
	return {
		id: r.id,
		title: r.title,
		categoryId: r.category_id,
		authorId: r.author_id,
		createdAt: new Date(r.created_at),
		lastActivityAt: new Date(r.last_activity_at),
		replyCount: r.reply_count,
		visiblePostCount: r.visible_post_count,
		viewCount: r.view_count,
		pinned: r.pinned,
		locked: r.locked,
		hidden: r.hidden,
		deletedAt: r.deleted_at ? new Date(r.deleted_at) : null,
		firstPostId: r.first_post_id,
		acceptedPostId: r.accepted_post_id,
	};
}

export async function findTopic(db: Db, id: string): Promise<Topic | undefined> {
	const row = await db
		.selectFrom('forum_topics as t')
		.select(TOPIC_COLUMNS)
		.where('t.id', '=', id)
		.executeTakeFirst();
	return row && toTopic(row);
}

/** The topic with its category, parent category, author and whether `viewerId` watches it (one query). */
export async function findTopicDetail(
	db: Db,
	id: string,
	viewerId: string | null,
): Promise<TopicDetail | undefined> {
	const row = await db
		.selectFrom('forum_topics as t')
		.innerJoin('forum_categories as c', 'c.id', 't.category_id')
		.leftJoin('forum_categories as pc', 'pc.id', 'c.parent_id')
		.innerJoin('users as a', 'a.id', 't.author_id')
		.select(TOPIC_COLUMNS)
		.select([
			'c.slug as category_slug',
			'c.name as category_name',
			'c.staff_only_topics',
			'pc.slug as parent_slug',
			'pc.name as parent_name',
			'a.handle as author_handle',
			'a.display_name as author_name',
			'a.role as author_role',
			viewerId
				? sql<boolean>`exists (select 1 from topic_watches w where w.topic_id = t.id and w.user_id = ${viewerId})`.as(
						'watching',
					)
				: sql<boolean>`false`.as('watching'),
		])
		.where('t.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		...toTopic(row),
		category: {
			id: row.category_id,
			slug: row.category_slug,
			name: row.category_name,
			staffOnlyTopics: row.staff_only_topics,
			parent:
				row.parent_slug && row.parent_name
					? { slug: row.parent_slug, name: row.parent_name }
					: null,
		},
		author: { handle: row.author_handle, displayName: row.author_name, role: row.author_role },
		watching: Boolean(row.watching),
	};
}

export async function insertTopic(
	db: Db,
	values: {
		id: string;
		categoryId: string;
		authorId: string;
		title: string;
		firstPostId: string;
		at: Date;
	},
): Promise<void> {
	await db
		.insertInto('forum_topics')
		.values({
			id: values.id,
			category_id: values.categoryId,
			author_id: values.authorId,
			title: values.title,
			created_at: values.at,
			last_activity_at: values.at,
			last_post_author_id: values.authorId,
			visible_post_count: 1,
			first_post_id: values.firstPostId,
		})
		.execute();
}

export type TopicChanges = Partial<{
	title: string;
	categoryId: string;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	acceptedPostId: string | null;
	deletedAt: Date | null;
}>;

export async function updateTopic(db: Db, id: string, changes: TopicChanges): Promise<void> {
	const set: Record<string, unknown> = {};
	if (changes.title !== undefined) set.title = changes.title;
	if (changes.categoryId !== undefined) set.category_id = changes.categoryId;
	if (changes.pinned !== undefined) set.pinned = changes.pinned;
	if (changes.locked !== undefined) set.locked = changes.locked;
	if (changes.hidden !== undefined) set.hidden = changes.hidden;
	if (changes.acceptedPostId !== undefined) set.accepted_post_id = changes.acceptedPostId;
	if (changes.deletedAt !== undefined) set.deleted_at = changes.deletedAt;
	if (Object.keys(set).length === 0) return;
	await db.updateTable('forum_topics').set(set).where('id', '=', id).execute();
}

/** Counters and last activity after a new reply, in the reply's transaction. */
export async function bumpTopicForReply(
	db: Db,
	id: string,
	authorId: string,
	at: Date,
): Promise<void> {
	await db
		.updateTable('forum_topics')
		.set((eb) => ({
			reply_count: eb('reply_count', '+', 1),
			visible_post_count: eb('visible_post_count', '+', 1),
			last_activity_at: at,
			last_post_author_id: authorId,
		}))
		.where('id', '=', id)
		.execute();
}

/**
 * Recomputes the denormalised counters and last poster from the posts, after a post was
 * hidden, unhidden or deleted (one statement).
 */
export async function recomputeTopicStats(db: Db, id: string): Promise<void> {
	await sql`
		update forum_topics t set
			reply_count = s.replies,
			visible_post_count = s.visible,
			last_activity_at = coalesce(s.last_at, t.created_at),
			last_post_author_id = coalesce(s.last_author, t.author_id),
			accepted_post_id = case when t.accepted_post_id in (
				select p.id from forum_posts p where p.topic_id = t.id and (p.hidden or p.deleted_at is not null)
			) then null else t.accepted_post_id end
		from (
			select
				count(*) filter (where not p.hidden and p.deleted_at is null and p.id is distinct from x.first_post_id)::int as replies,
				count(*) filter (where not p.hidden)::int as visible,
				max(p.created_at) filter (where not p.hidden and p.deleted_at is null) as last_at,
				(array_agg(p.author_id order by p.created_at desc) filter (where not p.hidden and p.deleted_at is null))[1] as last_author
			from forum_topics x left join forum_posts p on p.topic_id = x.id
			where x.id = ${id}
		) s
		where t.id = ${id}`.execute(db);
}

/** One view; called at most once per visitor and topic in a while (see view-counter.ts). */
export async function incrementTopicViews(db: Db, id: string, by = 1): Promise<void> {
	await db
		.updateTable('forum_topics')
		.set((eb) => ({ view_count: eb('view_count', '+', by) }))
		.where('id', '=', id)
		.execute();
}
