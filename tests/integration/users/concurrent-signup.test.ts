import { expect, it } from 'vitest';
import { createUser } from '#server/users/users.service.ts';
import { describeEachDb } from '../../helpers/db.ts';

describeEachDb('concurrent sign-ups', (use) => {
	it('gives people who sign up at once under the same name different handles', async () => {
		const db = use();
		const tag = Date.now().toString(36);
		const users = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				createUser(db, {
					email: `same-name-${tag}-${i}@example.test`,
					displayName: `Twin ${tag}`,
					password: 'twin password 1',
					role: 'customer',
				}),
			),
		);
		expect(new Set(users.map((u) => u.handle)).size).toBe(6);
	});
});
