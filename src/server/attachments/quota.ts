/**
 * Each account may store UPLOAD_LIMITS.monthlyBytes a calendar month (UTC); staff are not
 * limited (their usage is still counted). Usage only grows: removing a file gives nothing back,
 * so uploading and deleting cannot get round the limit.
 */
import { sql } from 'kysely';
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { TooManyRequestsError } from '#server/errors.ts';
import { messageRef } from '#i18n/message-ref.ts';
import { megabytes, UPLOAD_LIMITS } from './limits.ts';

export interface Usage {
	used: number;
	/** null: unlimited (staff). */
	limit: number | null;
}

function monthOf(at: Date): string {
	return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

function nextMonth(at: Date): Date {
	return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** What `user` stored this month and may store. */
export async function getUsage(db: Db, user: SessionUser, at: Date): Promise<Usage> {
	const row = await db
		.selectFrom('attachment_usage')
		.select('bytes')
		.where('user_id', '=', user.id)
		.where('month', '=', monthOf(at))
		.executeTakeFirst();
	return {
		used: Number(row?.bytes ?? 0),
		limit: isStaff(user) ? null : UPLOAD_LIMITS.monthlyBytes,
	};
}

/**
 * Counts `bytes` against `user`'s month (atomically: two uploads at once cannot both slip under
 * the limit). Run it in the transaction that stores the files, so a failed upload counts nothing.
 * @throws TooManyRequestsError, retry at the start of next month, when it would go over.
 */
export async function consumeQuota(
	db: Db,
	user: SessionUser,
	bytes: number,
	at: Date,
): Promise<void> {
	const limit = isStaff(user) ? Number.MAX_SAFE_INTEGER : UPLOAD_LIMITS.monthlyBytes;
	const month = monthOf(at);
	const result = await sql<{ bytes: string | number }>`
		insert into attachment_usage (user_id, month, bytes)
		select ${user.id}::uuid, ${month}::date, ${bytes}::bigint where ${bytes}::bigint <= ${limit}::bigint
		on conflict (user_id, month) do update set bytes = attachment_usage.bytes + excluded.bytes
			where attachment_usage.bytes + excluded.bytes <= ${limit}::bigint
		returning bytes`.execute(db);
	if (result.rows.length > 0) return;
	const { used } = await getUsage(db, user, at);
	const renews = nextMonth(at);
	throw new TooManyRequestsError(
		messageRef('attachments.errors.quota', {
			used: megabytes(used),
			limit: megabytes(limit),
			needed: megabytes(bytes),
		}),
		(renews.getTime() - at.getTime()) / 1000,
		{ attachments: messageRef('attachments.field.quota', { limit: megabytes(limit) }) },
	);
}
