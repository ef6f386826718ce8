import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { requireVisiblePost, requireVisibleTopic, type Viewer } from './access.ts';
import { findPost, type PostRecord } from './posts.repo.ts';
import { findTopic, type Topic } from './topics.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything but a uuid is simply not found (and never reaches SQL). */
export function requireUuid(id: string, what = 'That post'): string {
	if (!UUID.test(id)) throw new NotFoundError(`${what} does not exist.`);
	return id;
}

/** @throws NotFoundError when the viewer may not see the topic. */
export async function loadVisibleTopic(db: Db, topicId: string, viewer: Viewer): Promise<Topic> {
	return requireVisibleTopic(await findTopic(db, requireUuid(topicId, 'That topic')), viewer);
}

/** The post and its topic. @throws NotFoundError when the viewer may not see the post. */
export async function loadVisiblePost(
	db: Db,
	postId: string,
	viewer: Viewer,
): Promise<{ post: PostRecord; topic: Topic }> {
	const post = await findPost(db, requireUuid(postId));
	const topic = post ? await findTopic(db, post.topicId) : undefined;
	return requireVisiblePost(post, topic, viewer);
}
