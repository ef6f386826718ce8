import { isStaff, requireRole } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { ConflictError } from '#server/errors.ts';
import { kickMailDelivery } from '#server/mail/mail.sender.ts';
import { consumeRateLimit } from '#server/rate-limit/rate-limit.ts';
import { getPolicy } from '#server/support/policy.ts';
import { findUserById } from '#server/users/users.repo.ts';
import { attachUploads } from '#server/attachments/attachments.service.ts';
import { requireUploadsAccepted } from '#server/attachments/form-rewrite.ts';
import { getTicketFor } from './access.ts';
import { findLikelyDuplicate } from './duplicates.ts';
import { canReopenAt, computeTargets, REOPEN_DAYS } from './targets.ts';
import { mailStaffReply, mailStatusChange, mailUrgentTicket } from './ticket-mail.ts';
import { insertEvent, insertMessage } from './messages.repo.ts';
import {
	findTicketById,
	insertTicket,
	listTicketsOfCustomer,
	lockTicket,
	updateTicket,
	type CustomerTicketRow,
	type Ticket,
} from './tickets.repo.ts';
import type { CreateTicket, Note, Reply, TicketRef } from './tickets.schema.ts';

/** Limits per user: opening tickets, and writing replies or notes. */
export const CREATE_LIMIT = { limit: 5, windowSeconds: 600 };
export const REPLY_LIMIT = { limit: 20, windowSeconds: 60 };

/**
 * Opens a ticket for `customer`, storing its first-response and resolution targets from the
 * support policy at `now()`, and marking it as a possible duplicate of the customer's most
 * similar open ticket. Severity 1 and 2 tickets are mailed to every staff member.
 * Files uploaded for it (`input.attachment`) are attached to the ticket in the same transaction.
 * @throws TooManyRequestsError after CREATE_LIMIT tickets in its window; the attachment errors
 *   of attachUploads and uploadFailure (refused files: 400, 413, 429).
 */
