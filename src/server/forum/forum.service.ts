/**
 * Reading the forum: the index, category and latest lists, topic pages and post permalinks.
 */
import { isStaff } from '#server/auth/guards.ts';
import { listPostFiles, type AttachmentView } from '#server/attachments/views.ts';
import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { markSubjectRead } from '#server/notifications/notifications.service.ts';
import { canAcceptAnswer, replyRefusal, seesHidden, type Viewer } from './access.ts';
import { listCategories, type Category } from './categories.repo.ts';
import { buildCategoryTree, listCategoryTree, type CategoryNode } from './categories.service.ts';
import { POSTS_PER_PAGE, TOPICS_PER_PAGE } from './forum.schema.ts';
import { loadVisiblePost, requireUuid } from './lookup.ts';
import {
	countPostsBefore,
	countTopicPosts,
	findPostWithAuthor,
	listTopicPosts,
	type Post,
} from './posts.repo.ts';
import { countTopicsPerCategory, listTopics, type TopicSummary } from './topic-lists.repo.ts';
import { findTopicDetail, type TopicDetail } from './topics.repo.ts';
import { postAnchor, topicPath, topicSubject } from './urls.ts';
import { recordTopicView } from './view-counter.ts';

export interface Paged<T> {
	items: T[];
	page: number;
	pageCount: number;
	total: number;
}

function pageOf(requested: number | undefined): number {
	return Math.max(1, Math.min(10_000, Math.floor(requested ?? 1) || 1));
}

/**
 * A page of topics in `categoryIds` (all when undefined). The total comes from the per-category
 * counts (one index-only scan), which the forum index also shows: pass them when already read.
 */
async function pagedTopics(
	db: Db,
	viewer: Viewer,
	categoryIds: string[] | undefined,
	requested: number | undefined,
	counts?: Map<string, number>,
): Promise<Paged<TopicSummary>> {
	const filter = { categoryIds, includeHidden: seesHidden(viewer) };
	const page = pageOf(requested);
	const [items, perCategory] = await Promise.all([
		listTopics(db, filter, { limit: TOPICS_PER_PAGE, offset: (page - 1) * TOPICS_PER_PAGE }),
		counts ?? countTopicsPerCategory(db, filter.includeHidden, categoryIds),
	]);
	const total = categoryIds
		? categoryIds.reduce((sum, id) => sum + (perCategory.get(id) ?? 0), 0)
		: [...perCategory.values()].reduce((sum, n) => sum + n, 0);
	return { items, page, total, pageCount: Math.max(1, Math.ceil(total / TOPICS_PER_PAGE)) };
}

/** Latest topics across all categories, pinned first. */
export function listLatestTopics(
	db: Db,
	viewer: Viewer,
	page?: number,
): Promise<Paged<TopicSummary>> {
	return pagedTopics(db, viewer, undefined, page);
}

export interface CategoryPage {
	category: Category;
	parent: Category | null;
	children: CategoryNode[];
	topics: Paged<TopicSummary>;
}

/** A category's topics, including its sub-categories' topics. @throws NotFoundError */
export async function getCategoryPage(
	db: Db,
	viewer: Viewer,
	slug: string,
	page?: number,
): Promise<CategoryPage> {
	const categories = await listCategories(db);
	const category = categories.find((c) => c.slug === slug);
	if (!category) throw new NotFoundError('That category does not exist.');
	const tree = buildCategoryTree(categories);
	const children = tree.find((n) => n.id === category.id)?.children ?? [];
	const parent = category.parentId
		? (categories.find((c) => c.id === category.parentId) ?? null)
		: null;
	const topics = await pagedTopics(db, viewer, [category.id, ...children.map((c) => c.id)], page);
	return { category, parent, children, topics };
}

export interface PostView extends Post {
	isFirst: boolean;
	isAccepted: boolean;
	/** Soft-deleted: shown as removed (text only for staff). */
	removed: boolean;
	canEdit: boolean;
	canDelete: boolean;
	/** Its files (none for a removed post unless the viewer is staff). */
	files: AttachmentView[];
}

