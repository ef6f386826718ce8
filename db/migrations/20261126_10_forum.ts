import { type Kysely, sql } from 'kysely';

// Seed categories: the policy sends customizations to Co-development.
const ROOTS = [
	{
		slug: 'co-development',
		name: 'Co-development',
		description:
			'Custom developments, additional functionality, design changes and other customization options. Discuss them with other developers and our staff.',
		position: 1,
		staffOnly: false,
	},
	{
		slug: 'announcements',
		name: 'Announcements',
		description:
			'News from the OpenTrade Commerce team: releases, changes and maintenance. Only staff start topics here.',
		position: 2,
		staffOnly: true,
	},
	{
		slug: 'general',
		name: 'General',
		description: 'Everything else about running an OT API Key storefront.',
		position: 3,
		staffOnly: false,
	},
];

const CO_DEVELOPMENT_CHILDREN = [
	{
		slug: 'custom-development',
		name: 'Custom development',
		description: 'Custom modules, scripts and changes to the storefront code.',
		position: 1,
	},
	{
		slug: 'design-changes',
		name: 'Design changes',
		description: 'Themes, templates, layouts, styles and the look of your storefront.',
		position: 2,
	},
	{
		slug: 'additional-functionality',
		name: 'Additional functionality',
		description: 'Features you want to add: ideas, specifications and working solutions.',
		position: 3,
	},
	{
		slug: 'integrations',
		name: 'Integrations',
		description: 'Payment, delivery, CRM, analytics and other third-party services.',
		position: 4,
	},
];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('forum_categories')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('parent_id', 'uuid', (c) => c.references('forum_categories.id').onDelete('restrict'))
		.addColumn('staff_only_topics', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('forum_topics')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('category_id', 'uuid', (c) =>
			c.notNull().references('forum_categories.id').onDelete('restrict'),
		)
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_activity_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_post_author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		// Replies the public sees (not hidden, not deleted), for lists.
		.addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
		// Posts the public pages through (not hidden; deleted ones show as "removed").
		.addColumn('visible_post_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('pinned', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('first_post_id', 'uuid')
		.addColumn('accepted_post_id', 'uuid')
		.addColumn('deleted_at', 'timestamptz')
		.execute();
	await sql`create index forum_topics_category_list_idx on forum_topics (category_id, pinned desc, last_activity_at desc)`.execute(
		db,
	);
	await sql`create index forum_topics_latest_idx on forum_topics (pinned desc, last_activity_at desc)`.execute(
		db,
	);
	await sql`create index forum_topics_author_idx on forum_topics (author_id, created_at desc)`.execute(
		db,
	);
	await sql`create index forum_topics_title_trgm_idx on forum_topics using gin (title public.gin_trgm_ops)`.execute(
		db,
	);

	await db.schema
		.createTable('forum_posts')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('topic_id', 'uuid', (c) =>
			c.notNull().references('forum_topics.id').onDelete('cascade'),
		)
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
		.addColumn('body', 'text', (c) => c.notNull())
		// Rendered once on write; re-rendered on read when `render_version` is outdated or null.
		.addColumn('body_html', 'text')
		.addColumn('render_version', 'integer')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('edited_at', 'timestamptz')
		.addColumn('deleted_at', 'timestamptz')
		.addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await sql`create index forum_posts_topic_idx on forum_posts (topic_id, created_at, id)`.execute(
		db,
	);
	await sql`create index forum_posts_author_idx on forum_posts (author_id, created_at desc)`.execute(
		db,
	);

	await db.schema
		.createTable('forum_post_revisions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('post_id', 'uuid', (c) =>
			c.notNull().references('forum_posts.id').onDelete('cascade'),
		)
		.addColumn('editor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
		// The text before the edit (the current text is on the post).
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('title', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index forum_post_revisions_post_idx on forum_post_revisions (post_id, created_at)`.execute(
		db,
	);

	await db.schema
		.createTable('topic_watches')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('topic_id', 'uuid', (c) =>
			c.notNull().references('forum_topics.id').onDelete('cascade'),
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('topic_watches_pk', ['user_id', 'topic_id'])
		.execute();
	await sql`create index topic_watches_topic_idx on topic_watches (topic_id)`.execute(db);

	await db.schema
		.createTable('notifications')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('url', 'text', (c) => c.notNull())
		// What the notification is about (`forum:topic:<id>:post:<id>`), to retract or mark it read.
		.addColumn('subject_key', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('read_at', 'timestamptz')
		.execute();
	await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(
		db,
	);
	await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(
		db,
	);
	await sql`create index notifications_subject_idx on notifications (subject_key text_pattern_ops)`.execute(
		db,
	);

	await db.schema
		.createTable('moderation_log')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('target_type', 'text', (c) => c.notNull())
		.addColumn('target_id', 'text', (c) => c.notNull())
		.addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index moderation_log_created_idx on moderation_log (created_at desc)`.execute(
		db,
	);

	for (const root of ROOTS) {
		await db
			.insertInto('forum_categories')
			.values({
				slug: root.slug,
				name: root.name,
				description: root.description,
				position: root.position,
				staff_only_topics: root.staffOnly,
			})
			.execute();
	}
	const parent = await db
		.selectFrom('forum_categories')
		.select('id')
		.where('slug', '=', 'co-development')
		.executeTakeFirstOrThrow();
	for (const child of CO_DEVELOPMENT_CHILDREN) {
		await db
			.insertInto('forum_categories')
			.values({ ...child, parent_id: parent.id })
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('moderation_log').execute();
	await db.schema.dropTable('notifications').execute();
	await db.schema.dropTable('topic_watches').execute();
	await db.schema.dropTable('forum_post_revisions').execute();
	await db.schema.dropTable('forum_posts').execute();
	await db.schema.dropTable('forum_topics').execute();
	await db.schema.dropTable('forum_categories').execute();
}
