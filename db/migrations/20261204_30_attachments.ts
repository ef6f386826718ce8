import { type Kysely, sql } from 'kysely';

// NOTE: frozen once merged. Attachments: the bytes, content-addressed (one row per SHA-256 and
// its 256 KiB chunks), the files as people attached them, and each account's monthly usage.
// The blob tables belong to the database store (src/server/attachments/db-store.ts): nothing
// references them with a foreign key, so another store can replace them.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('attachment_blobs')
		.addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
		.addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Refreshed by every upload of the same bytes; the cleanup spares recently used blobs.
		.addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('attachment_blobs_last_used_idx')
		.on('attachment_blobs')
		.column('last_used_at')
		.execute();
	await db.schema
		.createTable('attachment_blob_chunks')
		.addColumn('sha256', 'text', (c) =>
			c.notNull().references('attachment_blobs.sha256').onDelete('cascade'),
		)
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('data', 'bytea', (c) => c.notNull())
		.addPrimaryKeyConstraint('attachment_blob_chunks_pk', ['sha256', 'seq'])
		.execute();
	// Images and archives are compressed already: store chunks as they are, which also lets
	// PostgreSQL read them without decompressing.
	await sql`alter table attachment_blob_chunks alter column data set storage external`.execute(db);

	await db.schema
		.createTable('attachments')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('uploader_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('width', 'integer')
		.addColumn('height', 'integer')
		.addColumn('thumb_sha256', 'text')
		.addColumn('thumb_width', 'integer')
		.addColumn('thumb_height', 'integer')
		// The parent: a ticket (its opening message, or one of its messages when
		// ticket_message_id is set too) or a forum post. None yet: uploaded, not sent.
		// Deleting the parent deletes the row, which hides the file; the cleanup removes its bytes.
		.addColumn('ticket_id', 'uuid', (c) => c.references('tickets.id').onDelete('cascade'))
		.addColumn('ticket_message_id', 'uuid', (c) =>
			c.references('ticket_messages.id').onDelete('cascade'),
		)
		.addColumn('forum_post_id', 'uuid', (c) => c.references('forum_posts.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('attached_at', 'timestamptz')
		.addCheckConstraint(
			'attachments_one_parent',
			sql`(forum_post_id is null or (ticket_id is null and ticket_message_id is null))
				and (ticket_message_id is null or ticket_id is not null)`,
		)
		.execute();
	await db.schema
		.createIndex('attachments_ticket_idx')
		.on('attachments')
		.column('ticket_id')
		.execute();
	await db.schema
		.createIndex('attachments_ticket_message_idx')
		.on('attachments')
		.column('ticket_message_id')
		.execute();
	await db.schema
		.createIndex('attachments_forum_post_idx')
		.on('attachments')
		.column('forum_post_id')
		.execute();
	await db.schema
		.createIndex('attachments_sha256_idx')
		.on('attachments')
		.column('sha256')
		.execute();
	await db.schema
		.createIndex('attachments_thumb_sha256_idx')
		.on('attachments')
		.column('thumb_sha256')
		.execute();
	await sql`create index attachments_pending_idx on attachments (created_at)
		where ticket_id is null and forum_post_id is null`.execute(db);

	await db.schema
		.createTable('attachment_usage')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('attachment_usage_pk', ['user_id', 'month'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('attachment_usage').execute();
	await db.schema.dropTable('attachments').execute();
	await db.schema.dropTable('attachment_blob_chunks').execute();
	await db.schema.dropTable('attachment_blobs').execute();
}
