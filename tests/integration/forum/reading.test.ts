import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { getCategoryPage, getForumIndex, getTopicPage } from '#server/forum/forum.service.ts';
import {
	iterateTopicSearchDocuments,
	listTopicSearchDocuments,
} from '#server/forum/forum-search.ts';
import { findSimilarTopics, suggestSimilar } from '#server/forum/similar.ts';
import { recordTopicView } from '#server/forum/view-counter.ts';
import {
	countUnreadNotifications,
	listNotifications,
	markAllNotificationsRead,
	markNotificationRead,
} from '#server/notifications/notifications.service.ts';
import { moderateTopic } from '#server/forum/moderation.service.ts';
import { listManualSearchDocuments } from '#server/manuals/manual-search.ts';
import { syncManualDocuments } from '#server/search/manual-sync.ts';
import { drainOutboxBatch } from '#server/search/outbox.ts';
import { createPgEngine } from '#server/search/pg-engine.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeForumUser, makeReply, makeTopic } from '../../helpers/forum.ts';

/** Counts the statements a database handle runs. */
function countingPlugin(): KyselyPlugin & { count: number } {
	const plugin = {
		count: 0,
		transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
			plugin.count += 1;
			return args.node;
		},
		async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
			return args.result;
		},
	};
	return plugin;
}

