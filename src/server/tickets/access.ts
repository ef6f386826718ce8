import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { findTicketByNumber, type Ticket } from './tickets.repo.ts';

/**
 * Who may see a ticket: its customer, and staff (admins included). Developers and customers
 * are treated alike. Everyone else gets "not found", the same answer as for a number that does
 * not exist, so ticket numbers reveal nothing.
 */
export function canSeeTicket(viewer: SessionUser, ticket: Pick<Ticket, 'customerId'>): boolean {
	return isStaff(viewer) || ticket.customerId === viewer.id;
}

/**
 * The ticket numbered `number` if `viewer` may see it.
 * @throws NotFoundError when it does not exist or belongs to another customer.
 */
export async function getTicketFor(db: Db, viewer: SessionUser, number: number): Promise<Ticket> {
	const ticket = await findTicketByNumber(db, number);
	if (!ticket || !canSeeTicket(viewer, ticket))
		throw new NotFoundError('We could not find that ticket.');
	return ticket;
}
