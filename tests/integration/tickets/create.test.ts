import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '#server/errors.ts';
import { CreateTicketSchema } from '#server/tickets/tickets.schema.ts';
import { createTicket } from '#server/tickets/tickets.service.ts';
import { listEvents } from '#server/tickets/messages.repo.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

const FRIDAY_EVENING = '2026-11-27T17:30:00+03:00';

describeEachDb('opening tickets', (use) => {
	it('stores the first-response and resolution targets from the policy at creation', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const ticket = await makeTicket(db, customer, { severity: 3, at: FRIDAY_EVENING });
		expect(ticket.createdAt.toISOString()).toBe('2026-11-27T14:30:00.000Z');
		// Severity 3: one hour counted inside 09:00-18:00 MSK on working days. Friday 17:30 leaves
		// 30 minutes on Friday, the other 30 run on Monday from 09:00.
		expect(ticket.firstResponseDueAt.toISOString()).toBe('2026-11-30T06:30:00.000Z');
		// 5th working day after Friday 27 Nov is Friday 4 Dec, at 18:00 MSK.
		expect(ticket.resolutionDueAt.toISOString()).toBe('2026-12-04T15:00:00.000Z');
		expect(ticket.status).toBe('new');
		expect(ticket.number).toBeGreaterThanOrEqual(1001);
	});

	it('gives Severity 1 a one-hour target around the clock', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const ticket = await makeTicket(db, customer, { severity: 1, at: '2026-11-28T23:10:00+03:00' });
		expect(ticket.firstResponseDueAt.toISOString()).toBe('2026-11-28T21:10:00.000Z');
	});

	it('records a created event with the targets', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const ticket = await makeTicket(db, customer, { severity: 2, at: FRIDAY_EVENING });
		const events = await listEvents(db, ticket.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			kind: 'created',
			details: { severity: 2, firstResponseDueAt: ticket.firstResponseDueAt.toISOString() },
		});
	});

	it('numbers tickets from a sequence', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const a = await makeTicket(db, customer);
		const b = await makeTicket(db, customer);
		expect(b.number).toBe(a.number + 1);
	});

	it('refuses the sixth ticket within ten minutes', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const input = CreateTicketSchema.parse({
			subject: 'Rate limited question',
			description: 'x',
			severity: '4',
			category: 'other',
		});
		for (let i = 0; i < 5; i++) {
			await createTicket(db, customer, {
				...input,
				subject: `${input.subject} ${i} ${'qwertyuiop'.slice(i)}`,
			});
		}
		await expect(createTicket(db, customer, input)).rejects.toBeInstanceOf(TooManyRequestsError);
	});

	it('mails every staff member about a Severity 1 or 2 ticket, and nobody about Severity 3', async () => {
		const db = use();
		const staff = await makeStaff(db);
		const customer = await makeCustomer(db);
		const urgent = await makeTicket(db, customer, {
			severity: 1,
			subject: 'Storefront is down completely',
		});
		const normal = await makeTicket(db, customer, {
			severity: 3,
			subject: 'Typo in a product label',
		});
		const mails = await db
			.selectFrom('mail_outbox')
			.selectAll()
			.where('recipient', '=', staff.email)
			.execute();
		expect(mails.map((m) => m.subject)).toContain(
			`Severity 1: [#${urgent.number}] Storefront is down completely`,
		);
		expect(mails.some((m) => m.subject.includes(`#${normal.number}]`))).toBe(false);
	});
});

describe('ticket form validation', () => {
	const valid = {
		subject: 'Orders fail at checkout',
		description: 'Customers see an error.',
		severity: '1',
		category: 'orders-payments',
		siteUrl: 'https://shop.example.com',
	};

	it('accepts a complete ticket and coerces the severity', () => {
		expect(CreateTicketSchema.parse(valid)).toMatchObject({
			severity: 1,
			siteUrl: 'https://shop.example.com',
		});
	});

	it('treats an empty site URL as none', () => {
		expect(CreateTicketSchema.parse({ ...valid, siteUrl: '' }).siteUrl).toBeUndefined();
	});

	it.each([
		['subject', { subject: 'Hi' }],
		['subject', { subject: 'x'.repeat(201) }],
		['description', { description: '   ' }],
		['description', { description: 'x'.repeat(50_001) }],
		['severity', { severity: '5' }],
		['severity', { severity: undefined }],
		['category', { category: 'plumbing' }],
		['siteUrl', { siteUrl: 'javascript:alert(1)' }],
		['siteUrl', { siteUrl: 'shop.example.com' }],
	])('reports a bad %s next to the field', (field, change) => {
		const result = CreateTicketSchema.safeParse({ ...valid, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
	});
});
