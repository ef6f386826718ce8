import { ForbiddenError, UnauthorizedError } from '#server/errors.ts';
import type { Role } from '#server/db/schema.ts';
import type { SessionUser } from './sessions.ts';

export interface AuthLocals {
	user: SessionUser | null;
}

const RANK: Record<Role, number> = { customer: 0, developer: 1, staff: 2, admin: 3 };

export function requireUser(locals: AuthLocals): SessionUser {
	if (!locals.user) throw new UnauthorizedError('Please log in first.');
	return locals.user;
}

/** Staff includes admins; `role` is the lowest role allowed. */
export function requireRole(user: SessionUser, role: 'staff' | 'admin'): SessionUser {
	if (!hasRole(user, role)) {
		throw new ForbiddenError(
			role === 'admin' ? 'Only admins can do that.' : 'Only staff can do that.',
		);
	}
	return user;
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
	return !!user && RANK[user.role] >= RANK[role];
}

export function isStaff(user: SessionUser | null | undefined): boolean {
	return hasRole(user, 'staff');
}
