import { type Kysely, sql } from 'kysely';

// Knowledge base: "Was this helpful?" votes on manual pages, staff-written hints and their
// revisions (a revision is a full snapshot; history is append-only).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('manual_votes')
		.addColumn('page_id', 'text', (c) => c.notNull())
		// SHA-256 of the voter's user id or of a random first-party cookie; never the raw value.
		.addColumn('voter_key', 'text', (c) => c.notNull())
		.addColumn('helpful', 'boolean', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('manual_votes_pkey', ['page_id', 'voter_key'])
		.execute();

	await db.schema
		.createTable('hints')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('related_manuals', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('state', 'text', (c) =>
			c.notNull().check(sql`state in ('draft', 'published', 'archived')`),
		)
		.addColumn('published_at', 'timestamptz')
		.addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		// Number of the latest revision; edit forms send it back to detect concurrent edits.
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		// Published with a future date: the search index gets it once the date has passed.
		.addColumn('index_pending', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index hints_public_idx on hints (published_at desc) where state = 'published'`.execute(
		db,
	);
	await sql`create index hints_tags_idx on hints using gin (tags)`.execute(db);
	await sql`create index hints_index_pending_idx on hints (published_at) where index_pending`.execute(
		db,
	);

	await db.schema
		.createTable('hint_revisions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('hint_id', 'uuid', (c) => c.notNull().references('hints.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('tags', sql`text[]`, (c) => c.notNull())
		.addColumn('related_manuals', sql`text[]`, (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('published_at', 'timestamptz')
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('hint_revisions_hint_number_key', ['hint_id', 'number'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('hint_revisions').execute();
	await db.schema.dropTable('hints').execute();
	await db.schema.dropTable('manual_votes').execute();
}
