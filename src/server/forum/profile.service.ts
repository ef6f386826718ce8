/**
 * Public profile pages: who someone is and what they wrote in the forum.
 */
import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { findUserByHandle } from '#server/users/users.repo.ts';
import { seesHidden, type Viewer } from './access.ts';
import { listPostsByAuthor } from './post-lists.repo.ts';
import { countTopics, listTopics, type TopicSummary } from './topic-lists.repo.ts';
import { excerpt } from '#lib/text.ts';
import { markdownToText } from '#server/markdown/text.ts';

export interface Profile {
	user: { handle: string; displayName: string; role: Role; joinedAt: Date };
	topicCount: number;
	topics: TopicSummary[];
	posts: {
		id: string;
		topicId: string;
		topicTitle: string;
		excerpt: string;
		createdAt: Date;
		hidden: boolean;
	}[];
}

const LIST_LIMIT = 20;

/**
 * A user's profile with their latest topics and replies the viewer may see. The email stays
 * private. @throws NotFoundError for unknown handles.
 */
export async function getProfile(db: Db, viewer: Viewer, handle: string): Promise<Profile> {
	const user = await findUserByHandle(db, handle);
	if (!user) throw new NotFoundError('Nobody has that handle.');
	const includeHidden = seesHidden(viewer);
	const filter = { authorId: user.id, includeHidden };
	const [topics, topicCount, posts] = await Promise.all([
		listTopics(db, filter, { limit: LIST_LIMIT, offset: 0, pinnedFirst: false }),
		countTopics(db, filter),
		listPostsByAuthor(db, user.id, { includeHidden, limit: LIST_LIMIT }),
	]);
	return {
		user: {
			handle: user.handle,
			displayName: user.displayName,
			role: user.role,
			joinedAt: user.createdAt,
		},
		topicCount,
		topics,
		posts: posts.map((p) => ({
			id: p.id,
			topicId: p.topicId,
			topicTitle: p.topicTitle,
			excerpt: excerpt(markdownToText(p.body), 180),
			createdAt: p.createdAt,
			hidden: p.hidden,
		})),
	};
}
