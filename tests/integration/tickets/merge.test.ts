import { expect, it } from 'vitest';
import { ConflictError } from '#server/errors.ts';
import { mergeTickets } from '#server/tickets/merge.service.ts';
import { addInternalNote, replyToTicket } from '#server/tickets/tickets.service.ts';
import { getTicketView } from '#server/tickets/view.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

describeEachDb('merging tickets', (use) => {
	it('combines the conversations, closes the merged ticket and tells the customer', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const into = await makeTicket(db, customer, { subject: 'Images do not load on product pages' });
		const from = await makeTicket(db, customer, {
			subject: 'Product photos missing',
			description: 'Since Monday.',
		});
		await replyToTicket(db, customer, { number: from.number, body: 'Also on the home page.' });
		await addInternalNote(db, staff, { number: from.number, body: 'CDN issue?' });

		const result = await mergeTickets(db, staff, { number: from.number, into: into.number });
		expect(result.from).toMatchObject({ status: 'closed', mergedInto: { number: into.number } });
		expect(result.from.closedAt).not.toBeNull();

		const customerView = await getTicketView(db, customer, into.number);
		const bodies = customerView.messages.map((m) => m.body);
		expect(bodies).toContain('**Product photos missing**\n\nSince Monday.');
		expect(bodies).toContain('Also on the home page.');
		expect(bodies.some((b) => b.includes(`Ticket #${from.number}`))).toBe(true);
		expect(bodies).not.toContain('CDN issue?');
		expect(customerView.messages.filter((m) => m.mergedFrom === from.number)).toHaveLength(2);

		const staffView = await getTicketView(db, staff, into.number);
		expect(staffView.messages.find((m) => m.body === 'CDN issue?')).toMatchObject({
			internal: true,
			mergedFrom: from.number,
		});

		const oldView = await getTicketView(db, customer, from.number);
		expect(oldView.messages.at(-1)?.body).toContain(`merged into #${into.number}`);
		const mails = await db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('recipient', '=', customer.email)
			.execute();
		expect(mails.map((m) => m.subject)).toContain(
			`Merged into #${into.number}: [#${from.number}] Product photos missing`,
		);
	});

	it("refuses to merge two customers' tickets, which would show one the other's conversation", async () => {
		const db = use();
		const staff = await makeStaff(db);
		const a = await makeTicket(db, await makeCustomer(db));
		const b = await makeTicket(db, await makeCustomer(db));
		await expect(
			mergeTickets(db, staff, { number: a.number, into: b.number }),
		).rejects.toBeInstanceOf(ConflictError);
		expect((await getTicketView(db, staff, a.number)).ticket.status).toBe('new');
	});

	it('refuses merging into itself, twice, or into a closed ticket', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const a = await makeTicket(db, customer);
		const b = await makeTicket(db, customer);
		const c = await makeTicket(db, customer);
		await expect(mergeTickets(db, staff, { number: a.number, into: a.number })).rejects.toThrow(
			/itself/,
		);
		await mergeTickets(db, staff, { number: a.number, into: b.number });
		await expect(
			mergeTickets(db, staff, { number: a.number, into: c.number }),
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			mergeTickets(db, staff, { number: c.number, into: a.number }),
		).rejects.toBeInstanceOf(ConflictError);
	});
});
