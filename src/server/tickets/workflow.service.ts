import { isStaff, requireRole } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, ConflictError } from '#server/errors.ts';
import { kickMailDelivery } from '#server/mail/mail.sender.ts';
import { getPolicy } from '#server/support/policy.ts';
import { findUserById } from '#server/users/users.repo.ts';
import { getTicketFor } from './access.ts';
import { computeTargets } from './targets.ts';
import { mailStatusChange } from './ticket-mail.ts';
import { insertEvent } from './messages.repo.ts';
import { updateTicket, type Ticket, type TicketPatch } from './tickets.repo.ts';
import type { Assign, ChangeSeverity, ChangeStatus, TicketStatus } from './tickets.schema.ts';
import { changeTicket, requireTicket } from './tickets.service.ts';

/** Staff-only changes to a ticket: status, severity, assignee. Each is recorded as an event. */

function statusPatch(to: TicketStatus, at: Date): TicketPatch {
	const patch: TicketPatch = { status: to, lastActivityAt: at };
	if (to === 'resolved') patch.resolvedAt = at;
	else if (to === 'closed') patch.closedAt = at;
	else Object.assign(patch, { resolvedAt: null, closedAt: null });
	return patch;
}

/**
 * Sets the status of a ticket and mails the customer.
 * @throws ForbiddenError for non-staff; NotFoundError; ConflictError for merged tickets or an
 *   unchanged status.
 */
export async function changeStatus(
	db: Db,
	user: SessionUser,
	input: ChangeStatus,
): Promise<Ticket> {
	requireRole(user, 'staff');
	const ticket = await getTicketFor(db, user, input.number);
	const updated = await changeTicket(db, ticket.id, async (trx, current, at) => {
		if (current.mergedInto)
			throw new ConflictError(`This ticket was merged into #${current.mergedInto.number}.`);
		if (current.status === input.status)
			throw new ConflictError('The ticket has that status already.');
		await updateTicket(trx, ticket.id, statusPatch(input.status, at));
		await insertEvent(trx, {
			ticketId: ticket.id,
			actorId: user.id,
			kind: 'status',
			details: { from: current.status, to: input.status },
			createdAt: at,
		});
		const customer = await findUserById(trx, current.customerId);
		if (customer && customer.id !== user.id)
			await mailStatusChange(trx, current, customer, input.status);
	});
	void kickMailDelivery(db);
	return updated;
}

/**
 * Changes the severity and recomputes the stored targets.
 * NOTE: targets count from the ticket's arrival, as if it had been filed with the new severity:
 * raising a Severity 4 to 1 after two hours makes it overdue at once, which is the point.
 * @throws ForbiddenError for non-staff; NotFoundError; ConflictError for an unchanged severity.
 */
export async function changeSeverity(
	db: Db,
	user: SessionUser,
	input: ChangeSeverity,
): Promise<Ticket> {
	requireRole(user, 'staff');
	const ticket = await getTicketFor(db, user, input.number);
	return changeTicket(db, ticket.id, async (trx, current, at) => {
		if (current.severity === input.severity)
			throw new ConflictError('The ticket has that severity already.');
		const targets = computeTargets(getPolicy(), input.severity, current.createdAt);
		await updateTicket(trx, ticket.id, { severity: input.severity, ...targets });
		await insertEvent(trx, {
			ticketId: ticket.id,
			actorId: user.id,
			kind: 'severity',
			details: {
				from: current.severity,
				to: input.severity,
				firstResponseDueAt: {
					from: current.firstResponseDueAt.toISOString(),
					to: targets.firstResponseDueAt.toISOString(),
				},
				resolutionDueAt: {
					from: current.resolutionDueAt.toISOString(),
					to: targets.resolutionDueAt.toISOString(),
				},
			},
			createdAt: at,
		});
	});
}

/**
 * Assigns the ticket to a staff member, or unassigns it (`assigneeId` null).
 * @throws ForbiddenError for non-staff; NotFoundError; BadRequestError when the assignee is not
 *   staff.
 */
export async function assignTicket(db: Db, user: SessionUser, input: Assign): Promise<Ticket> {
	requireRole(user, 'staff');
	const ticket = await getTicketFor(db, user, input.number);
	let assigneeName: string | null = null;
	if (input.assigneeId) {
		const assignee = await findUserById(db, input.assigneeId);
		if (!assignee || !isStaff(assignee)) {
			throw new BadRequestError('Choose a staff member.', { assigneeId: 'Choose a staff member.' });
		}
		assigneeName = assignee.displayName;
	}
	if (ticket.assigneeId === input.assigneeId) return ticket;
	const at = now();
	await db.transaction().execute(async (trx) => {
		await updateTicket(trx, ticket.id, { assigneeId: input.assigneeId });
		await insertEvent(trx, {
			ticketId: ticket.id,
			actorId: user.id,
			kind: 'assigned',
			details: { to: input.assigneeId, name: assigneeName },
			createdAt: at,
		});
	});
	return requireTicket(db, ticket.id);
}
