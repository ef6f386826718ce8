import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '#server/db/schema.ts';
import { toUser, type User } from '#server/users/users.repo.ts';

// NOTE: the session scheme of https://lucia-auth.com/sessions/basic: the cookie holds a random
// token, the database only its SHA-256, so a leaked table cannot be replayed.
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY_MS;
/** Extend the expiry on use, but write at most hourly. */
const EXTEND_AFTER_MS = 60 * 60 * 1000;

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** The signed-in user (`locals.user`). */
export type SessionUser = User;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	userAgent: string | null = null,
): Promise<Session> {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_TTL_MS),
	};
	await db
		.insertInto('auth_sessions')
		.values({
			id: session.id,
			user_id: userId,
			expires_at: session.expiresAt,
			user_agent: userAgent?.slice(0, 300) ?? null,
		})
		.execute();
	return session;
}

/** The session and its user for a cookie token, extending the expiry; undefined when invalid. */
export async function validateSessionToken(
	db: Db,
	token: string,
): Promise<{ session: Session; user: SessionUser } | undefined> {
	if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
	const id = sessionIdFromToken(token);
	const row = await db
		.selectFrom('auth_sessions')
		.innerJoin('users', 'users.id', 'auth_sessions.user_id')
		.select([
			'auth_sessions.id',
			'auth_sessions.user_id',
			'auth_sessions.expires_at',
			'users.email',
			'users.handle',
			'users.display_name',
			'users.role',
			'users.created_at',
		])
		.where('auth_sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const now = Date.now();
	let expiresAt = new Date(row.expires_at);
	if (now >= expiresAt.getTime()) {
		await invalidateSession(db, id);
		return undefined;
	}
	if (now >= expiresAt.getTime() - SESSION_TTL_MS + EXTEND_AFTER_MS) {
		expiresAt = new Date(now + SESSION_TTL_MS);
		await db
			.updateTable('auth_sessions')
			.set({ expires_at: expiresAt })
			.where('id', '=', id)
			.execute();
	}
	return {
		session: { id, userId: row.user_id, expiresAt },
		user: toUser({ ...row, id: row.user_id }),
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

export async function countUserSessions(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('auth_sessions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('expires_at', '>', new Date())
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
