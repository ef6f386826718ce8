import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import { ACTIVE_STATUSES, type TicketStatus } from './tickets.schema.ts';

/**
 * "This looks like #123, still open": the customer's own open tickets that resemble what they
 * are typing, by pg_trgm similarity. Only ever the caller's own tickets.
 */

export interface SimilarTicket {
	id: string;
	number: number;
	subject: string;
	status: TicketStatus;
	createdAt: Date;
	/** 0..1, higher is more alike. */
	score: number;
}

/** Shown as "looks like" while typing. */
export const SHOW_THRESHOLD = 0.3;
/** Stored as `possible_duplicate_of` when the customer submits anyway. */
export const DUPLICATE_THRESHOLD = 0.45;
/** Texts shorter than this say too little to compare. */
const MIN_TEXT = 4;
const BODY_PREFIX = 2_000;

/**
 * The caller's open tickets most like `subject` (and `text`, the description), best first.
 * `subject` weighs most: customers repeat the subject when they repeat a question.
 */
export async function listSimilarOwnTickets(
	db: Db,
	customerId: string,
	input: { subject?: string | undefined; text?: string | undefined },
	options: { limit?: number; threshold?: number; excludeId?: string } = {},
): Promise<SimilarTicket[]> {
	const subject = (input.subject ?? '').trim().slice(0, 200);
	const text = (input.text ?? '').trim().slice(0, BODY_PREFIX);
	const combined = `${subject} ${text}`.trim();
	if (combined.length < MIN_TEXT) return [];
	const subjectQuery = subject.length >= MIN_TEXT ? subject : combined;
	const score = sql<number>`greatest(
		similarity(t.subject, ${subjectQuery}),
		word_similarity(t.subject, ${combined}) * 0.9,
		similarity(left(t.subject || ' ' || t.body, ${BODY_PREFIX}), ${combined}) * 0.9
	)`;
	let query = db
		.selectFrom('tickets as t')
		.select(['t.id', 't.number', 't.subject', 't.status', 't.created_at', score.as('score')])
		.where('t.customer_id', '=', customerId)
		.where('t.status', 'in', [...ACTIVE_STATUSES])
		.where('t.merged_into', 'is', null);
	if (options.excludeId) query = query.where('t.id', '!=', options.excludeId);
	const rows = await db
		.selectFrom(query.as('s'))
		.selectAll()
		.where('s.score', '>=', options.threshold ?? SHOW_THRESHOLD)
		.orderBy('s.score', 'desc')
		.orderBy('s.number', 'desc')
		.limit(options.limit ?? 5)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		number: Number(row.number),
		subject: row.subject,
		status: row.status as TicketStatus,
		createdAt: new Date(row.created_at),
		score: Number(row.score),
	}));
}

/** The open ticket a new one most likely repeats, if any is alike enough. */
export async function findLikelyDuplicate(
	db: Db,
	customerId: string,
	input: { subject: string; text: string },
): Promise<SimilarTicket | undefined> {
	const [best] = await listSimilarOwnTickets(db, customerId, input, {
		limit: 1,
		threshold: DUPLICATE_THRESHOLD,
	});
	return best;
}
