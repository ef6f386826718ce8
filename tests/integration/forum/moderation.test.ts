import { expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#server/errors.ts';
import {
	listCategoryTree,
	removeCategory,
	saveCategory,
} from '#server/forum/categories.service.ts';
import {
	getCategoryPage,
	getTopicPage,
	listLatestTopics,
	locatePost,
} from '#server/forum/forum.service.ts';
import { listTopicSearchDocuments } from '#server/forum/forum-search.ts';
import {
	moderateTopic,
	moveTopic,
	readModerationLog,
	setPostHiddenByStaff,
} from '#server/forum/moderation.service.ts';
import { replyToTopic } from '#server/forum/posting.service.ts';
import { getProfile } from '#server/forum/profile.service.ts';
import { findSimilarTopics, suggestSimilar } from '#server/forum/similar.ts';
import { acceptAnswer, quotePost } from '#server/forum/topic-actions.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import {
	makeForumUser,
	makeReply,
	makeTopic,
	notificationsOf,
	outboxOf,
} from '../../helpers/forum.ts';

describeEachDb('forum moderation', (use) => {
	it('refuses pin, lock, hide, move and post hiding from customers and developers, changing nothing', async () => {
		const db = use();
		const author = await makeForumUser(db);
		const { topicId, postId } = await makeTopic(db, author);
		for (const role of ['customer', 'developer'] as const) {
			const user = await makeForumUser(db, role);
			for (const action of ['pin', 'lock', 'hide'] as const) {
				await expect(moderateTopic(db, user, { topicId, action })).rejects.toBeInstanceOf(
					ForbiddenError,
				);
			}
			await expect(
				moveTopic(db, user, { topicId, categorySlug: 'integrations' }),
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(setPostHiddenByStaff(db, user, { postId, hidden: 'on' })).rejects.toBeInstanceOf(
				ForbiddenError,
			);
			await expect(readModerationLog(db, user, 1)).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(moderateTopic(db, author, { topicId, action: 'pin' })).rejects.toBeInstanceOf(
			ForbiddenError,
		);
		const page = await getTopicPage(db, null, topicId);
		expect(page.topic).toMatchObject({ pinned: false, locked: false, hidden: false });
		expect(page.topic.category.slug).toBe('general');
		expect(page.posts[0]!.hidden).toBe(false);
	});

	it('pins a topic above newer ones and records every staff action in the log', async () => {
		const db = use();
		const staff = await makeForumUser(db, 'staff', { displayName: 'Mod Erator' });
		const author = await makeForumUser(db);
		const { topicId: pinned } = await makeTopic(db, author, {
			categorySlug: 'integrations',
			title: 'Old topic to pin',
		});
		const { topicId: newer } = await makeTopic(db, author, {
			categorySlug: 'integrations',
			title: 'A newer topic',
		});
		await moderateTopic(db, staff, { topicId: pinned, action: 'pin' });
		await moderateTopic(db, staff, { topicId: pinned, action: 'lock' });
		await moveTopic(db, staff, { topicId: newer, categorySlug: 'custom-development' });

		const list = (await getCategoryPage(db, null, 'integrations')).topics.items.map((t) => t.id);
		expect(list[0]).toBe(pinned);
		expect(list).not.toContain(newer);
		expect(
			(await getCategoryPage(db, null, 'custom-development')).topics.items.map((t) => t.id),
		).toContain(newer);
		const log = await readModerationLog(db, staff, 1);
		expect(log.items.slice(0, 3).map((i) => [i.action, i.actor?.displayName])).toEqual([
			['topic.move', 'Mod Erator'],
			['topic.lock', 'Mod Erator'],
			['topic.pin', 'Mod Erator'],
		]);
		expect(log.items[0]!.details).toBe('A newer topic: from Integrations to Custom development');
	});

	it('keeps a hidden topic from non-staff everywhere: lists, page, profile, similar, quotes, search, notifications', async () => {
		const db = use();
		const staff = await makeForumUser(db, 'staff');
		const author = await makeForumUser(db, 'developer');
		const customer = await makeForumUser(db);
		const title = 'Leaky secret checkout widget';
		const { topicId, postId } = await makeTopic(db, author, {
			title,
			categorySlug: 'custom-development',
		});
		await makeReply(db, customer, topicId, `@${author.handle} look`);
		expect(await notificationsOf(db, author.id)).toHaveLength(1);
		await moderateTopic(db, staff, { topicId, action: 'hide' });

		for (const viewer of [null, customer, author]) {
			expect((await listLatestTopics(db, viewer)).items.map((t) => t.id)).not.toContain(topicId);
			expect(
				(await getCategoryPage(db, viewer, 'co-development')).topics.items.map((t) => t.id),
			).not.toContain(topicId);
			await expect(getTopicPage(db, viewer, topicId)).rejects.toBeInstanceOf(NotFoundError);
			await expect(quotePost(db, viewer, postId)).rejects.toBeInstanceOf(NotFoundError);
			await expect(locatePost(db, viewer, postId)).rejects.toBeInstanceOf(NotFoundError);
			expect((await getProfile(db, viewer, author.handle)).topics.map((t) => t.id)).not.toContain(
				topicId,
			);
			expect(
				(await getProfile(db, viewer, customer.handle)).posts.map((p) => p.topicId),
			).not.toContain(topicId);
		}
		await expect(
			replyToTopic(db, customer, { topicId, body: 'still here?' }),
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(acceptAnswer(db, author, { topicId })).rejects.toBeInstanceOf(NotFoundError);
		expect((await findSimilarTopics(db, title)).map((t) => t.id)).not.toContain(topicId);
		expect((await suggestSimilar(db, title)).map((s) => s.url).join()).not.toContain(topicId);
		expect(await notificationsOf(db, author.id)).toEqual([]);
		expect((await outboxOf(db, topicId)).at(-1)).toMatchObject({ op: 'delete' });
		const docs = (await listTopicSearchDocuments(db)).map((d) => d.sourceId);
		expect(docs).not.toContain(topicId);

		// Staff still see it, marked hidden, and can bring it back.
		expect((await getTopicPage(db, staff, topicId)).topic.hidden).toBe(true);
		expect((await listLatestTopics(db, staff)).items.find((t) => t.id === topicId)?.hidden).toBe(
			true,
		);
		await moderateTopic(db, staff, { topicId, action: 'unhide' });
		expect((await getTopicPage(db, customer, topicId)).posts).toHaveLength(2);
		expect((await outboxOf(db, topicId)).at(-1)).toMatchObject({ op: 'upsert' });
	});

	it('hides a single post from non-staff, updating counts and the search document', async () => {
		const db = use();
		const staff = await makeForumUser(db, 'staff');
		const author = await makeForumUser(db);
		const spammer = await makeForumUser(db);
		const { topicId } = await makeTopic(db, author, { body: 'Legit question' });
		const { postId } = await makeReply(db, spammer, topicId, 'Buy cheap spamwords now');
		await setPostHiddenByStaff(db, staff, { postId, hidden: 'on' });

		const page = await getTopicPage(db, author, topicId);
		expect(page.posts.map((p) => p.id)).not.toContain(postId);
		expect(page.topic.replyCount).toBe(0);
		expect(
			(await listLatestTopics(db, null)).items.find((t) => t.id === topicId)?.lastPoster?.handle,
		).toBe(author.handle);
		await expect(locatePost(db, author, postId)).rejects.toBeInstanceOf(NotFoundError);
		expect((await getProfile(db, null, spammer.handle)).posts).toEqual([]);
		expect(JSON.stringify((await outboxOf(db, topicId)).at(-1)!.payload)).not.toContain(
			'spamwords',
		);
		expect(
			(await getTopicPage(db, staff, topicId)).posts.find((p) => p.id === postId)?.hidden,
		).toBe(true);
	});

	it('lets staff manage categories, refusing others, taken slugs and deleting categories in use', async () => {
		const db = use();
		const staff = await makeForumUser(db, 'staff');
		const customer = await makeForumUser(db);
		const input = {
			slug: 'mobile-apps',
			name: 'Mobile apps',
			description: 'Apps for the storefront',
			position: '5',
			parentSlug: 'co-development',
		};
		await expect(saveCategory(db, customer, input)).rejects.toBeInstanceOf(ForbiddenError);
		const created = await saveCategory(db, staff, input);
		const tree = await listCategoryTree(db, null);
		const co = tree.find((c) => c.slug === 'co-development')!;
		expect(co.children.map((c) => c.slug)).toEqual([
			'custom-development',
			'design-changes',
			'additional-functionality',
			'integrations',
			'mobile-apps',
		]);
		expect(tree.map((c) => c.slug)).toEqual(['co-development', 'announcements', 'general']);
		await expect(saveCategory(db, staff, { ...input, slug: 'general' })).rejects.toBeInstanceOf(
			ConflictError,
		);
		await saveCategory(db, staff, {
			...input,
			id: created.id,
			name: 'Mobile applications',
			position: '0',
		});
		expect(
			(await listCategoryTree(db, null)).find((c) => c.slug === 'co-development')!.children[0]!
				.name,
		).toBe('Mobile applications');
		await expect(removeCategory(db, staff, { id: co.id })).rejects.toBeInstanceOf(ConflictError);
		await removeCategory(db, staff, { id: created.id });
		const actions = (await readModerationLog(db, staff, 1)).items.slice(0, 3).map((i) => i.action);
		expect(actions).toEqual(['category.delete', 'category.update', 'category.create']);
	});
});
