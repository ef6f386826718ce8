/**
 * Writing in the forum: start topics, reply, edit and delete own posts.
 */
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, ForbiddenError } from '#server/errors.ts';
import { retractNotifications } from '#server/notifications/notifications.service.ts';
import { consumeRateLimit } from '#server/rate-limit/rate-limit.ts';
import { attachUploads } from '#server/attachments/attachments.service.ts';
import { requireUploadsAccepted } from '#server/attachments/form-rewrite.ts';
import { replyRefusal } from './access.ts';
import { findCategoryBySlug } from './categories.repo.ts';
import {
	CreateTopicSchema,
	EditPostSchema,
	parseInput,
	PostRefSchema,
	ReplySchema,
} from './forum.schema.ts';
import { findMentionedUsers, notifyAboutPost } from './forum-notify.ts';
import { syncTopicSearch } from './forum-search.ts';
import { RENDER_VERSION, renderPostBody } from './post-render.ts';
import { loadVisiblePost, loadVisibleTopic } from './lookup.ts';
import { insertPost, insertRevision, markPostDeleted, updatePostBody } from './posts.repo.ts';
import { bumpTopicForReply, insertTopic, recomputeTopicStats, updateTopic } from './topics.repo.ts';
import { setWatching } from './watches.repo.ts';
import { postPath, postSubject, topicPath, topicSubject } from './urls.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Posts per minute: topics and replies count alike; staff are not limited. */
export const POST_RATE_LIMITS = {
	regular: { limit: 10, windowSeconds: 60 },
	/** Accounts younger than a day. */
	newAccount: { limit: 3, windowSeconds: 60 },
} as const;
const EDIT_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

/** @throws TooManyRequestsError when the user posted too often in the last minute. */
async function consumePostQuota(db: Db, user: SessionUser): Promise<void> {
	if (isStaff(user)) return;
	const young = now().getTime() - user.createdAt.getTime() < DAY_MS;
	await consumeRateLimit(
		db,
		`forum:post:${user.id}`,
		young ? POST_RATE_LIMITS.newAccount : POST_RATE_LIMITS.regular,
		young
			? `You are posting too quickly: new accounts can post ${POST_RATE_LIMITS.newAccount.limit} times a minute during their first day.`
			: `You are posting too quickly: at most ${POST_RATE_LIMITS.regular.limit} posts a minute.`,
	);
}

/** Renders a body with mention links for existing users; returns them for notifications. */
async function prepareBody(db: Db, body: string, postId: string) {
	const mentioned = await findMentionedUsers(db, body);
	const html = renderPostBody(body, postId, new Set(mentioned.map((m) => m.handle)));
	return { html, mentioned };
}

export interface Written {
	topicId: string;
	postId: string;
	/** Where to look at the result. */
	url: string;
}

/**
 * Starts a topic with its first post; mentioned users are notified.
 * @throws BadRequestError (fields) on an empty/oversized body, a bad title or an unknown category;
 * ForbiddenError when a non-staff user starts a topic in a staff-only category;
 * TooManyRequestsError over the posting rate.
 */
export async function createTopic(db: Db, user: SessionUser, input: unknown): Promise<Written> {
	const data = parseInput(CreateTopicSchema, input);
	requireUploadsAccepted(data);
	const category = await findCategoryBySlug(db, data.categorySlug);
	if (!category)
		throw new BadRequestError('Choose a category.', {
			categorySlug: 'Choose one of the categories.',
		});
	if (category.staffOnlyTopics && !isStaff(user)) {
		const message = `Only staff start topics in ${category.name}. Choose another category.`;
		throw new ForbiddenError(message, { categorySlug: message });
	}
	await consumePostQuota(db, user);
	const topicId = crypto.randomUUID();
	const postId = crypto.randomUUID();
	const at = now();
	const { html, mentioned } = await prepareBody(db, data.body, postId);
	await db.transaction().execute(async (trx) => {
		await insertTopic(trx, {
			id: topicId,
			categoryId: category.id,
			authorId: user.id,
			title: data.title,
			firstPostId: postId,
			at,
		});
		await insertPost(trx, {
			id: postId,
			topicId,
			authorId: user.id,
			body: data.body,
			html,
			renderVersion: RENDER_VERSION,
			at,
		});
		await attachUploads(trx, user, data.attachment ?? [], { kind: 'forum-post', postId });
		await notifyAboutPost(trx, {
			topic: { id: topicId, title: data.title, authorId: user.id, hidden: false },
			post: { id: postId, authorId: user.id, authorName: user.displayName },
			mentioned,
			isReply: false,
		});
		await syncTopicSearch(trx, topicId);
	});
	return { topicId, postId, url: topicPath({ id: topicId, title: data.title }) };
}

/**
 * Adds a reply; the replier starts watching the topic; mentioned users, the topic's author and
 * watchers are notified.
 * @throws NotFoundError for a topic the user cannot see; ForbiddenError when it is locked
 * (staff may still reply) or deleted; BadRequestError on the body; TooManyRequestsError.
 */
