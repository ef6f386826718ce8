/**
 * The moderation log: everything staff do to other people's content, readable by staff.
 */
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';

export interface ModerationEntry {
	actorId: string;
	/** `topic.pin`, `topic.hide`, `post.hide`, `category.update`… */
	action: string;
	targetType: string;
	targetId: string;
	/** One human-readable line: the topic title, "from General to Integrations"… */
	details?: string;
}

export interface ModerationLogItem {
	id: string;
	action: string;
	targetType: string;
	targetId: string;
	details: string;
	createdAt: Date;
	actor: { handle: string; displayName: string } | null;
}

/** Records a moderation action; call it in the transaction of the action. */
export async function recordModeration(db: Db, entry: ModerationEntry): Promise<void> {
	await db
		.insertInto('moderation_log')
		.values({
			actor_id: entry.actorId,
			action: entry.action,
			target_type: entry.targetType,
			target_id: entry.targetId,
			details: (entry.details ?? '').slice(0, 1000),
		})
		.execute();
}

/** Newest first, with the actor's name (one query plus a count). */
export async function listModerationLog(
	db: Db,
	{ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<{ items: ModerationLogItem[]; total: number }> {
	const [rows, count] = await Promise.all([
		db
			.selectFrom('moderation_log as m')
			.leftJoin('users as u', 'u.id', 'm.actor_id')
			.select([
				'm.id',
				'm.action',
				'm.target_type',
				'm.target_id',
				'm.details',
				'm.created_at',
				'u.handle',
				'u.display_name',
			])
			.orderBy('m.created_at', 'desc')
			.orderBy('m.id', 'desc')
			.limit(limit)
			.offset(offset)
			.execute(),
		db
			.selectFrom('moderation_log')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirst(),
	]);
	return {
		items: rows.map((r) => ({
			id: r.id,
			action: r.action,
			targetType: r.target_type,
			targetId: r.target_id,
			details: r.details,
			createdAt: new Date(r.created_at),
			actor: r.handle && r.display_name ? { handle: r.handle, displayName: r.display_name } : null,
		})),
		total: Number(count?.n ?? 0),
	};
}
