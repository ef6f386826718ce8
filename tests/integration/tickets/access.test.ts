import { expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#server/errors.ts';
import { mergeTickets } from '#server/tickets/merge.service.ts';
import { listQueue, listStaffMembers } from '#server/tickets/queue.service.ts';
import { targetsReport } from '#server/tickets/report.ts';
import { findSimilarRequests } from '#server/tickets/similar.service.ts';
import { QueueFilterSchema, ReportQuerySchema } from '#server/tickets/tickets.schema.ts';
import {
	addInternalNote,
	closeTicket,
	listMyTickets,
	reopenTicket,
	replyToTicket,
} from '#server/tickets/tickets.service.ts';
import { getTicketView } from '#server/tickets/view.service.ts';
import { assignTicket, changeSeverity, changeStatus } from '#server/tickets/workflow.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeUser } from '../../helpers/factories.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

describeEachDb('ticket access control', (use) => {
	async function setup() {
		const db = use();
		const alice = await makeCustomer(db);
		const bob = await makeCustomer(db);
		const staff = await makeStaff(db);
		const ticket = await makeTicket(db, alice, { subject: 'Payment gateway rejects Visa cards' });
		await addInternalNote(db, staff, {
			number: ticket.number,
			body: 'INTERNAL-ONLY: customer owes an invoice',
		});
		await replyToTicket(db, staff, { number: ticket.number, body: 'Public answer from staff' });
		return { db, alice, bob, staff, ticket };
	}

	it("answers 'not found' for another customer's ticket, the same as for a missing number", async () => {
		const { db, bob, ticket } = await setup();
		await expect(getTicketView(db, bob, ticket.number)).rejects.toBeInstanceOf(NotFoundError);
		await expect(getTicketView(db, bob, 999_999)).rejects.toBeInstanceOf(NotFoundError);
	});

	it("refuses every customer action on another customer's ticket with 'not found'", async () => {
		const { db, bob, staff, ticket } = await setup();
		const ref = { number: ticket.number };
		await expect(replyToTicket(db, bob, { ...ref, body: 'hijack' })).rejects.toBeInstanceOf(
			NotFoundError,
		);
		await expect(closeTicket(db, bob, ref)).rejects.toBeInstanceOf(NotFoundError);
		await expect(reopenTicket(db, bob, ref)).rejects.toBeInstanceOf(NotFoundError);
		const view = await getTicketView(db, staff, ticket.number);
		expect(view.messages.some((m) => m.body === 'hijack')).toBe(false);
	});

	it('treats developers like customers', async () => {
		const { db, ticket } = await setup();
		const developer = await makeCustomer(db, 'developer');
		await expect(getTicketView(db, developer, ticket.number)).rejects.toBeInstanceOf(NotFoundError);
		await expect(listQueue(db, developer, QueueFilterSchema.parse({}))).rejects.toBeInstanceOf(
			ForbiddenError,
		);
	});

	it('never gives internal notes to the customer', async () => {
		const { db, alice, staff, ticket } = await setup();
		const own = await getTicketView(db, alice, ticket.number);
		expect(own.messages.map((m) => m.body)).toEqual(['Public answer from staff']);
		expect(JSON.stringify(own)).not.toContain('INTERNAL-ONLY');
		expect(own.events).toEqual([]);
		const staffView = await getTicketView(db, staff, ticket.number);
		expect(staffView.messages.map((m) => m.body)).toContain(
			'INTERNAL-ONLY: customer owes an invoice',
		);
	});

	it("lists only the customer's own tickets", async () => {
		const { db, alice, bob, ticket } = await setup();
		const bobs = await makeTicket(db, bob);
		expect((await listMyTickets(db, bob)).map((r) => r.ticket.number)).toEqual([bobs.number]);
		expect((await listMyTickets(db, alice)).map((r) => r.ticket.number)).toEqual([ticket.number]);
	});

	it("never suggests another customer's ticket as similar", async () => {
		const { db, alice, bob, ticket } = await setup();
		const forBob = await findSimilarRequests(db, bob, { q: 'Payment gateway rejects Visa cards' });
		expect(forBob.tickets).toEqual([]);
		const forAlice = await findSimilarRequests(db, alice, {
			q: 'Payment gateway rejects Visa cards',
		});
		expect(forAlice.tickets.map((t) => t.number)).toEqual([ticket.number]);
	});

	it('keeps the queue, the report, staff lists and staff actions to staff', async () => {
		const { db, alice, ticket } = await setup();
		const ref = { number: ticket.number };
		const refusals = [
			listQueue(db, alice, QueueFilterSchema.parse({})),
			targetsReport(db, alice, ReportQuerySchema.parse({})),
			listStaffMembers(db, alice),
			addInternalNote(db, alice, { ...ref, body: 'note' }),
			changeStatus(db, alice, { ...ref, status: 'resolved' }),
			changeSeverity(db, alice, { ...ref, severity: 1 }),
			assignTicket(db, alice, { ...ref, assigneeId: alice.id }),
			mergeTickets(db, alice, { ...ref, into: ref.number + 1 }),
		];
		for (const refusal of refusals) await expect(refusal).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets staff and admins see every ticket', async () => {
		const { db, ticket } = await setup();
		const admin = await makeUser(db, { role: 'admin' });
		expect((await getTicketView(db, admin, ticket.number)).ticket.id).toBe(ticket.id);
	});

	it('never puts tickets or their messages into the public search index', async () => {
		const { db, ticket } = await setup();
		const rows = await db.selectFrom('search_outbox').select(['kind', 'payload']).execute();
		expect(rows.filter((r) => JSON.stringify(r.payload ?? '').includes(ticket.subject))).toEqual(
			[],
		);
		expect(rows.some((r) => JSON.stringify(r.payload ?? '').includes('INTERNAL-ONLY'))).toBe(false);
	});
});
