import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import { selectTickets, toTicket, type Ticket } from './tickets.repo.ts';
import { ACTIVE_STATUSES, type QueueFilter } from './tickets.schema.ts';

export interface QueueRow {
	ticket: Ticket;
	customer: { id: string; displayName: string; email: string };
	assignee: { id: string; displayName: string } | null;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * One page of the staff queue in one query (customer and assignee joined, no per-row lookups):
 * tickets still awaiting a first response first, by first-response due time; then the others
 * by resolution due time.
 */
export async function listQueueRows(
	db: Db,
	filter: QueueFilter,
	at: Date,
	page: { limit: number; offset: number },
): Promise<{ rows: QueueRow[]; total: number }> {
	let base = selectTickets(db)
		.innerJoin('users as c', 'c.id', 't.customer_id')
		.leftJoin('users as a', 'a.id', 't.assignee_id');
	if (filter.status === 'active') base = base.where('t.status', 'in', [...ACTIVE_STATUSES]);
	else if (filter.status !== 'all') base = base.where('t.status', '=', filter.status);
	if (filter.severity !== undefined) base = base.where('t.severity', '=', filter.severity);
	if (filter.category !== undefined) base = base.where('t.category', '=', filter.category);
	if (filter.assignee === 'none') base = base.where('t.assignee_id', 'is', null);
	else if (filter.assignee !== undefined) base = base.where('t.assignee_id', '=', filter.assignee);
	if (filter.overdue) {
		base = base.where((eb) =>
			eb.and([
				eb('t.status', 'in', [...ACTIVE_STATUSES]),
				eb.or([
					eb.and([eb('t.first_responded_at', 'is', null), eb('t.first_response_due_at', '<', at)]),
					eb('t.resolution_due_at', '<', at),
				]),
			]),
		);
	}
	if (filter.q) {
		const q = filter.q;
		const like = `%${escapeLike(q)}%`;
		const number = /^#?(\d{1,9})$/.exec(q)?.[1];
		base = base.where((eb) => {
			const matches: Expression<SqlBool>[] = [
				eb('t.subject', 'ilike', like),
				eb('t.body', 'ilike', like),
				eb.exists(
					eb
						.selectFrom('ticket_messages as m')
						.select(sql`1`.as('one'))
						.whereRef('m.ticket_id', '=', 't.id')
						.where('m.body', 'ilike', like),
				),
				eb('c.email', 'ilike', like),
				eb('c.display_name', 'ilike', like),
			];
			if (number) matches.push(eb('t.number', '=', Number(number)));
			return eb.or(matches);
		});
	}
	// NOTE: the total rides along with the page (a window count over the same scan) instead of a
	// second query over the same joins; only a page past the end needs its own count.
	const rows = await base
		.select([
			'c.id as customer_id_',
			'c.display_name as customer_name',
			'c.email as customer_email',
			'a.id as assignee_id_',
			'a.display_name as assignee_name',
			sql<number>`count(*) over ()::int`.as('total_'),
		])
		.orderBy(
			sql`case when t.first_responded_at is null and t.status in ('new', 'open', 'waiting') then 0 else 1 end`,
		)
		.orderBy(
			sql`case when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end`,
		)
		.orderBy('t.number')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
	const count =
		rows[0] !== undefined
			? { n: rows[0].total_ }
			: await db
					.selectFrom(base.as('q'))
					.select(sql<number>`count(*)::int`.as('n'))
					.executeTakeFirstOrThrow();
	return {
		total: Number(count.n),
		rows: rows.map((row) => ({
			ticket: toTicket(row),
			customer: { id: row.customer_id_, displayName: row.customer_name, email: row.customer_email },
			assignee:
				row.assignee_id_ && row.assignee_name
					? { id: row.assignee_id_, displayName: row.assignee_name }
					: null,
		})),
	};
}
