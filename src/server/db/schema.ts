import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const ROLES = ['customer', 'developer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
	id: Generated<string>;
	email: string;
	handle: string;
	display_name: string;
	role: ColumnType<Role, Role | undefined, Role>;
	password_hash: string;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface AuthSessionsTable {
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: CreatedAt;
	user_agent: string | null;
}

export interface RateLimitsTable {
	key: string;
	window_start: Timestamp;
	hits: number;
}

export interface Database {
	users: UsersTable;
	auth_sessions: AuthSessionsTable;
	rate_limits: RateLimitsTable;
}
