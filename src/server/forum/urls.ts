/** Paths of forum pages; pages, notifications and the search index all build links here. */

const UUID_TAIL = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A readable ASCII slug of a title ("How to change the checkout button?" → "how-to-change-the-checkout-button"). */
export function slugify(title: string): string {
	return title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/** `/forum/t/<slug>-<id>`; the slug is decoration, the id decides. */
export function topicPath(topic: { id: string; title: string }, page = 1): string {
	const slug = slugify(topic.title);
	const base = `/forum/t/${slug ? `${slug}-` : ''}${topic.id}`;
	return page > 1 ? `${base}?page=${page}` : base;
}

/** The topic id at the end of a `/forum/t/<param>` route parameter, or undefined. */
export function topicIdFromParam(param: string | undefined): string | undefined {
	return param ? UUID_TAIL.exec(param)?.[1]?.toLowerCase() : undefined;
}

export function postPath(postId: string): string {
	return `/forum/p/${postId}`;
}

export function postAnchor(postId: string): string {
	return `post-${postId}`;
}

export function categoryPath(slug: string, page = 1): string {
	return page > 1 ? `/forum/c/${slug}?page=${page}` : `/forum/c/${slug}`;
}

export function profilePath(handle: string): string {
	return `/u/${encodeURIComponent(handle)}`;
}

export function newTopicPath(params: { category?: string; title?: string } = {}): string {
	const query = new URLSearchParams();
	if (params.category) query.set('category', params.category);
	if (params.title) query.set('title', params.title);
	const text = query.toString();
	return text ? `/forum/new?${text}` : '/forum/new';
}

/** Subject keys for notifications about forum content (see notifications.service.ts). */
export function topicSubject(topicId: string): string {
	return `forum:topic:${topicId}:`;
}

export function postSubject(topicId: string, postId: string): string {
	return `forum:topic:${topicId}:post:${postId}`;
}
