/**
 * Who may see and do what in the forum. One place, so lists, pages, endpoints, notifications and
 * the search index apply the same rules.
 */
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { ForbiddenError, NotFoundError } from '#server/errors.ts';
import type { PostRecord } from './posts.repo.ts';
import type { Topic } from './topics.repo.ts';

export type Viewer = SessionUser | null;

/** Staff see hidden topics and posts and deleted posts' text; everyone else does not. */
export function seesHidden(viewer: Viewer): boolean {
	return isStaff(viewer);
}

export function topicVisibleTo(
	topic: Pick<Topic, 'hidden' | 'deletedAt'>,
	viewer: Viewer,
): boolean {
	return seesHidden(viewer) || (!topic.hidden && topic.deletedAt === null);
}

/** @throws NotFoundError when the viewer may not see the topic (never reveal that it exists). */
export function requireVisibleTopic<T extends Pick<Topic, 'hidden' | 'deletedAt'>>(
	topic: T | undefined,
	viewer: Viewer,
): T {
	if (!topic || !topicVisibleTo(topic, viewer))
		throw new NotFoundError('That topic does not exist or was removed.');
	return topic;
}

/** @throws NotFoundError when the viewer may not see the post. */
export function requireVisiblePost(
	post: PostRecord | undefined,
	topic: Topic | undefined,
	viewer: Viewer,
): { post: PostRecord; topic: Topic } {
	if (!post || !topic || !topicVisibleTo(topic, viewer) || (post.hidden && !seesHidden(viewer))) {
		throw new NotFoundError('That post does not exist or was removed.');
	}
	return { post, topic };
}

/** Author of the topic or staff. */
export function canAcceptAnswer(topic: Pick<Topic, 'authorId'>, viewer: Viewer): boolean {
	return !!viewer && (viewer.id === topic.authorId || isStaff(viewer));
}

/** @throws ForbiddenError unless the viewer is staff. */
export function requireStaff(viewer: Viewer): SessionUser {
	if (!viewer || !isStaff(viewer)) throw new ForbiddenError('Only staff can moderate the forum.');
	return viewer;
}

/**
 * Why the viewer cannot reply, or undefined when they can. Locked topics refuse everyone but
 * staff (staff may still add a closing note).
 */
export function replyRefusal(
	topic: Pick<Topic, 'locked' | 'hidden' | 'deletedAt'>,
	viewer: Viewer,
): string | undefined {
	if (!viewer) return 'Log in to reply.';
	if (topic.deletedAt) return 'This topic was deleted; it takes no replies.';
	if (topic.locked && !isStaff(viewer)) return 'This topic is locked: it takes no new replies.';
	return undefined;
}
