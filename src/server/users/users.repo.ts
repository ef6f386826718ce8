import type { Selectable } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Role, UsersTable } from '#server/db/schema.ts';

export interface User {
	id: string;
	email: string;
	handle: string;
	displayName: string;
	role: Role;
	createdAt: Date;
}

export function toUser(
	row: Pick<
		Selectable<UsersTable>,
		'id' | 'email' | 'handle' | 'display_name' | 'role' | 'created_at'
	>,
): User {
	return {
		id: row.id,
		email: row.email,
		handle: row.handle,
		displayName: row.display_name,
		role: row.role,
		createdAt: new Date(row.created_at),
	};
}

const PUBLIC_COLUMNS = ['id', 'email', 'handle', 'display_name', 'role', 'created_at'] as const;

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
	const row = await db
		.selectFrom('users')
		.select(PUBLIC_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	const row = await db
		.selectFrom('users')
		.select(PUBLIC_COLUMNS)
		.where('email', '=', email)
		.executeTakeFirst();
	return row && toUser(row);
}

export async function findUserByHandle(db: Db, handle: string): Promise<User | undefined> {
	const row = await db
		.selectFrom('users')
		.select(PUBLIC_COLUMNS)
		.where('handle', '=', handle.toLowerCase())
		.executeTakeFirst();
	return row && toUser(row);
}

export async function findPasswordHash(
	db: Db,
	email: string,
): Promise<{ id: string; hash: string } | undefined> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
	return row && { id: row.id, hash: row.password_hash };
}

export async function findPasswordHashById(db: Db, id: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.password_hash;
}

export async function handleExists(db: Db, handle: string): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('handle', '=', handle)
		.executeTakeFirst();
	return !!row;
}

export async function insertUser(
	db: Db,
	values: { email: string; handle: string; displayName: string; role: Role; passwordHash: string },
): Promise<User> {
	const row = await db
		.insertInto('users')
		.values({
			email: values.email,
			handle: values.handle,
			display_name: values.displayName,
			role: values.role,
			password_hash: values.passwordHash,
		})
		.returning(PUBLIC_COLUMNS)
		.executeTakeFirstOrThrow();
	return toUser(row);
}

export async function updatePasswordHash(
	db: Db,
	userId: string,
	passwordHash: string,
): Promise<void> {
	await db
		.updateTable('users')
		.set({ password_hash: passwordHash, updated_at: new Date() })
		.where('id', '=', userId)
		.execute();
}

export async function updateRole(db: Db, userId: string, role: Role): Promise<void> {
	await db
		.updateTable('users')
		.set({ role, updated_at: new Date() })
		.where('id', '=', userId)
		.execute();
}

export async function listUsersByRole(db: Db, roles: readonly Role[]): Promise<User[]> {
	const rows = await db
		.selectFrom('users')
		.select(PUBLIC_COLUMNS)
		.where('role', 'in', [...roles])
		.orderBy('display_name')
		.execute();
	return rows.map(toUser);
}

/** "Log out everywhere", and after a password change. `exceptId` keeps the current session. */
export async function invalidateUserSessions(
	db: Db,
	userId: string,
	exceptId?: string,
): Promise<number> {
	let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId);
	if (exceptId) query = query.where('id', '!=', exceptId);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
