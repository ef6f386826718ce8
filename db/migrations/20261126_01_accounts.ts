import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// NOTE: extensions go to `public` so per-test schemas on one PostgreSQL database share them.
	await sql`create extension if not exists pg_trgm with schema public`.execute(db);
	await sql`create extension if not exists unaccent with schema public`.execute(db);

	await db.schema
		.createTable('users')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('handle', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('customer')
				.check(sql`role in ('customer', 'developer', 'staff', 'admin')`),
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('auth_sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema
		.createIndex('auth_sessions_user_id_idx')
		.on('auth_sessions')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('rate_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'timestamptz', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rate_limits').execute();
	await db.schema.dropTable('auth_sessions').execute();
	await db.schema.dropTable('users').execute();
}
