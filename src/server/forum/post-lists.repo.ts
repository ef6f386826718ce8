import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';

export interface AuthoredPost {
	id: string;
	topicId: string;
	topicTitle: string;
	body: string;
	createdAt: Date;
	hidden: boolean;
}

/** Replies a user wrote, newest first; without `includeHidden` only what the public sees. */
export async function listPostsByAuthor(
	db: Db,
	authorId: string,
	{ includeHidden, limit }: { includeHidden: boolean; limit: number },
): Promise<AuthoredPost[]> {
	let query = db
		.selectFrom('forum_posts as p')
		.innerJoin('forum_topics as t', 't.id', 'p.topic_id')
		.select([
			'p.id',
			'p.topic_id',
			't.title',
			'p.body',
			'p.created_at',
			'p.hidden',
			'p.deleted_at',
			't.hidden as topic_hidden',
		])
		.where('p.author_id', '=', authorId)
		.where(sql<boolean>`p.id is distinct from t.first_post_id`);
	if (!includeHidden) {
		query = query
			.where('p.hidden', '=', false)
			.where('p.deleted_at', 'is', null)
			.where('t.hidden', '=', false)
			.where('t.deleted_at', 'is', null);
	}
	const rows = await query.orderBy('p.created_at', 'desc').limit(limit).execute();
	return rows.map((r) => ({
		id: r.id,
		topicId: r.topic_id,
		topicTitle: r.title,
		body: r.deleted_at ? '' : r.body,
		createdAt: new Date(r.created_at),
		hidden: r.hidden || r.topic_hidden || r.deleted_at !== null,
	}));
}

/** Visible (not hidden, not deleted) post bodies of a topic in order, for the search index. */
export async function listVisiblePostBodies(
	db: Db,
	topicIds: readonly string[],
	limitPerTopic = 200,
): Promise<Map<string, string[]>> {
	const result = new Map<string, string[]>();
	if (topicIds.length === 0) return result;
	const rows = await db
		.selectFrom('forum_posts')
		.select(['topic_id', 'body'])
		.where('topic_id', 'in', [...topicIds])
		.where('hidden', '=', false)
		.where('deleted_at', 'is', null)
		.orderBy('topic_id')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	for (const row of rows) {
		const list = result.get(row.topic_id) ?? [];
		if (list.length < limitPerTopic) list.push(row.body);
		result.set(row.topic_id, list);
	}
	return result;
}
