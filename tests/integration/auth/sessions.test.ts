import { expect, it, vi, afterEach } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	SESSION_TTL_MS,
	sessionIdFromToken,
	validateSessionToken,
} from '#server/auth/sessions.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { invalidateUserSessions } from '#server/users/users.repo.ts';
import { makeUser } from '../../helpers/factories.ts';

afterEach(() => {
	vi.useRealTimers();
});

describeEachDb('sessions', (use) => {
	it('stores only the SHA-256 of the token', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const rows = await db
			.selectFrom('auth_sessions')
			.select('id')
			.where('user_id', '=', user.id)
			.execute();
		expect(rows.map((r) => r.id)).toEqual([sessionIdFromToken(token)]);
		expect(rows[0]!.id).not.toContain(token);
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('resolves a valid token to its user', async () => {
		const db = use();
		const user = await makeUser(db, { role: 'developer' });
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const found = await validateSessionToken(db, token);
		expect(found?.user).toMatchObject({ id: user.id, email: user.email, role: 'developer' });
	});

	it('rejects unknown and malformed tokens', async () => {
		const db = use();
		expect(await validateSessionToken(db, generateSessionToken())).toBeUndefined();
		expect(await validateSessionToken(db, "' or 1=1 --")).toBeUndefined();
	});

	it('deletes an expired session instead of accepting it', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		await db
			.updateTable('auth_sessions')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.execute();
		expect(await validateSessionToken(db, token)).toBeUndefined();
		const left = await db
			.selectFrom('auth_sessions')
			.select('id')
			.where('id', '=', sessionIdFromToken(token))
			.execute();
		expect(left).toHaveLength(0);
	});

	it('extends the expiry on use after an hour, to 30 days from now', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		const later = session.expiresAt.getTime() - SESSION_TTL_MS + 2 * 60 * 60 * 1000;
		vi.useFakeTimers({ now: later, toFake: ['Date'] });
		const found = await validateSessionToken(db, token);
		expect(found!.session.expiresAt.getTime()).toBe(later + SESSION_TTL_MS);
		const row = await db
			.selectFrom('auth_sessions')
			.select('expires_at')
			.where('id', '=', session.id)
			.executeTakeFirstOrThrow();
		expect(new Date(row.expires_at).getTime()).toBe(later + SESSION_TTL_MS);
	});

	it('does not write the expiry again within the hour', async () => {
		const db = use();
		const user = await makeUser(db);
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		const found = await validateSessionToken(db, token);
		expect(found!.session.expiresAt.getTime()).toBe(session.expiresAt.getTime());
	});

	it('logs out one session, or every session of a user', async () => {
		const db = use();
		const user = await makeUser(db);
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		for (const t of [a, b, c]) await createSession(db, t, user.id);
		await invalidateSession(db, sessionIdFromToken(a));
		expect(await validateSessionToken(db, a)).toBeUndefined();
		expect(await validateSessionToken(db, b)).toBeDefined();
		expect(await invalidateUserSessions(db, user.id)).toBe(2);
		expect(await validateSessionToken(db, c)).toBeUndefined();
	});
});
