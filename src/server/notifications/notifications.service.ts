/**
 * In-site notifications, generic across domains (forum, tickets…): a row per recipient with a
 * title and a link. `subjectKey` names what a notification is about (`forum:topic:<id>:post:<id>`),
 * so a domain can retract notifications when their subject becomes invisible, or mark them read
 * when the person looks at it.
 */
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import { escapeLike } from '#lib/text.ts';

export interface NewNotification {
	userId: string;
	/** What happened, for icons and filters: `forum.reply`, `forum.mention`, `ticket.reply`… */
	kind: string;
	/** One line shown to the recipient; plain text. */
	title: string;
	/** Same-site path the notification opens (`/forum/p/<id>`). */
	url: string;
	subjectKey?: string | undefined;
}

export interface Notification {
	id: string;
	kind: string;
	title: string;
	url: string;
	createdAt: Date;
	readAt: Date | null;
}

/** Creates one notification. Call it inside the transaction of the change it reports. */
export async function notify(db: Db, notification: NewNotification): Promise<void> {
	await notifyMany(db, [notification]);
}

/** Creates several notifications in one statement. */
export async function notifyMany(db: Db, notifications: readonly NewNotification[]): Promise<void> {
	if (notifications.length === 0) return;
	await db
		.insertInto('notifications')
		.values(
			notifications.map((n) => ({
				user_id: n.userId,
				kind: n.kind,
				title: n.title.slice(0, 300),
				url: n.url,
				subject_key: n.subjectKey ?? null,
			})),
		)
		.execute();
}

/** Unread notifications of a user (one indexed count; the header shows it on every page). */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notifications')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** A user's notifications, newest first. */
export async function listNotifications(
	db: Db,
	userId: string,
	{ limit = 30, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<{ items: Notification[]; total: number }> {
	const [rows, count] = await Promise.all([
		db
			.selectFrom('notifications')
			.select(['id', 'kind', 'title', 'url', 'created_at', 'read_at'])
			.where('user_id', '=', userId)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(limit)
			.offset(offset)
			.execute(),
		db
			.selectFrom('notifications')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('user_id', '=', userId)
			.executeTakeFirst(),
	]);
	return {
		items: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			title: r.title,
			url: r.url,
			createdAt: new Date(r.created_at),
			readAt: r.read_at ? new Date(r.read_at) : null,
		})),
		total: Number(count?.n ?? 0),
	};
}

/** Marks one of the user's notifications read; someone else's id changes nothing. */
export async function markNotificationRead(db: Db, userId: string, id: string): Promise<void> {
	await db
		.updateTable('notifications')
		.set({ read_at: sql`now()` })
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.execute();
}

export async function markAllNotificationsRead(db: Db, userId: string): Promise<number> {
	const result = await db
		.updateTable('notifications')
		.set({ read_at: sql`now()` })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Marks read the user's unread notifications whose subject starts with `subjectPrefix`. */
export async function markSubjectRead(
	db: Db,
	userId: string,
	subjectPrefix: string,
): Promise<void> {
	await db
		.updateTable('notifications')
		.set({ read_at: sql`now()` })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.where('subject_key', 'like', `${escapeLike(subjectPrefix)}%`)
		.execute();
}

/**
 * Deletes notifications about a subject that became invisible (hidden, deleted), for everyone
 * or only for recipients who are not staff.
 */
export async function retractNotifications(
	db: Db,
	subjectPrefix: string,
	{ keepStaff = true }: { keepStaff?: boolean } = {},
): Promise<void> {
	let query = db
		.deleteFrom('notifications')
		.where('subject_key', 'like', `${escapeLike(subjectPrefix)}%`);
	if (keepStaff) {
		query = query.where('user_id', 'in', (eb) =>
			eb.selectFrom('users').select('id').where('role', 'not in', ['staff', 'admin']),
		);
	}
	await query.execute();
}
