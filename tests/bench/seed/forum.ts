// 10,000 topics and about 100,000 posts (a topic in 50 has exactly 20), with posts rendered as
// the app renders them on write, loaded with INSERT … SELECT generate_series in one transaction.
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import { RENDER_VERSION, renderPostBody } from '#server/forum/post-render.ts';
import type { Seeder } from './seeder.ts';
import { ASKS, markdownBodies, SUBJECTS } from './text.ts';

export const forumSeeder: Seeder = {
	name: 'forum',
	tables: ['forum_categories', 'forum_topics', 'forum_posts'],
	async seed(db: Db, sizes) {
		const bodies = markdownBodies(40);
		const html = bodies.map((body, i) => renderPostBody(body, `0000000${i}`.slice(-8)));
		// NOTE: about posts/topics per topic on average: 1 + n % 19, and 20 for every 50th topic.
		const postsPer = sql`case when t.n % 50 = 0 then 20 else 1 + t.n % 19 end`;
		await db.transaction().execute(async (trx) => {
			await sql`create temporary table bench_topics on commit drop as
				select n, gen_random_uuid() as id, now() - make_interval(hours => n) as at
				from generate_series(1, ${sizes.topics}) as n`.execute(trx);
			await sql`
				with cats as (select array_agg(id order by slug) as ids from forum_categories where not staff_only_topics and parent_id is not null),
					people as (select array_agg(id order by email) as ids from users where role in ('customer', 'developer'))
				insert into forum_topics (id, category_id, author_id, title, created_at, last_activity_at)
				select t.id, cats.ids[1 + t.n % array_length(cats.ids, 1)], people.ids[1 + (t.n * 7) % array_length(people.ids, 1)],
					(${ASKS}::text[])[1 + t.n % ${ASKS.length}] || ' ' || (${SUBJECTS}::text[])[1 + (t.n / 3) % ${SUBJECTS.length}] || ' #' || t.n,
					t.at, t.at
				from bench_topics t, cats, people`.execute(trx);
			await sql`
				with people as (select array_agg(id order by email) as ids from users)
				insert into forum_posts (topic_id, author_id, body, body_html, render_version, created_at)
				select t.id, people.ids[1 + (t.n * 13 + k * 17) % array_length(people.ids, 1)],
					(${bodies}::text[])[1 + (t.n + k) % ${bodies.length}], (${html}::text[])[1 + (t.n + k) % ${html.length}],
					${RENDER_VERSION}, t.at + make_interval(mins => k)
				from bench_topics t, people, generate_series(0, ${postsPer} - 1) as k`.execute(trx);
			await sql`
				update forum_topics t set first_post_id = s.first_id, reply_count = s.n - 1, visible_post_count = s.n,
					last_activity_at = s.last_at, last_post_author_id = s.last_author
				from (select topic_id, count(*)::int as n, (array_agg(id order by created_at))[1] as first_id, max(created_at) as last_at,
						(array_agg(author_id order by created_at desc))[1] as last_author
					from forum_posts group by topic_id) s
				where s.topic_id = t.id`.execute(trx);
		});
		await sql`analyze forum_topics`.execute(db);
		await sql`analyze forum_posts`.execute(db);
		const { rows } = await sql<{ topics: number; posts: number }>`
			select (select count(*)::int from forum_topics) as topics, (select count(*)::int from forum_posts) as posts`.execute(
			db,
		);
		return `${rows[0]!.topics} topics, ${rows[0]!.posts} posts`;
	},
};
