import { expect, it } from 'vitest';
import { findSimilarRequests } from '#server/tickets/similar.service.ts';
import { getTicketView } from '#server/tickets/view.service.ts';
import { changeStatus } from '#server/tickets/workflow.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeForumUser, makeTopic } from '../../helpers/forum.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

describeEachDb('duplicate tickets', (use) => {
	it('suggests the customer’s open ticket about the same problem while they type', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const original = await makeTicket(db, customer, {
			subject: 'Checkout page shows error 500 after payment',
			description: 'When a buyer pays with a card, the checkout page shows error 500.',
		});
		await makeTicket(db, customer, {
			subject: 'How do I change the logo colour?',
			description: 'Design question.',
		});
		const hits = await findSimilarRequests(db, customer, {
			q: 'checkout shows error 500 after paying',
			subject: 'Checkout error 500 after payment',
		});
		expect(hits.tickets.map((t) => t.number)).toEqual([original.number]);
		expect(hits.tickets[0]).toMatchObject({
			status: 'new',
			statusLabel: 'New',
			url: `/tickets/${original.number}`,
		});
	});

	it('does not suggest unrelated, closed or resolved tickets', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const resolved = await makeTicket(db, customer, {
			subject: 'Translation of product titles is wrong',
		});
		await changeStatus(db, staff, { number: resolved.number, status: 'resolved' });
		const hits = await findSimilarRequests(db, customer, {
			q: '',
			subject: 'Translation of product titles is wrong',
		});
		expect(hits.tickets).toEqual([]);
		const unrelated = await findSimilarRequests(db, customer, {
			q: 'API key expired yesterday',
			subject: 'API key expired',
		});
		expect(unrelated.tickets).toEqual([]);
	});

	it('marks a ticket submitted anyway as a possible duplicate of the open one', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const original = await makeTicket(db, customer, {
			subject: 'Orders are not imported into the admin panel',
			description: 'New orders stopped appearing in the admin panel yesterday.',
		});
		const again = await makeTicket(db, customer, {
			subject: 'Orders not imported into admin panel',
			description: 'Since yesterday new orders do not appear in the admin panel.',
		});
		expect(again.possibleDuplicateOf).toEqual({ id: original.id, number: original.number });
		const different = await makeTicket(db, customer, {
			subject: 'Please add a Spanish translation',
			description: 'Feature request.',
		});
		expect(different.possibleDuplicateOf).toBeNull();
		expect((await getTicketView(db, staff, again.number)).ticket.possibleDuplicateOf?.number).toBe(
			original.number,
		);
	});
});

describeEachDb('similar forum topics for a new ticket', (use) => {
	it('shows recent visible forum topics about the same problem, never hidden ones', async () => {
		const db = use();
		const customer = await makeCustomer(db);
		const author = await makeForumUser(db);
		const visible = await makeTopic(db, author, {
			title: 'Yandex Market export skips half of the products',
		});
		const hidden = await makeTopic(db, author, {
			title: 'Yandex Market export skips some products again',
		});
		await db
			.updateTable('forum_topics')
			.set({ hidden: true })
			.where('id', '=', hidden.topicId)
			.execute();
		const hits = await findSimilarRequests(db, customer, {
			q: '',
			subject: 'Yandex Market export skips products',
		});
		expect(hits.topics.map((t) => t.id)).toEqual([visible.topicId]);
		expect(hits.topics[0]).toMatchObject({
			title: 'Yandex Market export skips half of the products',
			solved: false,
		});
		expect(hits.topics[0]?.url).toMatch(/^\/forum\//);
	});
});
