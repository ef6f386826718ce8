// Who may fetch which file: the rules of the message each file is attached to.
import { beforeAll, describe, expect, it } from 'vitest';
import { canSeeAttachment, getAttachmentFor } from '#server/files/access.ts';
import type { Attachment } from '#server/attachments/attachments.repo.ts';
import { attachUploads } from '#server/attachments/attachments.service.ts';
import { listPostFiles, listTicketFiles } from '#server/attachments/views.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { NotFoundError } from '#server/errors.ts';
import { moderateTopic, setPostHiddenByStaff } from '#server/forum/moderation.service.ts';
import { deletePost } from '#server/forum/posting.service.ts';
import { findPost } from '#server/forum/posts.repo.ts';
import { listMessages } from '#server/tickets/messages.repo.ts';
import { addInternalNote, replyToTicket } from '#server/tickets/tickets.service.ts';
import { upload } from '../../helpers/attachments.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { LOG_FILE, makePng } from '../../helpers/files.ts';
import { makeForumUser, makeReply, makeTopic } from '../../helpers/forum.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';
import { clearRateLimit } from '#server/rate-limit/rate-limit.ts';

describeEachDb('attachments: access', (use) => {
	let customer: SessionUser;
	let other: SessionUser;
	let developer: SessionUser;
	let staff: SessionUser;
	let opening: Attachment;
	let reply: Attachment;
	let staffReply: Attachment;
	let note: Attachment;
	let pending: Attachment;
	let ticketId: string;

	const sees = async (viewer: SessionUser | null, file: Attachment) =>
		canSeeAttachment(use(), viewer, file);

	beforeAll(async () => {
		const db = use();
		customer = await makeCustomer(db);
		other = await makeCustomer(db);
		developer = await makeCustomer(db, 'developer');
		staff = await makeStaff(db);
		const ticket = await makeTicket(db, customer);
		ticketId = ticket.id;
		const png = await makePng();
		opening = (await upload(db, customer, [{ name: 'shot.png', data: png }]))[0]!;
		await db
			.transaction()
			.execute((trx) => attachUploads(trx, customer, [opening!.id], { kind: 'ticket', ticketId }));
		opening = await getAttachmentFor(db, customer, opening!.id);
		const attachToLast = async (user: SessionUser, name: string, internal: boolean) => {
			const [file] = await upload(db, user, [
				{ name, data: Buffer.from(`${name} ${Math.random()}`) },
			]);
			const messages = await listMessages(db, ticketId, { includeInternal: true });
			const message = messages.filter((m) => m.internal === internal).at(-1)!;
			await db.transaction().execute((trx) =>
				attachUploads(trx, user, [file!.id], {
					kind: 'ticket-message',
					ticketId,
					messageId: message.id,
				}),
			);
			return (await getAttachmentFor(db, user, file!.id))!;
		};
		await replyToTicket(db, customer, { number: ticket.number, body: 'Here is the log.' });
		reply = await attachToLast(customer, 'storefront.log', false);
		await clearRateLimit(db, `tickets:reply:${staff.id}`);
		await replyToTicket(db, staff, { number: ticket.number, body: 'Here is the fix.' });
		staffReply = await attachToLast(staff, 'fix.txt', false);
		await addInternalNote(db, staff, { number: ticket.number, body: 'Their server log.' });
		note = await attachToLast(staff, 'internal.log', true);
		pending = (await upload(db, customer, [{ name: 'draft.log', data: LOG_FILE }]))[0]!;
	});

	it('lets the customer and staff fetch the files of the ticket and its replies', async () => {
		for (const file of [opening, reply, staffReply]) {
			expect(await sees(customer, file), `customer: ${file.name}`).toBe(true);
			expect(await sees(staff, file), `staff: ${file.name}`).toBe(true);
		}
	});

	it('answers 404 to another customer, a developer and a visitor for every ticket file', async () => {
		for (const viewer of [other, developer, null]) {
			for (const file of [opening, reply, staffReply, note, pending]) {
				expect(await sees(viewer, file)).toBe(false);
				await expect(getAttachmentFor(use(), viewer, file.id)).rejects.toBeInstanceOf(
					NotFoundError,
				);
			}
		}
	});

	it('shows files of internal notes to staff only, even to the ticket’s customer', async () => {
		expect(await sees(staff, note)).toBe(true);
		expect(await sees(customer, note)).toBe(false);
		const forCustomer = await listTicketFiles(use(), customer, ticketId);
		const forStaff = await listTicketFiles(use(), staff, ticketId);
		const names = (t: typeof forStaff) =>
			[...t.opening, ...[...t.byMessage.values()].flat()].map((f) => f.name).sort();
		expect(names(forCustomer)).toEqual(['fix.txt', 'shot.png', 'storefront.log']);
		expect(names(forStaff)).toEqual(['fix.txt', 'internal.log', 'shot.png', 'storefront.log']);
	});

	it('shows a file not sent yet only to whoever uploaded it', async () => {
		expect(await sees(customer, pending)).toBe(true);
		expect(await sees(staff, pending)).toBe(false);
	});

	it('answers 404 to ids that are not uuids or do not exist', async () => {
		for (const id of ['x', "1' or '1'='1", '00000000-0000-0000-0000-000000000000']) {
			await expect(getAttachmentFor(use(), staff, id)).rejects.toBeInstanceOf(NotFoundError);
		}
	});

	it('refuses to attach someone else’s upload, or one already sent', async () => {
		const db = use();
		await expect(
			db
				.transaction()
				.execute((trx) => attachUploads(trx, other, [pending.id], { kind: 'ticket', ticketId })),
		).rejects.toMatchObject({ status: 400 });
		await expect(
			db
				.transaction()
				.execute((trx) => attachUploads(trx, customer, [reply.id], { kind: 'ticket', ticketId })),
		).rejects.toMatchObject({ status: 400 });
		expect((await getAttachmentFor(db, customer, pending.id)).parent.kind).toBe('pending');
	});

	describe('forum files', () => {
		let author: SessionUser;
		let topicId: string;
		let postFile: Attachment;

		async function attachToPost(postId: string): Promise<Attachment> {
			const [file] = await upload(use(), author, [
				{ name: 'diagram.png', data: await makePng(30, 30) },
			]);
			await use()
				.transaction()
				.execute((trx) => attachUploads(trx, author, [file!.id], { kind: 'forum-post', postId }));
			return getAttachmentFor(use(), author, file!.id);
		}

		beforeAll(async () => {
			author = await makeForumUser(use(), 'developer');
			const topic = await makeTopic(use(), author);
			topicId = topic.topicId;
			postFile = await attachToPost(topic.postId);
		});

		it('lets anyone who can see the post fetch its files, visitors included', async () => {
			for (const viewer of [null, other, customer, staff])
				expect(await sees(viewer, postFile)).toBe(true);
		});

		it('hides the files of a deleted post from all but staff', async () => {
			const { postId } = await makeReply(use(), author, topicId);
			const file = await attachToPost(postId);
			await deletePost(use(), author, { postId });
			for (const viewer of [null, other, author]) expect(await sees(viewer, file)).toBe(false);
			expect(await sees(staff, file)).toBe(true);
			const post = (await findPost(use(), postId))!;
			expect((await listPostFiles(use(), other, [post])).get(postId)).toBeUndefined();
			expect((await listPostFiles(use(), staff, [post])).get(postId)).toHaveLength(1);
		});

		it('hides the files of a post staff hid, and of a hidden topic', async () => {
			const { postId } = await makeReply(use(), author, topicId);
			const file = await attachToPost(postId);
			await setPostHiddenByStaff(use(), staff, { postId, hidden: 'on' });
			expect(await sees(other, file)).toBe(false);
			expect(await sees(staff, file)).toBe(true);
			await moderateTopic(use(), staff, { topicId, action: 'hide' });
			expect(await sees(other, postFile)).toBe(false);
			expect(await sees(staff, postFile)).toBe(true);
		});
	});
});
