import type { Db } from '#server/db/schema.ts';
import { withNow } from '#server/clock.ts';
import { clearRateLimit } from '#server/rate-limit/rate-limit.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { CreateTicket } from '#server/tickets/tickets.schema.ts';
import { createTicket } from '#server/tickets/tickets.service.ts';
import type { Ticket } from '#server/tickets/tickets.repo.ts';
import { makeUser } from './factories.ts';

let counter = 0;

/** A ticket opened by `customer` (at `at`, an ISO instant, when given); skips the creation limit. */
export async function makeTicket(
	db: Db,
	customer: SessionUser,
	overrides: Partial<CreateTicket> & { at?: string } = {},
): Promise<Ticket> {
	counter += 1;
	const { at, ...fields } = overrides;
	await clearRateLimit(db, `tickets:create:${customer.id}`);
	const input: CreateTicket = {
		subject: `Question number ${counter} about zebra ${Math.random().toString(36).slice(2, 8)}`,
		description: `Details of question ${counter}.`,
		severity: 3,
		category: 'other',
		siteUrl: undefined,
		...fields,
	};
	return withNow(at ?? null, () => createTicket(db, customer, input));
}

export async function makeStaff(db: Db): Promise<SessionUser> {
	return makeUser(db, { role: 'staff' });
}

export async function makeCustomer(
	db: Db,
	role: 'customer' | 'developer' = 'customer',
): Promise<SessionUser> {
	return makeUser(db, { role });
}

/** Runs `fn` with the clock pinned at `at` (ISO instant with offset). */
export function at<T>(instant: string, fn: () => Promise<T>): Promise<T> {
	return withNow(instant, fn);
}
