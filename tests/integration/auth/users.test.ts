import { expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	validateSessionToken,
} from '#server/auth/sessions.ts';
import { verifyPassword } from '#server/users/passwords.ts';
import {
	ConflictError,
	TooManyRequestsError,
	UnauthorizedError,
	BadRequestError,
} from '#server/errors.ts';
import { findPasswordHash } from '#server/users/users.repo.ts';
import { LoginSchema, SignUpSchema } from '#server/users/users.schema.ts';
import { authenticate, changePassword, LOGIN_LIMITS, signUp } from '#server/users/users.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories.ts';

const login = (email: string, password: string) => LoginSchema.parse({ email, password });

describeEachDb('accounts', (use) => {
	it('signs up a customer with an argon2id hash and a handle', async () => {
		const db = use();
		const input = SignUpSchema.parse({
			email: ' Ivan@Example.COM ',
			displayName: 'Иван Петров',
			password: 'long enough',
		});
		const user = await signUp(db, input, '10.0.0.1');
		expect(user).toMatchObject({
			email: 'ivan@example.com',
			role: 'customer',
			handle: 'ivan-petrov',
		});
		const stored = await findPasswordHash(db, 'ivan@example.com');
		expect(stored!.hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(stored!.hash, 'long enough')).toBe(true);
	});

	it('refuses a second account with the same email, naming the field', async () => {
		const db = use();
		const user = await makeUser(db);
		const again = SignUpSchema.parse({
			email: user.email.toUpperCase(),
			displayName: 'Other',
			password: 'password123',
		});
		const error = await signUp(db, again, '10.0.0.2').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).details).toHaveProperty('email');
	});

	it('gives handles that stay unique', async () => {
		const db = use();
		const a = await makeUser(db, { displayName: 'Same Name' });
		const b = await makeUser(db, { displayName: 'Same Name' });
		expect(a.handle).toBe('same-name');
		expect(b.handle).toBe('same-name-2');
	});

	it('logs in with the right password only', async () => {
		const db = use();
		const user = await makeUser(db);
		await expect(
			authenticate(db, login(user.email, TEST_PASSWORD), '10.1.0.1'),
		).resolves.toMatchObject({ id: user.id });
		await expect(
			authenticate(db, login(user.email, 'wrong password'), '10.1.0.1'),
		).rejects.toBeInstanceOf(UnauthorizedError);
		await expect(
			authenticate(db, login('nobody@example.test', 'whatever1'), '10.1.0.1'),
		).rejects.toBeInstanceOf(UnauthorizedError);
	});

	it('locks an account after repeated failures, even with the right password, from any address', async () => {
		const db = use();
		const user = await makeUser(db);
		for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
			await expect(
				authenticate(db, login(user.email, `bad-${i}`), `10.2.0.${i}`),
			).rejects.toBeInstanceOf(UnauthorizedError);
		}
		const error = await authenticate(db, login(user.email, TEST_PASSWORD), '10.2.1.1').catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(TooManyRequestsError);
		expect((error as TooManyRequestsError).message).toMatch(
			/Too many failed login attempts for this account\. Try again in \d+ minutes\./,
		);
		expect((error as TooManyRequestsError).retryAfter).toBeGreaterThan(0);
	});

	it('throttles an address that tries many accounts', async () => {
		const db = use();
		const address = '10.3.0.1';
		for (let i = 0; i < LOGIN_LIMITS.address.limit; i++) {
			await authenticate(db, login(`ghost${i}@example.test`, 'nope-nope'), address).catch(
				() => undefined,
			);
		}
		const victim = await makeUser(db);
		await expect(
			authenticate(db, login(victim.email, TEST_PASSWORD), address),
		).rejects.toBeInstanceOf(TooManyRequestsError);
		await expect(
			authenticate(db, login(victim.email, TEST_PASSWORD), '10.3.0.2'),
		).resolves.toMatchObject({ id: victim.id });
	});

	it('changes the password and ends every session', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		await changePassword(db, user.id, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'brand new secret',
			confirmPassword: 'brand new secret',
		});
		expect(await validateSessionToken(db, token)).toBeUndefined();
		await expect(
			authenticate(db, login(user.email, 'brand new secret'), '10.4.0.1'),
		).resolves.toBeDefined();
		await expect(
			authenticate(db, login(user.email, TEST_PASSWORD), '10.4.0.1'),
		).rejects.toBeInstanceOf(UnauthorizedError);
	});

	it('refuses a password change with a wrong current password and changes nothing', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const error = await changePassword(db, user.id, {
			currentPassword: 'not it',
			newPassword: 'brand new secret',
			confirmPassword: 'brand new secret',
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BadRequestError);
		expect(await validateSessionToken(db, token)).toBeDefined();
		await expect(
			authenticate(db, login(user.email, TEST_PASSWORD), '10.5.0.1'),
		).resolves.toBeDefined();
	});
});
