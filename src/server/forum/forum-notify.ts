/**
 * Who hears about a new post: mentioned users, the topic's author and the topic's watchers, each
 * once (a mention beats a reply, a reply beats a watched topic), never the writer, and only
 * staff while the topic is hidden.
 */
import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';
import { extractMentions } from '#server/markdown/render.ts';
import { notifyMany, type NewNotification } from '#server/notifications/notifications.service.ts';
import { listWatchers } from './watches.repo.ts';
import { postPath, postSubject } from './urls.ts';

export const FORUM_NOTIFICATION_KINDS = {
	mention: 'forum.mention',
	reply: 'forum.reply',
	watched: 'forum.watched',
	accepted: 'forum.accepted',
} as const;

export interface MentionedUser {
	id: string;
	handle: string;
	role: Role;
}

const MAX_MENTIONS = 20;

/** Existing users mentioned in `body` (one query), at most 20. */
export async function findMentionedUsers(db: Db, body: string): Promise<MentionedUser[]> {
	const handles = [...new Set(extractMentions(body).map((h) => h.toLowerCase()))].slice(
		0,
		MAX_MENTIONS,
	);
	if (handles.length === 0) return [];
	const rows = await db
		.selectFrom('users')
		.select(['id', 'handle', 'role'])
		.where('handle', 'in', handles)
		.execute();
	return rows.map((r) => ({ id: r.id, handle: r.handle, role: r.role }));
}

interface PostEvent {
	topic: { id: string; title: string; authorId: string; hidden: boolean };
	post: { id: string; authorId: string; authorName: string };
	mentioned: readonly MentionedUser[];
	/** A reply notifies the topic's author and watchers; a new topic or an edit only mentions. */
	isReply: boolean;
}

const isStaffRole = (role: Role) => role === 'staff' || role === 'admin';

/** Queues the notifications for a new or edited post; call it in the post's transaction. */
export async function notifyAboutPost(trx: Db, event: PostEvent): Promise<void> {
	const { topic, post } = event;
	const recipients = new Map<string, { kind: string; role: Role | undefined }>();
	const add = (userId: string, kind: string, role: Role | undefined) => {
		if (userId !== post.authorId && !recipients.has(userId)) recipients.set(userId, { kind, role });
	};
	for (const user of event.mentioned) add(user.id, FORUM_NOTIFICATION_KINDS.mention, user.role);
	if (event.isReply) {
		add(topic.authorId, FORUM_NOTIFICATION_KINDS.reply, undefined);
		for (const watcher of await listWatchers(trx, topic.id))
			add(watcher.userId, FORUM_NOTIFICATION_KINDS.watched, watcher.role);
	}
	if (recipients.size === 0) return;
	let allowed = [...recipients.entries()];
	if (topic.hidden) {
		const roles = await rolesOf(
			trx,
			allowed.filter(([, r]) => r.role === undefined).map(([id]) => id),
		);
		allowed = allowed.filter(([id, r]) => isStaffRole(r.role ?? roles.get(id) ?? 'customer'));
	}
	const titles: Record<string, string> = {
		[FORUM_NOTIFICATION_KINDS.mention]: `${post.authorName} mentioned you in “${topic.title}”`,
		[FORUM_NOTIFICATION_KINDS.reply]: `${post.authorName} replied to your topic “${topic.title}”`,
		[FORUM_NOTIFICATION_KINDS.watched]: `${post.authorName} replied in “${topic.title}”`,
	};
	const notifications: NewNotification[] = allowed.map(([userId, { kind }]) => ({
		userId,
		kind,
		title: titles[kind] ?? topic.title,
		url: postPath(post.id),
		subjectKey: postSubject(topic.id, post.id),
	}));
	await notifyMany(trx, notifications);
}

async function rolesOf(db: Db, ids: readonly string[]): Promise<Map<string, Role>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('users')
		.select(['id', 'role'])
		.where('id', 'in', [...ids])
		.execute();
	return new Map(rows.map((r) => [r.id, r.role]));
}
