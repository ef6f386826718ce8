import type { Db } from '#server/db/client.ts';
import { requireVisiblePost, requireVisibleTopic, type Viewer } from './access.ts';
import { findPost, type PostRecord } from './posts.repo.ts';
import { findTopic, type Topic } from './topics.repo.ts';

/** @throws NotFoundError when the viewer may not see the topic. */
export async function loadVisibleTopic(db: Db, topicId: string, viewer: Viewer): Promise<Topic> {
	return requireVisibleTopic(await findTopic(db, topicId), viewer);
}

/** The post and its topic. @throws NotFoundError when the viewer may not see the post. */
export async function loadVisiblePost(db: Db, postId: string, viewer: Viewer): Promise<{ post: PostRecord; topic: Topic }> {
	const post = await findPost(db, postId);
	const topic = post ? await findTopic(db, post.topicId) : undefined;
	return requireVisiblePost(post, topic, viewer);
}
