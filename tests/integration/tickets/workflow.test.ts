import { expect, it } from 'vitest';
import { ConflictError } from '#server/errors.ts';
import { listEvents } from '#server/tickets/messages.repo.ts';
import { QueueFilterSchema } from '#server/tickets/tickets.schema.ts';
import { listQueue } from '#server/tickets/queue.service.ts';
import {
	addInternalNote,
	closeTicket,
	reopenTicket,
	replyToTicket,
} from '#server/tickets/tickets.service.ts';
import { getTicketView } from '#server/tickets/view.service.ts';
import { assignTicket, changeSeverity, changeStatus } from '#server/tickets/workflow.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { at, makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

const FRIDAY_EVENING = '2026-11-27T17:30:00+03:00';

describeEachDb('ticket workflow', (use) => {
	it('recomputes the targets when staff change the severity, and records the change', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { severity: 3, at: FRIDAY_EVENING });
		const changed = await at('2026-11-27T18:00:00+03:00', () =>
			changeSeverity(db, staff, { number: ticket.number, severity: 1 }),
		);
		// Severity 1: one hour around the clock from arrival.
		expect(changed.severity).toBe(1);
		expect(changed.firstResponseDueAt.toISOString()).toBe('2026-11-27T15:30:00.000Z');
		expect(changed.resolutionDueAt.toISOString()).toBe(ticket.resolutionDueAt.toISOString());
		const event = (await listEvents(db, ticket.id)).find((e) => e.kind === 'severity');
		expect(event).toMatchObject({
			actor: { id: staff.id },
			details: {
				from: 3,
				to: 1,
				firstResponseDueAt: { from: '2026-11-30T06:30:00.000Z', to: '2026-11-27T15:30:00.000Z' },
			},
		});
	});

	it('stops the first-response clock at the first staff reply only', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { at: FRIDAY_EVENING });
		await at('2026-11-27T18:00:00+03:00', () =>
			replyToTicket(db, customer, { number: ticket.number, body: 'More details' }),
		);
		await at('2026-11-27T18:05:00+03:00', () =>
			addInternalNote(db, staff, { number: ticket.number, body: 'Looking' }),
		);
		const before = (await getTicketView(db, staff, ticket.number)).ticket;
		expect(before.firstRespondedAt).toBeNull();
		expect(before.status).toBe('new');

		const first = await at('2026-11-30T09:10:00+03:00', () =>
			replyToTicket(db, staff, { number: ticket.number, body: 'We are on it' }),
		);
		expect(first.firstRespondedAt?.toISOString()).toBe('2026-11-30T06:10:00.000Z');
		expect(first.status).toBe('open');
		const second = await at('2026-11-30T11:00:00+03:00', () =>
			replyToTicket(db, staff, { number: ticket.number, body: 'Fixed?' }),
		);
		expect(second.firstRespondedAt?.toISOString()).toBe('2026-11-30T06:10:00.000Z');
		const view = await getTicketView(db, staff, ticket.number);
		expect(view.standing.firstResponse).toBe('met');
	});

	it('flags a ticket whose first-response target passed, in the queue and its badge', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { severity: 3, at: FRIDAY_EVENING });
		const filter = QueueFilterSchema.parse({ overdue: '1', q: String(ticket.number) });
		const early = await at('2026-11-30T09:10:00+03:00', () => listQueue(db, staff, filter));
		expect(early.items).toHaveLength(0);
		const onTime = await at('2026-11-30T09:10:00+03:00', () =>
			listQueue(db, staff, QueueFilterSchema.parse({ q: String(ticket.number) })),
		);
		expect(onTime.items[0]?.badge).toMatchObject({ text: 'due in 20 min', tone: 'warn' });
		const late = await at('2026-11-30T11:30:00+03:00', () => listQueue(db, staff, filter));
		expect(late.items.map((i) => i.ticket.number)).toEqual([ticket.number]);
		expect(late.items[0]?.standing.flagged).toBe(true);
		expect(late.items[0]?.badge).toMatchObject({ text: 'overdue 2 h', tone: 'danger' });
		await at('2026-11-30T11:40:00+03:00', () =>
			replyToTicket(db, staff, { number: ticket.number, body: 'Sorry' }),
		);
		const answered = await at('2026-11-30T11:45:00+03:00', () =>
			getTicketView(db, staff, ticket.number),
		);
		expect(answered.standing.firstResponse).toBe('missed');
		expect(answered.standing.flagged).toBe(false);
	});

	it('lets the customer reopen a resolved ticket within 14 days', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { at: FRIDAY_EVENING });
		await at('2026-11-30T10:00:00+03:00', () =>
			changeStatus(db, staff, { number: ticket.number, status: 'resolved' }),
		);
		const reopened = await at('2026-12-14T09:59:00+03:00', () =>
			reopenTicket(db, customer, { number: ticket.number }),
		);
		expect(reopened.status).toBe('open');
		expect(reopened.resolvedAt).toBeNull();
	});

	it('refuses to reopen a ticket resolved more than 14 days ago', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { at: FRIDAY_EVENING });
		await at('2026-11-30T10:00:00+03:00', () =>
			changeStatus(db, staff, { number: ticket.number, status: 'resolved' }),
		);
		await expect(
			at('2026-12-14T10:01:00+03:00', () => reopenTicket(db, customer, { number: ticket.number })),
		).rejects.toThrow(/more than 14 days/);
		expect((await getTicketView(db, customer, ticket.number)).ticket.status).toBe('resolved');
	});

	it('refuses customer replies on resolved and closed tickets', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer);
		await changeStatus(db, staff, { number: ticket.number, status: 'resolved' });
		await expect(
			replyToTicket(db, customer, { number: ticket.number, body: 'x' }),
		).rejects.toBeInstanceOf(ConflictError);
		await closeTicket(db, customer, { number: ticket.number });
		await expect(
			replyToTicket(db, staff, { number: ticket.number, body: 'x' }),
		).rejects.toBeInstanceOf(ConflictError);
		await expect(reopenTicket(db, customer, { number: ticket.number })).rejects.toBeInstanceOf(
			ConflictError,
		);
	});

	it('moves a ticket waiting on the customer back to open when they reply', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer);
		await changeStatus(db, staff, { number: ticket.number, status: 'waiting' });
		const replied = await replyToTicket(db, customer, {
			number: ticket.number,
			body: 'Here is the log',
		});
		expect(replied.status).toBe('open');
	});

	it('mails the customer when staff reply or change the status, not for internal notes', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer);
		await addInternalNote(db, staff, { number: ticket.number, body: 'SECRET-NOTE-TEXT' });
		await replyToTicket(db, staff, { number: ticket.number, body: 'Please clear the cache.' });
		await changeStatus(db, staff, { number: ticket.number, status: 'resolved' });
		const mails = await db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('recipient', '=', customer.email)
			.orderBy('created_at')
			.execute();
		expect(mails.map((m) => m.subject)).toEqual([
			`Re: [#${ticket.number}] ${ticket.subject}`,
			`Resolved: [#${ticket.number}] ${ticket.subject}`,
		]);
		expect(mails[0]?.text_body).toContain('Please clear the cache.');
		expect(mails.some((m) => m.text_body.includes('SECRET-NOTE-TEXT'))).toBe(false);
	});

	it('assigns to staff members only, and records it', async () => {
		const db = use();
		const [customer, staff, other] = [
			await makeCustomer(db),
			await makeStaff(db),
			await makeStaff(db),
		];
		const ticket = await makeTicket(db, customer);
		await expect(
			assignTicket(db, staff, { number: ticket.number, assigneeId: customer.id }),
		).rejects.toThrow(/staff member/);
		const assigned = await assignTicket(db, staff, { number: ticket.number, assigneeId: other.id });
		expect(assigned.assigneeId).toBe(other.id);
		const events = await listEvents(db, ticket.id);
		expect(events.find((e) => e.kind === 'assigned')?.details).toMatchObject({ to: other.id });
	});

	it('notifies the customer in the site about a staff reply, and reading the ticket marks it read', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer);
		await addInternalNote(db, staff, { number: ticket.number, body: 'note' });
		await replyToTicket(db, staff, { number: ticket.number, body: 'Answer' });
		const unread = () =>
			db
				.selectFrom('notifications')
				.selectAll()
				.where('user_id', '=', customer.id)
				.where('read_at', 'is', null)
				.execute();
		const before = await unread();
		expect(before).toHaveLength(1);
		expect(before[0]).toMatchObject({
			kind: 'ticket.reply',
			url: `/tickets/${ticket.number}#latest`,
		});
		await getTicketView(db, staff, ticket.number);
		expect(await unread()).toHaveLength(1);
		await getTicketView(db, customer, ticket.number);
		expect(await unread()).toHaveLength(0);
	});
});
