// 2,000 customers plus staff and developers, in one INSERT … SELECT generate_series.
import { sql } from 'kysely';
import { hashPassword } from '#server/users/passwords.ts';
import type { Db } from '#server/db/schema.ts';
import type { Seeder } from './seeder.ts';

export const BENCH_PASSWORD = 'bench password 1';

export const usersSeeder: Seeder = {
	name: 'users',
	tables: ['users', 'auth_sessions'],
	async seed(db: Db, sizes) {
		// NOTE: one argon2 hash shared by every seeded account; hashing 2,000 would take minutes.
		const hash = await hashPassword(BENCH_PASSWORD);
		await sql`
			insert into users (email, handle, display_name, role, password_hash, created_at, updated_at)
			select 'customer' || n || '@bench.test', 'customer-' || n, 'Customer ' || n, 'customer', ${hash},
				now() - make_interval(days => (n % 700) + 2), now()
			from generate_series(1, ${sizes.users}) as n`.execute(db);
		await sql`
			insert into users (email, handle, display_name, role, password_hash, created_at, updated_at)
			select r.role || n || '@bench.test', r.role || '-' || n, initcap(r.role) || ' ' || n, r.role, ${hash},
				now() - interval '800 days', now()
			from generate_series(1, 20) as n, (values ('staff'), ('developer')) as r(role)`.execute(db);
		return `${sizes.users} customers, 20 staff, 20 developers`;
	},
};