describeEachDb('forum reading', (use) => {
	it('builds a 20-post topic page in a constant handful of queries', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const viewer = await makeForumUser(db);
		const { topicId, postId } = await makeTopic(db, author);
		const repliers = await Promise.all([1, 2, 3, 4].map(() => makeForumUser(db)));
		for (let i = 0; i < 24; i++)
			await makeReply(db, repliers[i % 4]!, topicId, `Reply number ${i} by a different person`);
		await db
			.updateTable('forum_topics')
			.set({ accepted_post_id: postId })
			.where('id', '=', topicId)
			.execute();
		const plugin = countingPlugin();
		const page = await getTopicPage(db.withPlugin(plugin), viewer, topicId, {
			visitorKey: `s-${viewer.id}`,
		});
		expect(page.posts).toHaveLength(20);
		expect(page.pageCount).toBe(2);
		// Topic, posts, accepted answer, view count, notifications read, the posts' files.
		expect(plugin.count).toBeLessThanOrEqual(6);
	});

	it('counts visible topics per category once, for the category list and the pager alike', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const staff = await makeForumUser(db, 'staff');
		const general = (index: Awaited<ReturnType<typeof getForumIndex>>) =>
			index.categories.find((c) => c.slug === 'general')?.topicCount ?? -1;
		const [before, beforeStaff] = [await getForumIndex(db, null), await getForumIndex(db, staff)];
		const categoryBefore = (await getCategoryPage(db, null, 'general')).topics.total;
		const { topicId } = await makeTopic(db, author);
		await makeTopic(db, author);
		await db.updateTable('forum_topics').set({ hidden: true }).where('id', '=', topicId).execute();

		const plugin = countingPlugin();
		const after = await getForumIndex(db.withPlugin(plugin), null);
		const afterStaff = await getForumIndex(db, staff);
		expect(general(after) - general(before)).toBe(1);
		expect(after.latest.total - before.latest.total).toBe(1);
		expect(general(afterStaff) - general(beforeStaff)).toBe(2);
		expect(afterStaff.latest.total - beforeStaff.latest.total).toBe(2);
		expect(after.latest.total).toBe(
			after.categories.reduce(
				(sum, c) => sum + c.topicCount + c.children.reduce((s, k) => s + k.topicCount, 0),
				0,
			),
		);
		// Counts, categories, the page of topics.
		expect(plugin.count).toBe(3);
		expect((await getCategoryPage(db, null, 'general')).topics.total - categoryBefore).toBe(1);
	});

	it('counts a visitor once per topic in a while', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const { topicId } = await makeTopic(db, author);
		const key = `visitor-${topicId}`;
		expect(await recordTopicView(db, topicId, key)).toBe(true);
		expect(await recordTopicView(db, topicId, key)).toBe(false);
		expect(await recordTopicView(db, topicId, `${key}-other`)).toBe(true);
		expect(await recordTopicView(db, topicId, key, Date.now() + 2 * 60 * 60 * 1000)).toBe(true);
		expect((await getTopicPage(db, null, topicId)).topic.viewCount).toBe(3);
	});

	it('finds similar recent topics by title, solved flag included, skipping old ones', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const { topicId } = await makeTopic(db, author, {
			title: 'Change the color of the checkout button',
		});
		const { topicId: old } = await makeTopic(db, author, {
			title: 'Change the colour of the checkout button (2024)',
		});
		await makeTopic(db, author, { title: 'Import of delivery zones from CSV' });
		await db
			.updateTable('forum_topics')
			.set({ created_at: new Date(Date.now() - 200 * 86_400_000) } as never)
			.where('id', '=', old)
			.execute();
		const found = await findSimilarTopics(db, 'checkout button colour', 5);
		expect(found.map((t) => t.id)).toContain(topicId);
		expect(found.map((t) => t.id)).not.toContain(old);
		expect(found[0]).toMatchObject({
			title: 'Change the color of the checkout button',
			solved: false,
			url: expect.stringContaining(topicId),
		});
		const fromTicket = await findSimilarTopics(
			db,
			'Hello, on my shop I want to change the color of the checkout button to green. Is it possible?',
		);
		expect(fromTicket.map((t) => t.id)).toContain(topicId);
		expect(await findSimilarTopics(db, 'zz')).toEqual([]);
	});

	it('suggests manual pages and topics from the search engine, and topics it has not indexed yet', async () => {
		const db = use();
		const staff = await makeForumUser(db, 'staff');
		const author = await makeForumUser(db);
		const drain = async () => {
			while (
				(
					await drainOutboxBatch(db, {
						column: 'processed_at',
						engineFor: (trx) => createPgEngine(trx),
					})
				).more
			);
		};
		await syncManualDocuments(db, listManualSearchDocuments());
		const { topicId: indexed } = await makeTopic(db, author, {
			title: 'Currency rates are not updating',
			body: 'The exchange rate stays old.',
		});
		await drain();
		const { topicId: fresh } = await makeTopic(db, author, {
			title: 'Currency symbol missing on checkout',
		});

		const results = await suggestSimilar(db, 'currency');
		expect(results.some((r) => r.kind === 'manual' && r.url.startsWith('/manuals/'))).toBe(true);
		expect(results.filter((r) => r.url.endsWith(indexed))).toHaveLength(1);
		expect(results.some((r) => r.kind === 'topic' && r.url.endsWith(fresh))).toBe(true);

		await moderateTopic(db, staff, { topicId: indexed, action: 'hide' });
		await drain();
		expect((await suggestSimilar(db, 'currency')).map((r) => r.url).join()).not.toContain(indexed);
	});

	it('lists every visible topic for the reindex, with its visible posts as text', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const { topicId } = await makeTopic(db, author, {
			title: 'Reindexed topic title',
			body: 'The **first** post',
		});
		await makeReply(db, author, topicId, 'A [linked](https://example.com) reply');
		const docs = [];
		for await (const doc of iterateTopicSearchDocuments(db, 2)) docs.push(doc);
		expect((await listTopicSearchDocuments(db)).map((d) => d.sourceId).sort()).toEqual(
			docs.map((d) => d.sourceId).sort(),
		);
		const doc = docs.find((d) => d.sourceId === topicId);
		expect(doc).toMatchObject({
			kind: 'topic',
			title: 'Reindexed topic title',
			section: 'general',
			sectionLabel: 'General',
		});
		expect(doc!.body).toBe('The first post\n\nA linked reply');
		expect(new Set(docs.map((d) => d.sourceId)).size).toBe(docs.length);
	});

	it('counts unread notifications and marks them read, one or all, only for their owner', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const other = await makeForumUser(db);
		const { topicId } = await makeTopic(db, author);
		await makeReply(db, other, topicId, 'one');
		await makeReply(db, other, topicId, 'two');
		expect(await countUnreadNotifications(db, author.id)).toBe(2);
		const { items } = await listNotifications(db, author.id);
		await markNotificationRead(db, other.id, items[0]!.id);
		expect(await countUnreadNotifications(db, author.id)).toBe(2);
		await markNotificationRead(db, author.id, items[0]!.id);
		expect(await countUnreadNotifications(db, author.id)).toBe(1);
		expect(await markAllNotificationsRead(db, author.id)).toBe(1);
		expect(await countUnreadNotifications(db, author.id)).toBe(0);
		// Opening the topic marks its notifications read.
		await makeReply(db, other, topicId, 'three');
		await getTopicPage(db, author, topicId);
		expect(await countUnreadNotifications(db, author.id)).toBe(0);
	});
});