export async function replyToTopic(db: Db, user: SessionUser, input: unknown): Promise<Written> {
	const data = parseInput(ReplySchema, input);
	requireUploadsAccepted(data);
	const topic = await loadVisibleTopic(db, data.topicId, user);
	const refusal = replyRefusal(topic, user);
	if (refusal) throw new ForbiddenError(refusal);
	await consumePostQuota(db, user);
	const postId = crypto.randomUUID();
	const at = now();
	const { html, mentioned } = await prepareBody(db, data.body, postId);
	await db.transaction().execute(async (trx) => {
		await insertPost(trx, {
			id: postId,
			topicId: topic.id,
			authorId: user.id,
			body: data.body,
			html,
			renderVersion: RENDER_VERSION,
			at,
		});
		await attachUploads(trx, user, data.attachment ?? [], { kind: 'forum-post', postId });
		await bumpTopicForReply(trx, topic.id, user.id, at);
		await notifyAboutPost(trx, {
			topic,
			post: { id: postId, authorId: user.id, authorName: user.displayName },
			mentioned,
			isReply: true,
		});
		await setWatching(trx, user.id, topic.id, true);
		await syncTopicSearch(trx, topic.id);
	});
	return { topicId: topic.id, postId, url: postPath(postId) };
}

/**
 * Edits one's own post, keeping the previous text as a revision; the first post's author may
 * retitle the topic. Users mentioned for the first time are notified.
 * @throws NotFoundError, ForbiddenError (someone else's post, locked topic), BadRequestError.
 */
export async function editPost(db: Db, user: SessionUser, input: unknown): Promise<Written> {
	const data = parseInput(EditPostSchema, input);
	const { post, topic } = await loadVisiblePost(db, data.postId, user);
	if (post.authorId !== user.id) throw new ForbiddenError('You can only edit your own posts.');
	if (post.deletedAt)
		throw new BadRequestError('This post was deleted and can no longer be edited.');
	if (topic.locked && !isStaff(user))
		throw new ForbiddenError('This topic is locked: its posts can no longer be edited.');
	const isFirst = topic.firstPostId === post.id;
	const newTitle =
		isFirst && data.title !== undefined && data.title !== topic.title ? data.title : undefined;
	const result = { topicId: topic.id, postId: post.id, url: postPath(post.id) };
	if (data.body === post.body && newTitle === undefined) return result;
	await consumeRateLimit(
		db,
		`forum:edit:${user.id}`,
		EDIT_RATE_LIMIT,
		'You are editing too quickly.',
	);
	const at = now();
	const { html, mentioned } = await prepareBody(db, data.body, post.id);
	const before = new Set((await findMentionedUsers(db, post.body)).map((m) => m.id));
	await db.transaction().execute(async (trx) => {
		await insertRevision(trx, {
			postId: post.id,
			editorId: user.id,
			body: post.body,
			title: newTitle !== undefined ? topic.title : null,
			at,
		});
		await updatePostBody(trx, post.id, {
			body: data.body,
			html,
			renderVersion: RENDER_VERSION,
			at,
		});
		if (newTitle !== undefined) await updateTopic(trx, topic.id, { title: newTitle });
		await notifyAboutPost(trx, {
			topic: { ...topic, title: newTitle ?? topic.title },
			post: { id: post.id, authorId: user.id, authorName: user.displayName },
			mentioned: mentioned.filter((m) => !before.has(m.id)),
			isReply: false,
		});
		await syncTopicSearch(trx, topic.id);
	});
	return result;
}

/**
 * Soft-deletes one's own post: it shows as removed, its text stays for staff. Deleting the first
 * post of a topic without other visible replies deletes the topic.
 * @throws NotFoundError, ForbiddenError (someone else's post; staff hide instead).
 */
export async function deletePost(
	db: Db,
	user: SessionUser,
	input: unknown,
): Promise<{ topicDeleted: boolean; url: string }> {
	const data = parseInput(PostRefSchema, input);
	const { post, topic } = await loadVisiblePost(db, data.postId, user);
	if (post.authorId !== user.id) throw new ForbiddenError('You can only delete your own posts.');
	if (post.deletedAt) return { topicDeleted: topic.deletedAt !== null, url: postPath(post.id) };
	const at = now();
	const topicDeleted = topic.firstPostId === post.id && topic.replyCount === 0;
	await db.transaction().execute(async (trx) => {
		await markPostDeleted(trx, post.id, at);
		if (topicDeleted) await updateTopic(trx, topic.id, { deletedAt: at });
		await recomputeTopicStats(trx, topic.id);
		await retractNotifications(
			trx,
			topicDeleted ? topicSubject(topic.id) : postSubject(topic.id, post.id),
			{ keepStaff: true },
		);
		await syncTopicSearch(trx, topic.id);
	});
	return { topicDeleted, url: topicDeleted ? '/forum' : postPath(post.id) };
}

/**
 * The post as its author edits it. @throws NotFoundError; ForbiddenError for someone else's,
 * a deleted post, or a post in a locked topic.
 */
export async function getEditablePost(
	db: Db,
	user: SessionUser,
	postId: string,
): Promise<{
	postId: string;
	body: string;
	topic: { id: string; title: string };
	isFirst: boolean;
}> {
	const { post, topic } = await loadVisiblePost(db, postId, user);
	if (post.authorId !== user.id) throw new ForbiddenError('You can only edit your own posts.');
	if (post.deletedAt)
		throw new ForbiddenError('This post was deleted and can no longer be edited.');
	if (topic.locked && !isStaff(user))
		throw new ForbiddenError('This topic is locked: its posts can no longer be edited.');
	return {
		postId: post.id,
		body: post.body,
		topic: { id: topic.id, title: topic.title },
		isFirst: topic.firstPostId === post.id,
	};
}