export async function createTicket(
	db: Db,
	customer: SessionUser,
	input: CreateTicket,
): Promise<Ticket> {
	requireUploadsAccepted(input);
	await consumeRateLimit(
		db,
		`tickets:create:${customer.id}`,
		CREATE_LIMIT,
		`You opened ${CREATE_LIMIT.limit} tickets in the last ${CREATE_LIMIT.windowSeconds / 60} minutes. Please add to an open ticket instead.`,
	);
	const at = now();
	const targets = computeTargets(getPolicy(), input.severity, at);
	const duplicate = await findLikelyDuplicate(db, customer.id, {
		subject: input.subject,
		text: input.description,
	});
	const ticket = await db.transaction().execute(async (trx) => {
		const created = await insertTicket(trx, {
			customerId: customer.id,
			subject: input.subject,
			body: input.description,
			severity: input.severity,
			category: input.category,
			siteUrl: input.siteUrl ?? null,
			...targets,
			possibleDuplicateOf: duplicate?.id ?? null,
			createdAt: at,
		});
		await attachUploads(trx, customer, input.attachment ?? [], {
			kind: 'ticket',
			ticketId: created.id,
		});
		await insertEvent(trx, {
			ticketId: created.id,
			actorId: customer.id,
			kind: 'created',
			details: {
				severity: input.severity,
				firstResponseDueAt: targets.firstResponseDueAt.toISOString(),
				resolutionDueAt: targets.resolutionDueAt.toISOString(),
				...(duplicate
					? { possibleDuplicateOf: duplicate.number, similarity: round(duplicate.score) }
					: {}),
			},
			createdAt: at,
		});
		if (input.severity <= 2) await mailUrgentTicket(trx, created, customer);
		return created;
	});
	void kickMailDelivery(db);
	return ticket;
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

/** The viewer's own tickets (customers and staff alike: staff use the queue for everyone's). */
export function listMyTickets(db: Db, user: SessionUser): Promise<CustomerTicketRow[]> {
	return listTicketsOfCustomer(db, user.id);
}

/**
 * Adds a public reply. A staff reply stops the first-response clock (the first one sets
 * `first_responded_at`), moves a new ticket to open and mails the customer; a customer reply
 * moves a ticket waiting on them back to open.
 * Files uploaded for it are attached to the message in the same transaction.
 * @throws NotFoundError for tickets the user may not see; ConflictError on closed or resolved
 *   tickets (reopen first); TooManyRequestsError after REPLY_LIMIT messages a minute.
 */
export async function replyToTicket(db: Db, user: SessionUser, input: Reply): Promise<Ticket> {
	requireUploadsAccepted(input);
	const ticket = await getTicketFor(db, user, input.number);
	await consumeRateLimit(
		db,
		`tickets:reply:${user.id}`,
		REPLY_LIMIT,
		`You are replying very fast: at most ${REPLY_LIMIT.limit} messages a minute.`,
	);
	const staff = isStaff(user);
	const updated = await changeTicket(db, ticket.id, async (trx, current, at) => {
		if (current.status === 'closed') {
			throw new ConflictError('This ticket is closed. Please open a new ticket.');
		}
		if (current.status === 'resolved' && !staff) {
			throw new ConflictError('This ticket is resolved. Reopen it to reply.');
		}
		const messageId = await insertMessage(trx, {
			ticketId: ticket.id,
			authorId: user.id,
			body: input.body,
			internal: false,
			createdAt: at,
		});
		await attachUploads(trx, user, input.attachment ?? [], {
			kind: 'ticket-message',
			ticketId: ticket.id,
			messageId,
		});
		if (staff) {
			const nextStatus = current.status === 'new' ? 'open' : current.status;
			await updateTicket(trx, ticket.id, {
				lastActivityAt: at,
				status: nextStatus,
				...(current.firstRespondedAt ? {} : { firstRespondedAt: at }),
			});
			if (!current.firstRespondedAt) {
				await insertEvent(trx, {
					ticketId: ticket.id,
					actorId: user.id,
					kind: 'first_response',
					details: { met: at <= current.firstResponseDueAt },
					createdAt: at,
				});
			}
			const customer = await findUserById(trx, current.customerId);
			if (customer) await mailStaffReply(trx, current, customer, user, input.body);
		} else {
			const nextStatus = current.status === 'waiting' ? 'open' : current.status;
			await updateTicket(trx, ticket.id, { lastActivityAt: at, status: nextStatus });
		}
	});
	if (staff) void kickMailDelivery(db);
	return updated;
}

/**
 * Adds an internal note, visible to staff only. Notes do not stop the first-response clock
 * and do not change the ticket's last activity (which customers see).
 * Its files, like the note, only staff see.
 * @throws ForbiddenError for non-staff; NotFoundError for unknown tickets; attachment errors.
 */
export async function addInternalNote(db: Db, user: SessionUser, input: Note): Promise<void> {
	requireRole(user, 'staff');
	requireUploadsAccepted(input);
	const ticket = await getTicketFor(db, user, input.number);
	await consumeRateLimit(db, `tickets:reply:${user.id}`, REPLY_LIMIT, 'You are writing very fast.');
	await db.transaction().execute(async (trx) => {
		const messageId = await insertMessage(trx, {
			ticketId: ticket.id,
			authorId: user.id,
			body: input.body,
			internal: true,
			createdAt: now(),
		});
		await attachUploads(trx, user, input.attachment ?? [], {
			kind: 'ticket-message',
			ticketId: ticket.id,
			messageId,
		});
	});
}

/**
 * The customer (or staff) closes a ticket. Staff closing it mails the customer.
 * @throws NotFoundError; ConflictError when it is closed already.
 */
export async function closeTicket(db: Db, user: SessionUser, input: TicketRef): Promise<Ticket> {
	const ticket = await getTicketFor(db, user, input.number);
	const updated = await changeTicket(db, ticket.id, async (trx, current, at) => {
		if (current.status === 'closed') throw new ConflictError('This ticket is closed already.');
		await updateTicket(trx, ticket.id, { status: 'closed', closedAt: at, lastActivityAt: at });
		await insertEvent(trx, {
			ticketId: ticket.id,
			actorId: user.id,
			kind: 'status',
			details: { from: current.status, to: 'closed' },
			createdAt: at,
		});
		if (user.id !== current.customerId) {
			const customer = await findUserById(trx, current.customerId);
			if (customer) await mailStatusChange(trx, current, customer, 'closed');
		}
	});
	void kickMailDelivery(db);
	return updated;
}

/**
 * The customer reopens a resolved ticket, within REOPEN_DAYS of its resolution.
 * @throws NotFoundError; ConflictError when it is not resolved or was resolved too long ago.
 */
export async function reopenTicket(db: Db, user: SessionUser, input: TicketRef): Promise<Ticket> {
	const ticket = await getTicketFor(db, user, input.number);
	return changeTicket(db, ticket.id, async (trx, current, at) => {
		if (current.status !== 'resolved')
			throw new ConflictError('Only a resolved ticket can be reopened.');
		if (!canReopenAt(current.resolvedAt, at)) {
			throw new ConflictError(
				`This ticket was resolved more than ${REOPEN_DAYS} days ago. Please open a new ticket and mention #${current.number}.`,
			);
		}
		await updateTicket(trx, ticket.id, { status: 'open', resolvedAt: null, lastActivityAt: at });
		await insertEvent(trx, {
			ticketId: ticket.id,
			actorId: user.id,
			kind: 'status',
			details: { from: 'resolved', to: 'open', reopened: true },
			createdAt: at,
		});
	});
}

export async function requireTicket(db: Db, id: string): Promise<Ticket> {
	const ticket = await findTicketById(db, id);
	if (!ticket) throw new ConflictError('The ticket was removed meanwhile.');
	return ticket;
}

/**
 * One change to a ticket: in a transaction, the ticket is locked and read again, and `change`
 * gets that current copy and the time of the change. Returns the ticket as committed.
 * @throws ConflictError when the ticket is gone; whatever `change` throws (nothing is written).
 */
export async function changeTicket(
	db: Db,
	id: string,
	change: (trx: Db, current: Ticket, at: Date) => Promise<void>,
): Promise<Ticket> {
	const at = now();
	await db.transaction().execute(async (trx) => {
		await lockTicket(trx, id);
		await change(trx, await requireTicket(trx, id), at);
	});
	return requireTicket(db, id);
}
