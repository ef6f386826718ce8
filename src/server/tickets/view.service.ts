import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { findUserById } from '#server/users/users.repo.ts';
import { markSubjectRead } from '#server/notifications/notifications.service.ts';
import { listTicketFiles, type TicketAttachments } from '#server/attachments/views.ts';
import { getTicketFor } from './access.ts';
import { listStaffMembers, type StaffMember } from './queue.service.ts';
import { canReopenAt, dueBadge, standing, type DueBadge, type TargetStanding } from './targets.ts';
import { ticketSubjectKey } from './ticket-mail.ts';
import { listEvents, listMessages, type TicketEvent, type TicketMessage } from './messages.repo.ts';
import type { Ticket } from './tickets.repo.ts';

/** Everything one ticket page shows, already cut down to what the viewer may see. */
export interface TicketView {
	ticket: Ticket;
	/** Internal notes only when the viewer is staff. */
	messages: TicketMessage[];
	/** The files of the ticket and of the messages shown. */
	files: TicketAttachments;
	viewerIsStaff: boolean;
	viewerIsCustomer: boolean;
	customer: { id: string; displayName: string; email: string; handle: string } | null;
	/** Staff only. */
	events: TicketEvent[];
	/** Staff only. */
	staffMembers: StaffMember[];
	standing: TargetStanding;
	badge: DueBadge;
	canReply: boolean;
	canClose: boolean;
	canReopen: boolean;
	at: Date;
}

/**
 * The ticket numbered `number` as `viewer` may see it.
 * @throws NotFoundError when it does not exist or belongs to another customer.
 */
export async function getTicketView(
	db: Db,
	viewer: SessionUser,
	number: number,
): Promise<TicketView> {
	const ticket = await getTicketFor(db, viewer, number);
	const staff = isStaff(viewer);
	const at = now();
	const [messages, files, events, staffMembers, customer] = await Promise.all([
		listMessages(db, ticket.id, { includeInternal: staff }),
		listTicketFiles(db, viewer, ticket.id),
		staff ? listEvents(db, ticket.id) : Promise.resolve([]),
		staff ? listStaffMembers(db, viewer) : Promise.resolve([]),
		findUserById(db, ticket.customerId),
	]);
	const isCustomer = ticket.customerId === viewer.id;
	if (isCustomer) await markSubjectRead(db, viewer.id, ticketSubjectKey(ticket.id));
	return {
		ticket,
		messages,
		files,
		viewerIsStaff: staff,
		viewerIsCustomer: isCustomer,
		customer: customer
			? {
					id: customer.id,
					displayName: customer.displayName,
					email: customer.email,
					handle: customer.handle,
				}
			: null,
		events,
		staffMembers,
		standing: standing(ticket, at),
		badge: dueBadge(ticket, at),
		canReply: ticket.status !== 'closed' && (staff || ticket.status !== 'resolved'),
		canClose: ticket.status !== 'closed',
		canReopen: isCustomer && ticket.status === 'resolved' && canReopenAt(ticket.resolvedAt, at),
		at,
	};
}
