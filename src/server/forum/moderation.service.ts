/**
 * Staff moderation: pin, lock, hide and move topics, hide posts, read edit histories. Every
 * change is written to the moderation log in the same transaction.
 */
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, NotFoundError } from '#server/errors.ts';
import {
	listModerationLog,
	recordModeration,
	type ModerationLogItem,
} from '#server/moderation/moderation-log.ts';
import { retractNotifications } from '#server/notifications/notifications.service.ts';
import { requireStaff, type Viewer } from './access.ts';
import { findCategoryById, findCategoryBySlug } from './categories.repo.ts';
import { requireUuid } from './lookup.ts';
import {
	HidePostSchema,
	ModerateTopicSchema,
	MoveTopicSchema,
	parseInput,
	type TopicModeration,
} from './forum.schema.ts';
import { syncTopicSearch } from './forum-search.ts';
import {
	findPost,
	findPostWithAuthor,
	listRevisions,
	setPostHidden,
	type Post,
	type PostRevision,
} from './posts.repo.ts';
import {
	findTopic,
	recomputeTopicStats,
	updateTopic,
	type Topic,
	type TopicChanges,
} from './topics.repo.ts';
import { postPath, postSubject, topicPath, topicSubject } from './urls.ts';

const TOPIC_CHANGES: Record<TopicModeration, TopicChanges> = {
	pin: { pinned: true },
	unpin: { pinned: false },
	lock: { locked: true },
	unlock: { locked: false },
	hide: { hidden: true },
	unhide: { hidden: false },
};

async function requireTopic(db: Db, id: string): Promise<Topic> {
	const topic = await findTopic(db, id);
	if (!topic) throw new NotFoundError('That topic does not exist.');
	return topic;
}

/**
 * Pins, unpins, locks, unlocks, hides or unhides a topic. Hiding removes it from lists, search
 * and non-staff notifications.
 * @throws ForbiddenError for non-staff; NotFoundError.
 */
export async function moderateTopic(
	db: Db,
	viewer: Viewer,
	input: unknown,
): Promise<{ url: string }> {
	const staff = requireStaff(viewer);
	const data = parseInput(ModerateTopicSchema, input);
	const topic = await requireTopic(db, data.topicId);
	await db.transaction().execute(async (trx) => {
		await updateTopic(trx, topic.id, TOPIC_CHANGES[data.action]);
		await recordModeration(trx, {
			actorId: staff.id,
			action: `topic.${data.action}`,
			targetType: 'topic',
			targetId: topic.id,
			details: topic.title,
		});
		if (data.action === 'hide')
			await retractNotifications(trx, topicSubject(topic.id), { keepStaff: true });
		if (data.action === 'hide' || data.action === 'unhide') await syncTopicSearch(trx, topic.id);
	});
	return { url: topicPath(topic) };
}

/** Moves a topic to another category. @throws ForbiddenError, NotFoundError, BadRequestError. */
export async function moveTopic(db: Db, viewer: Viewer, input: unknown): Promise<{ url: string }> {
	const staff = requireStaff(viewer);
	const data = parseInput(MoveTopicSchema, input);
	const topic = await requireTopic(db, data.topicId);
	const [from, to] = await Promise.all([
		findCategoryById(db, topic.categoryId),
		findCategoryBySlug(db, data.categorySlug),
	]);
	if (!to)
		throw new BadRequestError('Choose a category.', {
			categorySlug: 'Choose one of the categories.',
		});
	if (to.id === topic.categoryId) return { url: topicPath(topic) };
	await db.transaction().execute(async (trx) => {
		await updateTopic(trx, topic.id, { categoryId: to.id });
		await recordModeration(trx, {
			actorId: staff.id,
			action: 'topic.move',
			targetType: 'topic',
			targetId: topic.id,
			details: `${topic.title}: from ${from?.name ?? '?'} to ${to.name}`,
		});
		await syncTopicSearch(trx, topic.id);
	});
	return { url: topicPath(topic) };
}

/**
 * Hides or unhides one post; counters, the search document and notifications follow.
 * @throws ForbiddenError, NotFoundError.
 */
export async function setPostHiddenByStaff(
	db: Db,
	viewer: Viewer,
	input: unknown,
): Promise<{ url: string }> {
	const staff = requireStaff(viewer);
	const data = parseInput(HidePostSchema, input);
	const post = await findPost(db, data.postId);
	if (!post) throw new NotFoundError('That post does not exist.');
	const topic = await requireTopic(db, post.topicId);
	if (post.hidden === data.hidden) return { url: postPath(post.id) };
	await db.transaction().execute(async (trx) => {
		await setPostHidden(trx, post.id, data.hidden);
		await recomputeTopicStats(trx, topic.id);
		await recordModeration(trx, {
			actorId: staff.id,
			action: data.hidden ? 'post.hide' : 'post.unhide',
			targetType: 'post',
			targetId: post.id,
			details: `in ${topic.title}`,
		});
		if (data.hidden)
			await retractNotifications(trx, postSubject(topic.id, post.id), { keepStaff: true });
		await syncTopicSearch(trx, topic.id);
	});
	return { url: postPath(post.id) };
}

export interface PostHistory {
	post: Post;
	topic: Topic;
	/** Earlier versions, oldest first; the current text is `post.body`. */
	revisions: PostRevision[];
}

/** A post with all its earlier versions. @throws ForbiddenError for non-staff; NotFoundError. */
export async function getPostHistory(db: Db, viewer: Viewer, postId: string): Promise<PostHistory> {
	requireStaff(viewer);
	const post = await findPostWithAuthor(db, requireUuid(postId));
	if (!post) throw new NotFoundError('That post does not exist.');
	const [topic, revisions] = await Promise.all([
		requireTopic(db, post.topicId),
		listRevisions(db, post.id),
	]);
	return { post, topic, revisions };
}

/** The moderation log, newest first. @throws ForbiddenError for non-staff. */
export async function readModerationLog(
	db: Db,
	viewer: Viewer,
	page: number,
	perPage = 50,
): Promise<{ items: ModerationLogItem[]; total: number; page: number; pageCount: number }> {
	requireStaff(viewer);
	const safePage = Math.max(1, Math.floor(page) || 1);
	const { items, total } = await listModerationLog(db, {
		limit: perPage,
		offset: (safePage - 1) * perPage,
	});
	return { items, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}
