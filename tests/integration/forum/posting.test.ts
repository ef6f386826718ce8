import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
	BadRequestError,
	ForbiddenError,
	NotFoundError,
	TooManyRequestsError,
} from '#server/errors.ts';
import { MAX_POST_LENGTH } from '#server/forum/forum.schema.ts';
import { getTopicPage, listLatestTopics, locatePost } from '#server/forum/forum.service.ts';
import { getPostHistory } from '#server/forum/moderation.service.ts';
import { createTopic, deletePost, editPost, replyToTopic } from '#server/forum/posting.service.ts';
import { acceptAnswer, quotePost, setTopicWatch } from '#server/forum/topic-actions.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import {
	makeForumUser,
	makeReply,
	makeTopic,
	notificationsOf,
	outboxOf,
} from '../../helpers/forum.ts';

const countRows = async (
	db: ReturnType<Parameters<Parameters<typeof describeEachDb>[1]>[0]>,
	table: 'forum_topics' | 'forum_posts',
) =>
	Number(
		(
			await db
				.selectFrom(table)
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow()
		).n,
	);

describeEachDb('forum posting', (use) => {
	it('starts a topic in a sub-category, lists it under its parent and queues it for search', async () => {
		const db = use();
		const dev = await makeForumUser(db, 'developer');
		const { topicId, url } = await makeTopic(db, dev, {
			categorySlug: 'design-changes',
			title: 'Bigger product photos on the category page',
			body: 'How do I make the **photos** larger?',
		});
		expect(url).toMatch(
			new RegExp(`^/forum/t/bigger-product-photos-on-the-category-page-${topicId}$`),
		);
		const page = await getTopicPage(db, null, topicId);
		expect(page.topic.category.slug).toBe('design-changes');
		expect(page.topic.category.parent?.slug).toBe('co-development');
		expect(page.posts).toHaveLength(1);
		expect(page.posts[0]!.html).toContain('<strong>photos</strong>');
		expect(page.posts[0]!.author.role).toBe('developer');
		const outbox = await outboxOf(db, topicId);
		expect(outbox.at(-1)).toMatchObject({ op: 'upsert' });
		expect(JSON.stringify(outbox.at(-1)!.payload)).toContain('photos');
	});

	it('refuses an empty post with a field message and saves nothing', async () => {
		const db = use();
		const user = await makeForumUser(db);
		const before = await countRows(db, 'forum_topics');
		const error = await createTopic(db, user, {
			categorySlug: 'general',
			title: 'Empty body here',
			body: '  \n\t ',
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BadRequestError);
		expect((error as BadRequestError).details?.body).toMatch(/empty/i);
		expect(await countRows(db, 'forum_topics')).toBe(before);
	});

	it('refuses a post over 50,000 characters and saves nothing, but accepts exactly 50,000', async () => {
		const db = use();
		const user = await makeForumUser(db);
		const { topicId } = await makeTopic(db, user);
		const posts = await countRows(db, 'forum_posts');
		const error = await replyToTopic(db, user, {
			topicId,
			body: 'x'.repeat(MAX_POST_LENGTH + 1),
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BadRequestError);
		expect((error as BadRequestError).details?.body).toMatch(/50,000/);
		expect(await countRows(db, 'forum_posts')).toBe(posts);
		await makeReply(db, user, topicId, 'y'.repeat(MAX_POST_LENGTH));
		expect(await countRows(db, 'forum_posts')).toBe(posts + 1);
	});

	it('lets only staff start topics in Announcements', async () => {
		const db = use();
		const customer = await makeForumUser(db);
		const developer = await makeForumUser(db, 'developer');
		const staff = await makeForumUser(db, 'staff');
		for (const user of [customer, developer]) {
			const error = await createTopic(db, user, {
				categorySlug: 'announcements',
				title: 'Fake announcement',
				body: 'Hello',
			}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ForbiddenError);
			expect((error as ForbiddenError).message).toMatch(/Only staff start topics in Announcements/);
		}
		const { topicId } = await makeTopic(db, staff, {
			categorySlug: 'announcements',
			title: 'Release 5.2 is out',
		});
		// Anyone may reply to an announcement.
		await makeReply(db, customer, topicId, 'Thanks!');
	});

	it('rate limits new accounts to 3 posts a minute and older ones to 10, with a clear message', async () => {
		const db = use();
		const fresh = await makeForumUser(db, 'customer', { ageDays: 0 });
		const { topicId } = await makeTopic(db, fresh);
		for (let i = 0; i < 3; i++) await replyToTopic(db, fresh, { topicId, body: `reply ${i}` });
		const error = await replyToTopic(db, fresh, { topicId, body: 'one too many' }).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(TooManyRequestsError);
		expect((error as TooManyRequestsError).message).toMatch(
			/posting too quickly.*new accounts.*Try again in \d+ seconds/,
		);

		const old = await makeForumUser(db, 'customer', { ageDays: 3 });
		for (let i = 0; i < 10; i++) await replyToTopic(db, old, { topicId, body: `old reply ${i}` });
		await expect(replyToTopic(db, old, { topicId, body: 'eleventh' })).rejects.toBeInstanceOf(
			TooManyRequestsError,
		);
		const staff = await makeForumUser(db, 'staff', { ageDays: 0 });
		for (let i = 0; i < 12; i++)
			await replyToTopic(db, staff, { topicId, body: `staff reply ${i}` });
	});

	it('notifies the topic author, mentioned users and watchers once each, never the writer', async () => {
		const db = use();
		const author = await makeForumUser(db, 'developer', { displayName: 'Topic Author' });
		const mentioned = await makeForumUser(db, 'customer', { displayName: 'Mentioned Person' });
		const watcher = await makeForumUser(db);
		const replier = await makeForumUser(db, 'customer', { displayName: 'Quick Replier' });
		const { topicId } = await makeTopic(db, author, {
			title: 'Adding a size chart to product cards',
		});
		await setTopicWatch(db, watcher, { topicId, watch: 'on' });
		const { postId } = await makeReply(
			db,
			replier,
			topicId,
			`Try this, @${mentioned.handle} and @${author.handle} know more. @nobody-here`,
		);

		const [toAuthor] = await notificationsOf(db, author.id);
		expect(toAuthor).toMatchObject({ kind: 'forum.mention', url: `/forum/p/${postId}` });
		expect((await notificationsOf(db, mentioned.id)).map((n) => n.kind)).toEqual(['forum.mention']);
		const toWatcher = await notificationsOf(db, watcher.id);
		expect(toWatcher.map((n) => [n.kind, n.title])).toEqual([
			['forum.watched', 'Quick Replier replied in “Adding a size chart to product cards”'],
		]);
		expect(await notificationsOf(db, replier.id)).toEqual([]);

		// A plain reply tells the author it is a reply; the replier now watches and hears of the next one.
		await makeReply(db, watcher, topicId, 'Plain reply');
		expect((await notificationsOf(db, author.id))[0]).toMatchObject({
			kind: 'forum.reply',
			title: expect.stringContaining('replied to your topic'),
		});
		expect((await notificationsOf(db, replier.id)).map((n) => n.kind)).toEqual(['forum.watched']);

		const page = await getTopicPage(db, null, topicId);
		const html = page.posts[1]!.html;
		expect(html).toContain(`href="/u/${mentioned.handle}"`);
		expect(html).not.toContain('href="/u/nobody-here"');
	});

	it('refuses replies to a locked topic, also from its author, but lets staff add a note', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const staff = await makeForumUser(db, 'staff');
		const { topicId } = await makeTopic(db, author);
		await db.updateTable('forum_topics').set({ locked: true }).where('id', '=', topicId).execute();
		const posts = await countRows(db, 'forum_posts');
		const error = await replyToTopic(db, author, { topicId, body: 'But wait' }).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ForbiddenError);
		expect((error as Error).message).toBe('This topic is locked: it takes no new replies.');
		expect(await countRows(db, 'forum_posts')).toBe(posts);
		await makeReply(db, staff, topicId, 'Closing this one.');
		expect((await getTopicPage(db, author, topicId)).replyRefusal).toMatch(/locked/);
	});

	it('lets only the author edit a post, keeping a history that only staff can read', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const other = await makeForumUser(db);
		const staff = await makeForumUser(db, 'staff');
		const { topicId, postId } = await makeTopic(db, author, {
			title: 'Original title here',
			body: 'First version',
		});
		await expect(editPost(db, other, { postId, body: 'Hijacked' })).rejects.toBeInstanceOf(
			ForbiddenError,
		);
		await expect(editPost(db, staff, { postId, body: 'Staff rewrite' })).rejects.toBeInstanceOf(
			ForbiddenError,
		);
		await editPost(db, author, { postId, body: 'Second version', title: 'Better title here' });
		await editPost(db, author, { postId, body: 'Third version' });

		const page = await getTopicPage(db, other, topicId);
		expect(page.topic.title).toBe('Better title here');
		expect(page.posts[0]).toMatchObject({ body: 'Third version', editedAt: expect.any(Date) });
		const history = await getPostHistory(db, staff, postId);
		expect(history.revisions.map((r) => [r.body, r.title])).toEqual([
			['First version', 'Original title here'],
			['Second version', null],
		]);
		await expect(getPostHistory(db, author, postId)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('soft-deletes a reply: shown as removed, text kept for staff only, counters follow', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const replier = await makeForumUser(db);
		const staff = await makeForumUser(db, 'staff');
		const { topicId } = await makeTopic(db, author);
		const { postId } = await makeReply(db, replier, topicId, 'Secret mistake');
		await expect(deletePost(db, author, { postId })).rejects.toBeInstanceOf(ForbiddenError);
		await deletePost(db, replier, { postId });

		const seen = (await getTopicPage(db, author, topicId)).posts[1]!;
		expect(seen).toMatchObject({ removed: true, body: '', html: '' });
		expect((await getTopicPage(db, staff, topicId)).posts[1]!.body).toBe('Secret mistake');
		expect((await getTopicPage(db, null, topicId)).topic.replyCount).toBe(0);
		await expect(quotePost(db, author, postId)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('deletes the whole topic when its author deletes the only post', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const { topicId, postId } = await makeTopic(db, author);
		const result = await deletePost(db, author, { postId });
		expect(result.topicDeleted).toBe(true);
		await expect(getTopicPage(db, author, topicId)).rejects.toBeInstanceOf(NotFoundError);
		expect((await outboxOf(db, topicId)).at(-1)).toMatchObject({ op: 'delete' });
		expect((await listLatestTopics(db, author)).items.map((t) => t.id)).not.toContain(topicId);
	});

	it('lets the topic author or staff accept one reply, notifying its writer and marking the topic solved', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const helper = await makeForumUser(db, 'developer');
		const stranger = await makeForumUser(db);
		const staff = await makeForumUser(db, 'staff');
		const { topicId, postId: firstId } = await makeTopic(db, author);
		const { postId: answerId } = await makeReply(db, helper, topicId, 'Use the theme editor.');
		const { postId: otherId } = await makeReply(db, stranger, topicId, 'No idea.');

		await expect(acceptAnswer(db, stranger, { topicId, postId: otherId })).rejects.toBeInstanceOf(
			ForbiddenError,
		);
		await expect(acceptAnswer(db, helper, { topicId, postId: answerId })).rejects.toBeInstanceOf(
			ForbiddenError,
		);
		await expect(acceptAnswer(db, author, { topicId, postId: firstId })).rejects.toBeInstanceOf(
			BadRequestError,
		);
		await acceptAnswer(db, author, { topicId, postId: answerId });

		const page = await getTopicPage(db, null, topicId);
		expect(page.accepted?.id).toBe(answerId);
		expect(page.posts.find((p) => p.id === answerId)?.isAccepted).toBe(true);
		expect((await listLatestTopics(db, null)).items.find((t) => t.id === topicId)?.solved).toBe(
			true,
		);
		expect((await notificationsOf(db, helper.id))[0]).toMatchObject({
			kind: 'forum.accepted',
			url: `/forum/p/${answerId}`,
		});

		await acceptAnswer(db, staff, { topicId, postId: otherId });
		expect((await getTopicPage(db, null, topicId)).accepted?.id).toBe(otherId);
		const log = await db
			.selectFrom('moderation_log')
			.selectAll()
			.where('target_id', '=', topicId)
			.execute();
		expect(log.map((l) => l.action)).toEqual(['topic.accept']);
	});

	it('renders hostile Markdown inert', async () => {
		const db = use();
		const user = await makeForumUser(db);
		const body = [
			'<script>alert(1)</script>',
			'[click me](javascript:alert(1))',
			'<img src=x onerror=alert(1)>',
			'![x](javascript:alert(2))',
			'[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		].join('\n\n');
		const { topicId } = await makeTopic(db, user, { body });
		const html = (await getTopicPage(db, null, topicId)).posts[0]!.html;
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<img[^>]*onerror/i);
		expect(html).not.toMatch(/href="\s*javascript:/i);
		expect(html).not.toMatch(/src="\s*javascript:/i);
		expect(html).not.toMatch(/href="data:/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('quotes a post with attribution and finds the page of a permalink', async () => {
		const db = use();
		const author = await makeForumUser(db, 'developer', { displayName: 'Dev [Quoted]' });
		const { topicId, postId } = await makeTopic(db, author, { body: 'Line one\n\nLine two' });
		expect(await quotePost(db, null, postId)).toBe(
			`[Dev \\[Quoted\\] wrote](/forum/p/${postId}):\n> Line one\n>\n> Line two\n\n`,
		);
		const replier = await makeForumUser(db);
		let last = '';
		for (let i = 0; i < 21; i++)
			last = (await makeReply(db, replier, topicId, `reply ${i}`)).postId;
		expect(await locatePost(db, null, postId)).toMatch(new RegExp(`${topicId}#post-${postId}$`));
		expect(await locatePost(db, null, last)).toMatch(
			new RegExp(`${topicId}\\?page=2#post-${last}$`),
		);
		const page2 = await getTopicPage(db, null, topicId, { page: 2 });
		expect(page2.pageCount).toBe(2);
		expect(page2.posts.map((p) => p.id)).toHaveLength(2);
	});
});
