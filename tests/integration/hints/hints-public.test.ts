import { expect, it } from 'vitest';
import { asSessionUser, makeUser } from '../../helpers/factories.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { editForm, makeHint, TEST_HINT_CONTEXT } from '../../helpers/hints.ts';
import { NotFoundError } from '#server/errors.ts';
import { getHintForReader, updateHint } from '#server/hints/hints.service.ts';
import {
	HINTS_PER_PAGE,
	listFeedHints,
	listHintTags,
	listPublicHints,
} from '#server/hints/hints-public.ts';
import type { Db } from '#server/db/schema.ts';

const HOUR = 3_600_000;

async function staffUser(db: Db) {
	return asSessionUser(await makeUser(db, { role: 'staff' }));
}

/** A tag nobody else uses, so tests sharing a database see only their own hints. */
function uniqueTag(): string {
	return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

describeEachDb('public hints', (use) => {
	it('lists published hints by tag, newest publish date first, ten per page', async () => {
		const db = use();
		const staff = await staffUser(db);
		const tag = uniqueTag();
		const base = Date.now() - 100 * HOUR;
		for (let i = 0; i < HINTS_PER_PAGE + 2; i++) {
			await makeHint(db, staff, {
				title: `Numbered hint ${i} ${tag}`,
				tags: `${tag}, extra`,
				state: 'published',
				publishedAt: new Date(base + i * HOUR).toISOString(),
			});
		}
		await makeHint(db, staff, { tags: tag, state: 'draft' });
		await makeHint(db, staff, { tags: 'other', state: 'published' });

		const first = await listPublicHints(db, { tag, page: 1 });
		expect(first.total).toBe(HINTS_PER_PAGE + 2);
		expect(first.pageCount).toBe(2);
		expect(first.hints).toHaveLength(HINTS_PER_PAGE);
		expect(first.hints[0]!.title).toBe(`Numbered hint ${HINTS_PER_PAGE + 1} ${tag}`);
		const second = await listPublicHints(db, { tag: tag.toUpperCase(), page: 2 });
		expect(second.hints.map((h) => h.title)).toEqual([
			`Numbered hint 1 ${tag}`,
			`Numbered hint 0 ${tag}`,
		]);
		const beyond = await listPublicHints(db, { tag, page: 9 });
		expect(beyond.page).toBe(2);

		const tags = await listHintTags(db);
		expect(tags.find((t) => t.tag === tag)?.count).toBe(HINTS_PER_PAGE + 2);
	});

	it('hides drafts, archived and future-dated hints from everyone but staff', async () => {
		const db = use();
		const staff = await staffUser(db);
		const customer = asSessionUser(await makeUser(db));
		const tag = uniqueTag();
		const draft = await makeHint(db, staff, { tags: tag, state: 'draft' });
		const archived = await makeHint(db, staff, { tags: tag, state: 'archived' });
		const future = await makeHint(db, staff, {
			tags: tag,
			state: 'published',
			publishedAt: new Date(Date.now() + 48 * HOUR).toISOString(),
		});
		const visible = await makeHint(db, staff, { tags: tag, state: 'published' });

		const list = await listPublicHints(db, { tag, page: 1 });
		expect(list.hints.map((h) => h.id)).toEqual([visible.id]);
		const feed = await listFeedHints(db, 1000);
		expect(feed.map((h) => h.id)).toContain(visible.id);
		for (const hidden of [draft, archived, future]) {
			expect(feed.map((h) => h.id)).not.toContain(hidden.id);
			await expect(getHintForReader(db, customer, hidden.slug)).rejects.toBeInstanceOf(
				NotFoundError,
			);
			await expect(getHintForReader(db, null, hidden.slug)).rejects.toBeInstanceOf(NotFoundError);
		}
		expect((await getHintForReader(db, staff, draft.slug)).visibility).toBe('draft');
		expect((await getHintForReader(db, staff, archived.slug)).visibility).toBe('archived');
		expect((await getHintForReader(db, staff, future.slug)).visibility).toBe('scheduled');
		expect((await getHintForReader(db, customer, visible.slug)).visibility).toBe('public');
	});

	it('takes a hint out of the public list when it is archived', async () => {
		const db = use();
		const staff = await staffUser(db);
		const tag = uniqueTag();
		const hint = await makeHint(db, staff, { tags: tag, state: 'published' });
		expect((await listPublicHints(db, { tag, page: 1 })).total).toBe(1);
		await updateHint(db, staff, editForm(hint, { state: 'archived' }), TEST_HINT_CONTEXT);
		expect((await listPublicHints(db, { tag, page: 1 })).total).toBe(0);
		await expect(getHintForReader(db, null, hint.slug)).rejects.toBeInstanceOf(NotFoundError);
	});
});
