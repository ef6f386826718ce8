import { type Kysely, sql } from 'kysely';

// Search: the built-in full-text index, its typo vocabulary, the external engine's outbox
// progress, sync state, and the suggestion/search analytics.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('search_documents')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('section', 'text')
		.addColumn('section_label', 'text')
		.addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull())
		.addColumn('indexed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Everything, for matching; and a small vector (title, tags, section, start of the body) for ranking.
		.addColumn('tsv', sql`tsvector`, (c) => c.notNull())
		.addColumn('rank_tsv', sql`tsvector`, (c) => c.notNull())
		.addPrimaryKeyConstraint('search_documents_pk', ['kind', 'source_id'])
		.execute();
	// NOTE: fastupdate off: PGlite has no autovacuum to merge GIN pending lists, and scanning a
	// long pending list made searches 50x slower. Writes come from the outbox worker, not users.
	await sql`create index search_documents_tsv_idx on search_documents using gin (tsv) with (fastupdate = off)`.execute(
		db,
	);
	// Manuals and hints are few but long: matching them through their own index never reads
	// (detoasts) a whole manual's vector.
	await sql`create index search_documents_curated_tsv_idx on search_documents using gin (tsv) with (fastupdate = off) where kind in ('manual', 'hint')`.execute(
		db,
	);
	await sql`create index search_documents_rank_tsv_idx on search_documents using gin (rank_tsv) with (fastupdate = off)`.execute(
		db,
	);
	await sql`create index search_documents_section_idx on search_documents (kind, section)`.execute(
		db,
	);

	await db.schema
		.createTable('search_terms')
		.addColumn('word', 'text', (c) => c.primaryKey())
		.execute();
	await sql`create index search_terms_trgm_idx on search_terms using gin (word public.gin_trgm_ops) with (fastupdate = off)`.execute(
		db,
	);
	await sql`create index search_terms_prefix_idx on search_terms (word text_pattern_ops)`.execute(
		db,
	);

	// Progress of the external engine (Meilisearch) through the outbox; `processed_at` is the built-in one's.
	await sql`alter table search_outbox add column external_processed_at timestamptz`.execute(db);
	await sql`create index search_outbox_external_pending_idx on search_outbox (id) where external_processed_at is null`.execute(
		db,
	);

	await db.schema
		.createTable('search_state')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('search_events')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('visitor', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) =>
			c.notNull().check(sql`type in ('search', 'click', 'ticket_started')`),
		)
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('suggest'))
		.addColumn('query', 'text')
		.addColumn('route', 'text')
		.addColumn('result_count', 'integer')
		.addColumn('url', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index search_events_created_idx on search_events (created_at)`.execute(db);
	await sql`create index search_events_visitor_idx on search_events (visitor, created_at)`.execute(
		db,
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('search_events').execute();
	await db.schema.dropTable('search_state').execute();
	await sql`alter table search_outbox drop column external_processed_at`.execute(db);
	await db.schema.dropTable('search_terms').execute();
	await db.schema.dropTable('search_documents').execute();
}
