/**
 * What participants do to a topic besides posting: accept an answer, watch it, quote a post.
 */
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '#server/errors.ts';
import { recordModeration } from '#server/moderation/moderation-log.ts';
import { notify } from '#server/notifications/notifications.service.ts';
import { canAcceptAnswer, seesHidden, type Viewer } from './access.ts';
import { AcceptAnswerSchema, parseInput, WatchSchema } from './forum.schema.ts';
import { FORUM_NOTIFICATION_KINDS } from './forum-notify.ts';
import { loadVisiblePost, loadVisibleTopic } from './lookup.ts';
import { findPost, findPostWithAuthor } from './posts.repo.ts';
import { updateTopic } from './topics.repo.ts';
import { setWatching } from './watches.repo.ts';
import { escapeMarkdownInline } from '#lib/text.ts';
import { postPath, postSubject, topicPath } from './urls.ts';

/**
 * Marks a reply as the topic's accepted answer (or clears it when `postId` is empty). The
 * answer's author is notified; staff acting on someone else's topic is logged.
 * @throws NotFoundError; ForbiddenError unless the user wrote the topic or is staff;
 * BadRequestError for the first post, a removed post or a post of another topic.
 */
export async function acceptAnswer(
	db: Db,
	user: SessionUser,
	input: unknown,
): Promise<{ url: string }> {
	const data = parseInput(AcceptAnswerSchema, input);
	const topic = await loadVisibleTopic(db, data.topicId, user);
	if (!canAcceptAnswer(topic, user))
		throw new ForbiddenError('Only the author of the topic or staff can accept an answer.');
	const url = topicPath(topic);
	if ((data.postId ?? null) === topic.acceptedPostId) return { url };
	const post = data.postId ? await findPost(db, data.postId) : undefined;
	if (data.postId) {
		if (!post || post.topicId !== topic.id)
			throw new NotFoundError('That reply is not in this topic.');
		if (post.id === topic.firstPostId)
			throw new BadRequestError('The question itself cannot be its answer: accept a reply.');
		if (post.deletedAt || post.hidden)
			throw new BadRequestError('That reply was removed; accept another one.');
	}
	await db.transaction().execute(async (trx) => {
		await updateTopic(trx, topic.id, { acceptedPostId: post?.id ?? null });
		if (post && post.authorId !== user.id) {
			await notify(trx, {
				userId: post.authorId,
				kind: FORUM_NOTIFICATION_KINDS.accepted,
				title: `Your answer in “${topic.title}” was accepted`,
				url: postPath(post.id),
				subjectKey: postSubject(topic.id, post.id),
			});
		}
		if (isStaff(user) && user.id !== topic.authorId) {
			await recordModeration(trx, {
				actorId: user.id,
				action: post ? 'topic.accept' : 'topic.unaccept',
				targetType: 'topic',
				targetId: topic.id,
				details: post ? `${topic.title} (answer ${post.id})` : topic.title,
			});
		}
	});
	return { url: post ? postPath(post.id) : url };
}

/** Starts or stops watching a topic. @throws NotFoundError */
export async function setTopicWatch(
	db: Db,
	user: SessionUser,
	input: unknown,
): Promise<{ watching: boolean; url: string }> {
	const data = parseInput(WatchSchema, input);
	const topic = await loadVisibleTopic(db, data.topicId, user);
	await setWatching(db, user.id, topic.id, data.watch);
	return { watching: data.watch, url: topicPath(topic) };
}

/**
 * A post as a Markdown quote with attribution, to start a reply with.
 * @throws NotFoundError for posts the viewer cannot see or that were deleted.
 */
export async function quotePost(db: Db, viewer: Viewer, postId: string): Promise<string> {
	await loadVisiblePost(db, postId, viewer);
	const post = await findPostWithAuthor(db, postId);
	if (!post || (post.deletedAt && !seesHidden(viewer)))
		throw new NotFoundError('That post does not exist or was removed.');
	const quoted = post.body
		.split('\n')
		.map((line) => (line ? `> ${line}` : '>'))
		.join('\n');
	return `[${escapeMarkdownInline(post.author.displayName)} wrote](${postPath(post.id)}):\n${quoted}\n\n`;
}