export interface TopicPage {
	topic: TopicDetail;
	posts: PostView[];
	/** The accepted answer, shown near the top (also when it is on another page). */
	accepted: PostView | null;
	page: number;
	pageCount: number;
	/** Why the viewer cannot reply, if they cannot. */
	replyRefusal: string | undefined;
	canAccept: boolean;
	canModerate: boolean;
}

function toView(
	post: Post,
	topic: TopicDetail,
	viewer: Viewer,
	files: ReadonlyMap<string, AttachmentView[]>,
): PostView {
	const removed = post.deletedAt !== null;
	const own = !!viewer && viewer.id === post.author.id;
	const redact = removed && !seesHidden(viewer);
	return {
		...post,
		body: redact ? '' : post.body,
		html: redact ? '' : post.html,
		isFirst: post.id === topic.firstPostId,
		isAccepted: post.id === topic.acceptedPostId,
		removed,
		canEdit: own && !removed && (!topic.locked || isStaff(viewer)),
		canDelete: own && !removed,
		files: files.get(post.id) ?? [],
	};
}

/**
 * A page of a topic for the viewer; counts the view and marks the viewer's notifications about
 * the topic read. About four queries whatever the page size.
 * @throws NotFoundError for topics the viewer may not see.
 */
export async function getTopicPage(
	db: Db,
	viewer: Viewer,
	topicId: string,
	options: { page?: number | undefined; visitorKey?: string | undefined } = {},
): Promise<TopicPage> {
	const topic = await findTopicDetail(db, requireUuid(topicId, 'That topic'), viewer?.id ?? null);
	const staff = seesHidden(viewer);
	if (!topic || (!staff && (topic.hidden || topic.deletedAt)))
		throw new NotFoundError('That topic does not exist or was removed.');
	const total = staff ? await countTopicPosts(db, topic.id) : topic.visiblePostCount;
	const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
	const page = Math.min(pageOf(options.page), pageCount);
	const [posts, acceptedPost] = await Promise.all([
		listTopicPosts(db, topic.id, {
			includeHidden: staff,
			limit: POSTS_PER_PAGE,
			offset: (page - 1) * POSTS_PER_PAGE,
		}),
		topic.acceptedPostId ? findPostWithAuthor(db, topic.acceptedPostId) : undefined,
		options.visitorKey ? recordTopicView(db, topic.id, options.visitorKey) : undefined,
		viewer ? markSubjectRead(db, viewer.id, topicSubject(topic.id)) : undefined,
	]);
	const files = await listPostFiles(db, viewer, acceptedPost ? [...posts, acceptedPost] : posts);
	const accepted =
		acceptedPost && !acceptedPost.deletedAt && (!acceptedPost.hidden || staff)
			? toView(acceptedPost, topic, viewer, files)
			: null;
	return {
		topic,
		posts: posts.map((p) => toView(p, topic, viewer, files)),
		accepted,
		page,
		pageCount,
		replyRefusal: replyRefusal(topic, viewer),
		canAccept: canAcceptAnswer(topic, viewer),
		canModerate: staff,
	};
}

/** `/forum/t/<topic>?page=N#post-<id>` for a post. @throws NotFoundError */
export async function locatePost(db: Db, viewer: Viewer, postId: string): Promise<string> {
	const { post, topic } = await loadVisiblePost(db, postId, viewer);
	const before = await countPostsBefore(db, post, seesHidden(viewer));
	return `${topicPath(topic, Math.floor(before / POSTS_PER_PAGE) + 1)}#${postAnchor(post.id)}`;
}

/** The forum's front page: the category tree and the latest topics. */
export async function getForumIndex(
	db: Db,
	viewer: Viewer,
	page?: number,
): Promise<{ categories: CategoryNode[]; latest: Paged<TopicSummary> }> {
	const counts = await countTopicsPerCategory(db, seesHidden(viewer));
	const [categories, latest] = await Promise.all([
		listCategoryTree(db, viewer, counts),
		pagedTopics(db, viewer, undefined, page, counts),
	]);
	return { categories, latest };
}
