// 200 published hints with tags.
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Seeder } from './seeder.ts';
import { markdownBodies, SUBJECTS } from './text.ts';

const TAGS = [
	'pricing',
	'delivery',
	'orders',
	'design',
	'security',
	'seo',
	'admin-panel',
	'hosting',
];

export const hintsSeeder: Seeder = {
	name: 'hints',
	tables: ['hints'],
	async seed(db: Db, sizes) {
		const bodies = markdownBodies(20);
		await sql`
			with staff as (select array_agg(id) as ids from users where role = 'staff')
			insert into hints (slug, title, body, tags, state, published_at, author_id, created_at, updated_at)
			select 'bench-hint-' || n, 'Get the ' || (${SUBJECTS}::text[])[1 + n % ${SUBJECTS.length}] || ' right (' || n || ')',
				(${bodies}::text[])[1 + n % ${bodies.length}],
				array[(${TAGS}::text[])[1 + n % ${TAGS.length}], (${TAGS}::text[])[1 + (n / 3) % ${TAGS.length}]],
				'published', now() - make_interval(days => n), staff.ids[1 + n % array_length(staff.ids, 1)],
				now() - make_interval(days => n), now() - make_interval(days => n)
			from generate_series(1, ${sizes.hints}) as n, staff`.execute(db);
		return `${sizes.hints} hints`;
	},
};
