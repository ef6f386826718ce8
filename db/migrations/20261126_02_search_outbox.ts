import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('search_outbox')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('upsert', 'delete')`))
		.addColumn('payload', 'jsonb')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('processed_at', 'timestamptz')
		.execute();
	await sql`create index search_outbox_pending_idx on search_outbox (id) where processed_at is null`.execute(
		db,
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('search_outbox').execute();
}
