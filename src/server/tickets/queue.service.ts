import { requireRole } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { listUsersByRole } from '#server/users/users.repo.ts';
import { listQueueRows, type QueueRow } from './queue.repo.ts';
import { dueBadge, standing, type DueBadge, type TargetStanding } from './targets.ts';
import type { QueueFilter } from './tickets.schema.ts';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueItem extends QueueRow {
	badge: DueBadge;
	standing: TargetStanding;
}

export interface StaffMember {
	id: string;
	displayName: string;
}

export interface Queue {
	items: QueueItem[];
	total: number;
	page: number;
	pageCount: number;
	at: Date;
}

/**
 * The staff queue at `now()`: filtered, ordered by first-response due time, with a due badge
 * ("due in 20 min", "overdue 2 h") and the overdue flag per ticket. `filter.q` searches subject,
 * description, every message (internal notes included: staff only), the customer and `#number`.
 * @throws ForbiddenError for non-staff.
 */
export async function listQueue(db: Db, user: SessionUser, filter: QueueFilter): Promise<Queue> {
	requireRole(user, 'staff');
	const at = now();
	const page = Math.max(1, filter.page);
	const { rows, total } = await listQueueRows(db, filter, at, {
		limit: QUEUE_PAGE_SIZE,
		offset: (page - 1) * QUEUE_PAGE_SIZE,
	});
	return {
		items: rows.map((row) => ({
			...row,
			badge: dueBadge(row.ticket, at),
			standing: standing(row.ticket, at),
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
		at,
	};
}

/** Staff and admins, for assignment menus and the assignee filter. @throws ForbiddenError */
export async function listStaffMembers(db: Db, user: SessionUser): Promise<StaffMember[]> {
	requireRole(user, 'staff');
	const users = await listUsersByRole(db, ['staff', 'admin']);
	return users.map((u) => ({ id: u.id, displayName: u.displayName }));
}
