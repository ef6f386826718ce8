import { sql } from 'kysely';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';
import { createTopic, replyToTopic } from '#server/forum/posting.service.ts';
import { clearRateLimit } from '#server/rate-limit/rate-limit.ts';
import { asSessionUser, makeUser } from './factories.ts';

let counter = 0;
const tag = () => `${Date.now().toString(36)}-${(counter += 1)}`;

/** A user as the session sees them; `ageDays` back-dates the account (default 30 days). */
export async function makeForumUser(
	db: Db,
	role: Role = 'customer',
	{ ageDays = 30, displayName }: { ageDays?: number; displayName?: string } = {},
): Promise<SessionUser> {
	const user = await makeUser(db, { role, ...(displayName ? { displayName } : {}) });
	const createdAt = new Date(Date.now() - ageDays * 24 * 60 * 60 * 1000);
	await db
		.updateTable('users')
		.set({ created_at: sql`${createdAt.toISOString()}::timestamptz` as never })
		.where('id', '=', user.id)
		.execute();
	return asSessionUser({ ...user, createdAt });
}

/** Starts a topic without counting against the author's posting rate. */
export async function makeTopic(
	db: Db,
	author: SessionUser,
	overrides: Partial<{ categorySlug: string; title: string; body: string }> = {},
) {
	const written = await createTopic(db, author, {
		categorySlug: overrides.categorySlug ?? 'general',
		title: overrides.title ?? `A question about storefronts ${tag()}`,
		body: overrides.body ?? 'How do I change this?',
	});
	await clearRateLimit(db, `forum:post:${author.id}`);
	return written;
}

/** Replies without counting against the author's posting rate. */
export async function makeReply(
	db: Db,
	author: SessionUser,
	topicId: string,
	body = `A reply ${tag()}`,
) {
	const written = await replyToTopic(db, author, { topicId, body });
	await clearRateLimit(db, `forum:post:${author.id}`);
	return written;
}

/** Notifications of a user, newest first, as plain rows. */
export async function notificationsOf(db: Db, userId: string) {
	return db
		.selectFrom('notifications')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** Outbox rows for a topic, oldest first. */
export async function outboxOf(db: Db, topicId: string) {
	return db
		.selectFrom('search_outbox')
		.selectAll()
		.where('kind', '=', 'topic')
		.where('source_id', '=', topicId)
		.orderBy('id')
		.execute();
}
