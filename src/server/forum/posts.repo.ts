import { type Selectable, sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { ForumPostsTable, Role } from '#server/db/schema.ts';
import { postHtml } from './post-render.ts';

export interface PostAuthor {
	id: string;
	handle: string;
	displayName: string;
	role: Role;
}

export interface Post {
	id: string;
	topicId: string;
	author: PostAuthor;
	/** Markdown source. */
	body: string;
	/** Rendered, safe HTML of `body`. */
	html: string;
	createdAt: Date;
	editedAt: Date | null;
	deletedAt: Date | null;
	hidden: boolean;
}

/** A post row without its author (for rules and edits). */
export interface PostRecord {
	id: string;
	topicId: string;
	authorId: string;
	body: string;
	createdAt: Date;
	editedAt: Date | null;
	deletedAt: Date | null;
	hidden: boolean;
}

export interface PostRevision {
	id: string;
	body: string;
	title: string | null;
	createdAt: Date;
	editor: { handle: string; displayName: string };
}

function postsWithAuthors(db: Db) {
	return db
		.selectFrom('forum_posts as p')
		.innerJoin('users as u', 'u.id', 'p.author_id')
		.select([
			'p.id',
			'p.topic_id',
			'p.body',
			'p.body_html',
			'p.render_version',
			'p.created_at',
			'p.edited_at',
			'p.deleted_at',
			'p.hidden',
			'u.id as author_id',
			'u.handle',
			'u.display_name',
			'u.role',
		]);
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postsWithAuthors>['executeTakeFirstOrThrow']>>;

function toPost(r: PostRow): Post {
	return {
		id: r.id,
		topicId: r.topic_id,
		author: { id: r.author_id, handle: r.handle, displayName: r.display_name, role: r.role },
		body: r.body,
		html: postHtml(r),
		...postState(r),
	};
}

/** When a post was written, edited and deleted, and whether staff hid it. */
function postState(
	r: Pick<Selectable<ForumPostsTable>, 'created_at' | 'edited_at' | 'deleted_at' | 'hidden'>,
) {
	return {
		createdAt: new Date(r.created_at),
		editedAt: r.edited_at ? new Date(r.edited_at) : null,
		deletedAt: r.deleted_at ? new Date(r.deleted_at) : null,
		hidden: r.hidden,
	};
}

/** A page of a topic's posts in order, with authors (one query). */
export async function listTopicPosts(
	db: Db,
	topicId: string,
	{ includeHidden, limit, offset }: { includeHidden: boolean; limit: number; offset: number },
): Promise<Post[]> {
	let query = postsWithAuthors(db).where('p.topic_id', '=', topicId);
	if (!includeHidden) query = query.where('p.hidden', '=', false);
	const rows = await query
		.orderBy('p.created_at')
		.orderBy('p.id')
		.limit(limit)
		.offset(offset)
		.execute();
	return rows.map(toPost);
}

export async function findPostWithAuthor(db: Db, id: string): Promise<Post | undefined> {
	const row = await postsWithAuthors(db).where('p.id', '=', id).executeTakeFirst();
	return row && toPost(row);
}

export async function findPost(db: Db, id: string): Promise<PostRecord | undefined> {
	const r = await db.selectFrom('forum_posts').selectAll().where('id', '=', id).executeTakeFirst();
	return (
		r && {
			id: r.id,
			topicId: r.topic_id,
			authorId: r.author_id,
			body: r.body,
			...postState(r),
		}
	);
}

/** Posts before `post` in its topic that the viewer pages through (to find its page). */
export async function countPostsBefore(
	db: Db,
	post: PostRecord,
	includeHidden: boolean,
): Promise<number> {
	let query = db
		.selectFrom('forum_posts')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('topic_id', '=', post.topicId)
		.where((eb) =>
			eb.or([
				eb('created_at', '<', post.createdAt),
				eb.and([eb('created_at', '=', post.createdAt), eb('id', '<', post.id)]),
			]),
		);
	if (!includeHidden) query = query.where('hidden', '=', false);
	const row = await query.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** All posts of a topic, staff view included (for page counts of staff). */
export async function countTopicPosts(db: Db, topicId: string): Promise<number> {
	const row = await db
		.selectFrom('forum_posts')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('topic_id', '=', topicId)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function insertPost(
	db: Db,
	values: {
		id: string;
		topicId: string;
		authorId: string;
		body: string;
		html: string;
		renderVersion: number;
		at: Date;
	},
): Promise<void> {
	await db
		.insertInto('forum_posts')
		.values({
			id: values.id,
			topic_id: values.topicId,
			author_id: values.authorId,
			body: values.body,
			body_html: values.html,
			render_version: values.renderVersion,
			created_at: values.at,
		})
		.execute();
}

export async function updatePostBody(
	db: Db,
	id: string,
	values: { body: string; html: string; renderVersion: number; at: Date },
): Promise<void> {
	await db
		.updateTable('forum_posts')
		.set({
			body: values.body,
			body_html: values.html,
			render_version: values.renderVersion,
			edited_at: values.at,
		})
		.where('id', '=', id)
		.execute();
}

export async function markPostDeleted(db: Db, id: string, at: Date): Promise<void> {
	await db.updateTable('forum_posts').set({ deleted_at: at }).where('id', '=', id).execute();
}

export async function setPostHidden(db: Db, id: string, hidden: boolean): Promise<void> {
	await db.updateTable('forum_posts').set({ hidden }).where('id', '=', id).execute();
}

export async function insertRevision(
	db: Db,
	values: { postId: string; editorId: string; body: string; title: string | null; at: Date },
): Promise<void> {
	await db
		.insertInto('forum_post_revisions')
		.values({
			post_id: values.postId,
			editor_id: values.editorId,
			body: values.body,
			title: values.title,
			created_at: values.at,
		})
		.execute();
}

/** Earlier versions of a post, oldest first. */
export async function listRevisions(db: Db, postId: string): Promise<PostRevision[]> {
	const rows = await db
		.selectFrom('forum_post_revisions as r')
		.innerJoin('users as u', 'u.id', 'r.editor_id')
		.select(['r.id', 'r.body', 'r.title', 'r.created_at', 'u.handle', 'u.display_name'])
		.where('r.post_id', '=', postId)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		body: r.body,
		title: r.title,
		createdAt: new Date(r.created_at),
		editor: { handle: r.handle, displayName: r.display_name },
	}));
}
