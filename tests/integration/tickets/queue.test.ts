import { expect, it } from 'vitest';
import { listQueue } from '#server/tickets/queue.service.ts';
import { QueueFilterSchema } from '#server/tickets/tickets.schema.ts';
import { addInternalNote, replyToTicket } from '#server/tickets/tickets.service.ts';
import { assignTicket, changeStatus } from '#server/tickets/workflow.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { at, makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

describeEachDb('staff queue', (use) => {
	const tag = () => `tag${Math.random().toString(36).slice(2, 9)}`;

	it('orders open tickets by first-response due time, answered ones after', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const t = tag();
		// Severity 4 on Friday evening is due Monday; Severity 1 on Saturday is due within the hour.
		const low = await makeTicket(db, customer, {
			severity: 4,
			subject: `Low ${t}`,
			at: '2026-11-27T17:30:00+03:00',
		});
		const urgent = await makeTicket(db, customer, {
			severity: 1,
			subject: `Urgent ${t}`,
			at: '2026-11-28T12:00:00+03:00',
		});
		const answered = await makeTicket(db, customer, {
			severity: 1,
			subject: `Answered ${t}`,
			at: '2026-11-27T10:00:00+03:00',
		});
		await replyToTicket(db, staff, { number: answered.number, body: 'Done' });
		const queue = await at('2026-11-28T12:05:00+03:00', () =>
			listQueue(db, staff, QueueFilterSchema.parse({ q: t })),
		);
		expect(queue.items.map((i) => i.ticket.number)).toEqual([
			urgent.number,
			low.number,
			answered.number,
		]);
	});

	it('filters by status, severity, category and assignee', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const t = tag();
		const a = await makeTicket(db, customer, {
			severity: 2,
			category: 'api-key',
			subject: `A ${t}`,
		});
		const b = await makeTicket(db, customer, {
			severity: 4,
			category: 'installation',
			subject: `B ${t}`,
		});
		const c = await makeTicket(db, customer, {
			severity: 4,
			category: 'installation',
			subject: `C ${t}`,
		});
		await assignTicket(db, staff, { number: b.number, assigneeId: staff.id });
		await changeStatus(db, staff, { number: c.number, status: 'resolved' });
		const numbers = async (filter: Record<string, string>) =>
			(await listQueue(db, staff, QueueFilterSchema.parse({ q: t, ...filter }))).items
				.map((i) => i.ticket.number)
				.sort();
		expect(await numbers({})).toEqual([a.number, b.number].sort());
		expect(await numbers({ status: 'all' })).toEqual([a.number, b.number, c.number].sort());
		expect(await numbers({ status: 'resolved' })).toEqual([c.number]);
		expect(await numbers({ severity: '2' })).toEqual([a.number]);
		expect(await numbers({ category: 'installation', status: 'all' })).toEqual(
			[b.number, c.number].sort(),
		);
		expect(await numbers({ assignee: staff.id })).toEqual([b.number]);
		expect(await numbers({ assignee: 'none' })).toEqual([a.number]);
	});

	it('searches subjects, descriptions, messages, notes and numbers', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const t = tag();
		const bySubject = await makeTicket(db, customer, { subject: `Subject ${t}` });
		const byBody = await makeTicket(db, customer, { description: `Body mentions ${t}_body` });
		const byNote = await makeTicket(db, customer);
		await addInternalNote(db, staff, { number: byNote.number, body: `note about ${t}_note` });
		const search = async (q: string) =>
			(await listQueue(db, staff, QueueFilterSchema.parse({ q, status: 'all' }))).items.map(
				(i) => i.ticket.number,
			);
		expect(await search(t)).toEqual(
			expect.arrayContaining([bySubject.number, byBody.number, byNote.number]),
		);
		expect(await search(`${t}_note`)).toEqual([byNote.number]);
		expect(await search(`#${byBody.number}`)).toContain(byBody.number);
		expect(await search('100%_never')).toEqual([]);
	});

	it('pages through many tickets with the customer and assignee joined in', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const t = tag();
		const rows = Array.from({ length: 60 }, (_, i) => ({
			customer_id: customer.id,
			subject: `Bulk ${t} ${i}`,
			body: 'bulk',
			severity: 4,
			category: 'other',
			assignee_id: staff.id,
			first_response_due_at: new Date(Date.UTC(2026, 10, 30, 6, i)),
			resolution_due_at: new Date(Date.UTC(2026, 11, 4, 15)),
			created_at: new Date(Date.UTC(2026, 10, 27, 14)),
			last_activity_at: new Date(Date.UTC(2026, 10, 27, 14)),
		}));
		await db.insertInto('tickets').values(rows).execute();
		const first = await listQueue(db, staff, QueueFilterSchema.parse({ q: `Bulk ${t}` }));
		expect(first).toMatchObject({ total: 60, pageCount: 2 });
		expect(first.items).toHaveLength(50);
		expect(first.items[0]).toMatchObject({
			customer: { id: customer.id, email: customer.email },
			assignee: { id: staff.id, displayName: staff.displayName },
		});
		const second = await listQueue(
			db,
			staff,
			QueueFilterSchema.parse({ q: `Bulk ${t}`, page: '2' }),
		);
		expect(second.items.map((i) => i.ticket.subject)).toEqual(
			Array.from({ length: 10 }, (_, i) => `Bulk ${t} ${50 + i}`),
		);
		expect(second).toMatchObject({ total: 60, pageCount: 2 });
		// A page past the end still knows how many there are (for the pager).
		const beyond = await listQueue(
			db,
			staff,
			QueueFilterSchema.parse({ q: `Bulk ${t}`, page: '5' }),
		);
		expect(beyond).toMatchObject({ items: [], total: 60, pageCount: 2 });
	});
});
