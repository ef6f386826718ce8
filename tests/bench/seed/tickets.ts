// 5,000 tickets across the customers, in every status and severity, half with a staff reply.
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Seeder } from './seeder.ts';
import { markdownBodies, SUBJECTS } from './text.ts';

const CATEGORIES = [
	'installation',
	'api-key',
	'admin-panel',
	'orders-payments',
	'catalog-translation',
	'design-templates',
	'other',
];
const STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed', 'closed', 'closed', 'resolved'];

export const ticketsSeeder: Seeder = {
	name: 'tickets',
	tables: ['tickets', 'ticket_messages'],
	async seed(db: Db, sizes) {
		const bodies = markdownBodies(20);
		await db.transaction().execute(async (trx) => {
			await sql`
				with customers as (select array_agg(id order by email) as ids from users where role = 'customer'),
					staff as (select array_agg(id) as ids from users where role = 'staff')
				insert into tickets (customer_id, subject, body, severity, category, status, assignee_id, first_response_due_at,
					resolution_due_at, first_responded_at, resolved_at, closed_at, created_at, last_activity_at)
				select customers.ids[1 + (n * 7) % array_length(customers.ids, 1)],
					'Problem with the ' || (${SUBJECTS}::text[])[1 + n % ${SUBJECTS.length}] || ' (' || n || ')',
					(${bodies}::text[])[1 + n % ${bodies.length}], 1 + n % 4, (${CATEGORIES}::text[])[1 + n % ${CATEGORIES.length}],
					s.status, case when n % 3 = 0 then null else staff.ids[1 + n % array_length(staff.ids, 1)] end,
					c.at + interval '4 hours', c.at + interval '5 days',
					case when s.status <> 'new' then c.at + interval '1 hour' end,
					case when s.status in ('resolved', 'closed') then c.at + interval '2 days' end,
					case when s.status = 'closed' then c.at + interval '9 days' end,
					c.at, c.at + interval '1 hour'
				from generate_series(1, ${sizes.tickets}) as n, customers, staff,
					lateral (select (${STATUSES}::text[])[1 + n % ${STATUSES.length}] as status) s,
					lateral (select now() - make_interval(hours => n * 3) as at) c`.execute(trx);
			await sql`
				with staff as (select array_agg(id) as ids from users where role = 'staff')
				insert into ticket_messages (ticket_id, author_id, body, internal, created_at)
				select t.id, staff.ids[1 + t.number % array_length(staff.ids, 1)], 'Thanks, we are looking into it.', false,
					t.created_at + interval '1 hour'
				from tickets t, staff where t.status <> 'new'`.execute(trx);
		});
		await sql`analyze tickets`.execute(db);
		await sql`analyze ticket_messages`.execute(db);
		return `${sizes.tickets} tickets`;
	},
};
