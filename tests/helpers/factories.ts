import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';
import { createSession, generateSessionToken, type SessionUser } from '#server/auth/sessions.ts';
import { createUser } from '#server/users/users.service.ts';
import type { User } from '#server/users/users.repo.ts';

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery';

/** A user with a unique email; `password` defaults to TEST_PASSWORD. */
export async function makeUser(
	db: Db,
	overrides: Partial<{ email: string; displayName: string; role: Role; password: string }> = {},
): Promise<User> {
	counter += 1;
	const tag = `${Date.now().toString(36)}${counter}`;
	return createUser(db, {
		email: overrides.email ?? `user${tag}@example.test`,
		displayName: overrides.displayName ?? `Test User ${tag}`,
		role: overrides.role ?? 'customer',
		password: overrides.password ?? TEST_PASSWORD,
	});
}

/** A session row for `user`; returns the cookie token. */
export async function makeSession(db: Db, user: User): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, user.id);
	return token;
}

export function asSessionUser(user: User): SessionUser {
	return { ...user };
}
