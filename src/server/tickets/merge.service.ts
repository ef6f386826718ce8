import { requireRole } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, ConflictError } from '#server/errors.ts';
import { kickMailDelivery } from '#server/mail/mail.sender.ts';
import { findUserById } from '#server/users/users.repo.ts';
import { getTicketFor } from './access.ts';
import { mailMerged } from './ticket-mail.ts';
import { copyMessages, insertEvent, insertMessage } from './messages.repo.ts';
import { lockTicket, updateTicket, type Ticket } from './tickets.repo.ts';
import type { Merge } from './tickets.schema.ts';
import { requireTicket } from './tickets.service.ts';

/**
 * Merges ticket `number` (A) into ticket `into` (B): A's description and messages are copied into
 * B's conversation marked "merged from #A" (internal notes stay internal), A is closed with
 * `merged_into` = B, and the customer is told in both conversations and by e-mail.
 *
 * NOTE: only tickets of the same customer can be merged. Copying one customer's conversation
 * into another customer's ticket would show it to someone who must never see it.
 * @throws ForbiddenError for non-staff; NotFoundError for unknown tickets; BadRequestError for
 *   merging a ticket into itself; ConflictError for merged or closed tickets, or different
 *   customers.
 */
export async function mergeTickets(
	db: Db,
	user: SessionUser,
	input: Merge,
): Promise<{ from: Ticket; into: Ticket }> {
	requireRole(user, 'staff');
	if (input.number === input.into) {
		throw new BadRequestError('A ticket cannot be merged into itself.', {
			into: 'Enter another ticket number.',
		});
	}
	const fromRef = await getTicketFor(db, user, input.number);
	const intoRef = await getTicketFor(db, user, input.into).catch(() => {
		throw new BadRequestError(`There is no ticket #${input.into}.`, {
			into: `There is no ticket #${input.into}.`,
		});
	});
	const at = now();
	await db.transaction().execute(async (trx) => {
		// Lock in a fixed order so two opposite merges cannot deadlock.
		for (const id of [fromRef.id, intoRef.id].sort()) await lockTicket(trx, id);
		const from = await requireTicket(trx, fromRef.id);
		const into = await requireTicket(trx, intoRef.id);
		if (from.mergedInto)
			throw new ConflictError(
				`#${from.number} was merged into #${from.mergedInto.number} already.`,
			);
		if (into.mergedInto || into.status === 'closed') {
			throw new ConflictError(`#${into.number} is closed; merge into an open ticket.`, {
				into: 'Choose an open ticket.',
			});
		}
		if (from.customerId !== into.customerId) {
			throw new ConflictError('Only tickets of the same customer can be merged.', {
				into: 'That ticket belongs to another customer.',
			});
		}
		await insertMessage(trx, {
			ticketId: into.id,
			authorId: from.customerId,
			body: `**${from.subject}**\n\n${from.body}`,
			internal: false,
			mergedFrom: from.number,
			createdAt: from.createdAt,
		});
		const copied = await copyMessages(trx, from.id, into.id, from.number);
		await insertMessage(trx, {
			ticketId: into.id,
			authorId: null,
			body: `Ticket #${from.number} (“${from.subject}”) was merged into this ticket; its conversation is included above.`,
			internal: false,
			createdAt: at,
		});
		await insertMessage(trx, {
			ticketId: from.id,
			authorId: null,
			body: `This ticket was merged into #${into.number} (“${into.subject}”), which is about the same problem. Please continue there.`,
			internal: false,
			createdAt: at,
		});
		await updateTicket(trx, from.id, {
			status: 'closed',
			closedAt: at,
			mergedInto: into.id,
			lastActivityAt: at,
		});
		await updateTicket(trx, into.id, { lastActivityAt: at });
		await insertEvent(trx, {
			ticketId: from.id,
			actorId: user.id,
			kind: 'merged',
			details: { into: into.number, from: from.status },
			createdAt: at,
		});
		await insertEvent(trx, {
			ticketId: into.id,
			actorId: user.id,
			kind: 'merged_in',
			details: { from: from.number, messages: copied + 1 },
			createdAt: at,
		});
		const customer = await findUserById(trx, from.customerId);
		if (customer) await mailMerged(trx, from, into, customer);
	});
	void kickMailDelivery(db);
	return { from: await requireTicket(db, fromRef.id), into: await requireTicket(db, intoRef.id) };
}
