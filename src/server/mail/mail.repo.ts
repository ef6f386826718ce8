import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	html: string | null;
	createdAt: Date;
	sentAt: Date | null;
	attempts: number;
	lastError: string | null;
}

export interface NewMail {
	to: string;
	subject: string;
	text: string;
	html?: string | undefined;
}

type Row = {
	id: string;
	recipient: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	created_at: Date | string;
	sent_at: Date | string | null;
	attempts: number;
	last_error: string | null;
};

function toMail(row: Row): OutboxMail {
	return {
		id: row.id,
		to: row.recipient,
		subject: row.subject,
		text: row.text_body,
		html: row.html_body,
		createdAt: new Date(row.created_at),
		sentAt: row.sent_at === null ? null : new Date(row.sent_at),
		attempts: Number(row.attempts),
		lastError: row.last_error,
	};
}

const COLUMNS = [
	'id',
	'recipient',
	'subject',
	'text_body',
	'html_body',
	'created_at',
	'sent_at',
	'attempts',
	'last_error',
] as const;

export async function insertMail(db: Db, mail: NewMail): Promise<string> {
	const row = await db
		.insertInto('mail_outbox')
		.values({
			recipient: mail.to,
			subject: mail.subject,
			text_body: mail.text,
			html_body: mail.html ?? null,
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Claims up to `limit` deliverable messages: unsent, under `maxAttempts`, not leased by another
 * instance. The claim counts an attempt and leases the rows for `leaseSeconds`.
 */
export async function claimPendingMail(
	db: Db,
	{
		limit,
		maxAttempts,
		leaseSeconds,
	}: { limit: number; maxAttempts: number; leaseSeconds: number },
): Promise<OutboxMail[]> {
	const result = await sql<Row>`
		update mail_outbox set attempts = attempts + 1,
			next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
		where id in (
			select id from mail_outbox
			where sent_at is null and attempts < ${maxAttempts} and next_attempt_at <= now()
			order by created_at
			limit ${limit}
			for update skip locked
		)
		returning id, recipient, subject, text_body, html_body, created_at, sent_at, attempts, last_error`.execute(
		db,
	);
	return result.rows.map(toMail).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function markSent(db: Db, id: string): Promise<void> {
	await db
		.updateTable('mail_outbox')
		.set({ sent_at: sql`now()`, last_error: null })
		.where('id', '=', id)
		.execute();
}

export async function markFailed(
	db: Db,
	id: string,
	error: string,
	retryInSeconds: number,
): Promise<void> {
	await db
		.updateTable('mail_outbox')
		.set({
			last_error: error.slice(0, 1000),
			next_attempt_at: sql`now() + make_interval(secs => ${retryInSeconds})`,
		})
		.where('id', '=', id)
		.execute();
}

export async function listOutbox(
	db: Db,
	{ limit, offset, to }: { limit: number; offset: number; to?: string | undefined },
): Promise<{ mails: OutboxMail[]; total: number }> {
	let base = db.selectFrom('mail_outbox');
	if (to) base = base.where('recipient', 'ilike', `%${to.replace(/[\\%_]/g, '\\$&')}%`);
	const [rows, count] = await Promise.all([
		base
			.select(COLUMNS)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(limit)
			.offset(offset)
			.execute(),
		base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
	]);
	return { mails: rows.map(toMail), total: Number(count.n) };
}

export async function findMail(db: Db, id: string): Promise<OutboxMail | undefined> {
	const row = await db
		.selectFrom('mail_outbox')
		.select(COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toMail(row);
}
