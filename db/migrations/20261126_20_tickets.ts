import { type Kysely, sql } from 'kysely';

// NOTE: frozen once merged. The category and status lists are copied here on purpose
// (migrations never import app code); the app's lists live in src/server/tickets/tickets.schema.ts.
const CATEGORIES = [
	'installation',
	'api-key',
	'admin-panel',
	'orders-payments',
	'catalog-translation',
	'design-templates',
	'other',
];
const STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'];

function list(values: string[]) {
	return sql.join(values.map((v) => sql.lit(v)));
}

export async function up(db: Kysely<any>): Promise<void> {
	// Human ticket numbers (#1001, #1002, ...), separate from the uuid key.
	await sql`create sequence tickets_number_seq start with 1001`.execute(db);

	await db.schema
		.createTable('tickets')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('number', 'integer', (c) =>
			c
				.notNull()
				.unique()
				.defaultTo(sql`nextval('tickets_number_seq')`),
		)
		.addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('severity', 'smallint', (c) => c.notNull().check(sql`severity between 1 and 4`))
		.addColumn('category', 'text', (c) => c.notNull().check(sql`category in (${list(CATEGORIES)})`))
		.addColumn('site_url', 'text')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('new')
				.check(sql`status in (${list(STATUSES)})`),
		)
		.addColumn('assignee_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('first_response_due_at', 'timestamptz', (c) => c.notNull())
		.addColumn('resolution_due_at', 'timestamptz', (c) => c.notNull())
		.addColumn('first_responded_at', 'timestamptz')
		.addColumn('resolved_at', 'timestamptz')
		.addColumn('closed_at', 'timestamptz')
		.addColumn('possible_duplicate_of', 'uuid', (c) =>
			c.references('tickets.id').onDelete('set null'),
		)
		.addColumn('merged_into', 'uuid', (c) => c.references('tickets.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_activity_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await sql`alter sequence tickets_number_seq owned by tickets.number`.execute(db);
	await db.schema
		.createIndex('tickets_customer_idx')
		.on('tickets')
		.columns(['customer_id', 'last_activity_at'])
		.execute();
	await db.schema
		.createIndex('tickets_queue_idx')
		.on('tickets')
		.columns(['status', 'first_response_due_at'])
		.execute();
	await sql`create index tickets_subject_trgm_idx on tickets using gin (subject public.gin_trgm_ops)`.execute(
		db,
	);

	await db.schema
		.createTable('ticket_messages')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
		// null: a notice written by the system (merge, for example)
		.addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('internal', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('merged_from', 'integer')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('ticket_messages_ticket_idx')
		.on('ticket_messages')
		.columns(['ticket_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('ticket_events')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
		.addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('ticket_events_ticket_idx')
		.on('ticket_events')
		.columns(['ticket_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('mail_outbox')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		// A lease while one instance delivers, then the back-off after a failure.
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index mail_outbox_pending_idx on mail_outbox (next_attempt_at) where sent_at is null`.execute(
		db,
	);
	await db.schema
		.createIndex('mail_outbox_created_idx')
		.on('mail_outbox')
		.column('created_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail_outbox').execute();
	await db.schema.dropTable('ticket_events').execute();
	await db.schema.dropTable('ticket_messages').execute();
	await db.schema.dropTable('tickets').execute();
}
