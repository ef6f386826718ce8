import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';
import {
	BadRequestError,
	ConflictError,
	NotFoundError,
	TooManyRequestsError,
	UnauthorizedError,
} from '#server/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
	clearRateLimit,
	consumeRateLimit,
	hitRateLimit,
	peekRateLimit,
	withWait,
} from '#server/rate-limit/rate-limit.ts';
import { baseHandle } from './handles.ts';
import {
	findPasswordHash,
	findPasswordHashById,
	findUserByEmail,
	handleExists,
	insertUser,
	invalidateUserSessions,
	updatePasswordHash,
	updateRole,
	type User,
} from './users.repo.ts';
import type { ChangePassword, Login, SignUp } from './users.schema.ts';

/** Failed logins allowed per account and per address in the window. */
export const LOGIN_LIMITS = {
	account: { limit: 5, windowSeconds: 15 * 60 },
	address: { limit: 30, windowSeconds: 15 * 60 },
} as const;
const SIGNUP_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

/**
 * Creates a customer account.
 * @throws ConflictError (field `email`) when the email is registered;
 * TooManyRequestsError when one address signs up too often.
 */
export async function signUp(db: Db, input: SignUp, address: string): Promise<User> {
	await consumeRateLimit(
		db,
		`signup:${address}`,
		SIGNUP_LIMIT,
		'Too many sign-ups from your network.',
	);
	return createUser(db, { ...input, role: 'customer' });
}

/** Creates a user with any role (operators' CLI and tests). @throws ConflictError */
export async function createUser(
	db: Db,
	input: { email: string; displayName: string; password: string; role: Role },
): Promise<User> {
	const email = input.email.trim().toLowerCase();
	if (await findUserByEmail(db, email)) {
		throw new ConflictError('An account with this email exists already.', {
			email: 'An account with this email exists already. Log in instead?',
		});
	}
	let handle = await uniqueHandle(db, baseHandle(input.displayName, email));
	const passwordHash = await hashPassword(input.password);
	for (let attempt = 1; ; attempt++) {
		try {
			return await insertUser(db, {
				email,
				handle,
				displayName: input.displayName.trim(),
				role: input.role,
				passwordHash,
			});
		} catch (error) {
			// NOTE: a concurrent sign-up with the same email loses the race on the unique index.
			if (await findUserByEmail(db, email)) {
				throw new ConflictError('An account with this email exists already.', {
					email: 'An account with this email exists already.',
				});
			}
			// A concurrent sign-up with the same name can take the handle between check and insert.
			if (attempt < 3 && (await handleExists(db, handle))) {
				handle = `${handle.slice(0, 20)}-${crypto.randomUUID().slice(0, 8)}`;
				continue;
			}
			throw error;
		}
	}
}

async function uniqueHandle(db: Db, base: string): Promise<string> {
	for (let n = 1; n < 1000; n++) {
		const candidate = n === 1 ? base : `${base.slice(0, 26)}-${n}`;
		if (!(await handleExists(db, candidate))) return candidate;
	}
	return `${base.slice(0, 20)}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Checks credentials with throttling per account and per address (stored in the database).
 * @throws TooManyRequestsError when locked out; UnauthorizedError on a wrong email or password.
 */
export async function authenticate(db: Db, input: Login, address: string): Promise<User> {
	const accountKey = `login:account:${input.email}`;
	const addressKey = `login:address:${address}`;
	const [account, network] = await Promise.all([
		peekRateLimit(db, accountKey, LOGIN_LIMITS.account),
		peekRateLimit(db, addressKey, LOGIN_LIMITS.address),
	]);
	const locked = !account.allowed ? account : !network.allowed ? network : undefined;
	if (locked) {
		const who = !account.allowed ? 'this account' : 'your network';
		throw new TooManyRequestsError(
			withWait(`Too many failed login attempts for ${who}.`, locked.retryAfter),
			locked.retryAfter,
		);
	}
	const stored = await findPasswordHash(db, input.email);
	// NOTE: hash even for unknown emails so response time does not reveal which emails exist.
	const valid = stored
		? await verifyPassword(stored.hash, input.password)
		: (await verifyPassword(await dummyHash(), input.password), false);
	if (!stored || !valid) {
		await Promise.all([
			hitRateLimit(db, accountKey, LOGIN_LIMITS.account),
			hitRateLimit(db, addressKey, LOGIN_LIMITS.address),
		]);
		throw new UnauthorizedError('Wrong email or password.');
	}
	await clearRateLimit(db, accountKey);
	const user = await findUserByEmail(db, input.email);
	if (!user) throw new UnauthorizedError('Wrong email or password.');
	return user;
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
	dummy ??= hashPassword('not-a-real-password-' + crypto.randomUUID());
	return dummy;
}

/**
 * Changes the password and ends every session of the user; the caller starts a fresh one.
 * @throws BadRequestError (field `currentPassword`) when the current password is wrong.
 */
export async function changePassword(db: Db, userId: string, input: ChangePassword): Promise<void> {
	const hash = await findPasswordHashById(db, userId);
	if (!hash) throw new NotFoundError('Account not found.');
	if (!(await verifyPassword(hash, input.currentPassword))) {
		throw new BadRequestError('Your current password is not right.', {
			currentPassword: 'This is not your current password.',
		});
	}
	await db.transaction().execute(async (trx) => {
		await updatePasswordHash(trx, userId, await hashPassword(input.newPassword));
		await invalidateUserSessions(trx, userId);
	});
}

/** @throws NotFoundError when no user has that email. */
export async function setRole(db: Db, email: string, role: Role): Promise<User> {
	const user = await findUserByEmail(db, email.trim().toLowerCase());
	if (!user) throw new NotFoundError(`No user with email ${email}.`);
	await updateRole(db, user.id, role);
	return { ...user, role };
}
