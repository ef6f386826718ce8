import { expect, it } from 'vitest';
import { asSessionUser, makeUser } from '../../helpers/factories.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { editForm, hintForm, makeHint, TEST_HINT_CONTEXT } from '../../helpers/hints.ts';
import { BadRequestError, ConflictError, ForbiddenError } from '#server/errors.ts';
import {
	createHint,
	getHintForReader,
	listHintRevisions,
	listHintsForStaff,
	previewHintMarkdown,
	restoreHintRevision,
	updateHint,
} from '#server/hints/hints.service.ts';
import type { Db } from '#server/db/schema.ts';

async function staffUser(db: Db) {
	return asSessionUser(await makeUser(db, { role: 'staff' }));
}

describeEachDb('hint editing', (use) => {
	it('keeps a revision for every save: create, publish, edit, restore', async () => {
		const db = use();
		const staff = await staffUser(db);
		const draft = await makeHint(db, staff, { body: 'First wording of the hint.' });
		expect(draft).toMatchObject({ state: 'draft', version: 1, publishedAt: null });

		const published = await updateHint(
			db,
			staff,
			editForm(draft, { state: 'published' }),
			TEST_HINT_CONTEXT,
		);
		expect(published.version).toBe(2);
		expect(published.publishedAt).toBeInstanceOf(Date);

		const edited = await updateHint(
			db,
			staff,
			editForm(published, { body: 'Second wording of the hint.' }),
			TEST_HINT_CONTEXT,
		);
		expect(edited.body).toBe('Second wording of the hint.');

		const restored = await restoreHintRevision(db, staff, {
			id: edited.id,
			revision: 2,
			version: edited.version,
		});
		expect(restored).toMatchObject({
			body: 'First wording of the hint.',
			state: 'published',
			version: 4,
		});
		expect(restored.publishedAt).toEqual(published.publishedAt);

		const { revisions } = await listHintRevisions(db, staff, draft.id);
		expect(revisions.map((r) => [r.number, r.note, r.body])).toEqual([
			[4, 'Restored revision 2', 'First wording of the hint.'],
			[3, 'Edited', 'Second wording of the hint.'],
			[2, 'Published', 'First wording of the hint.'],
			[1, 'Created as draft', 'First wording of the hint.'],
		]);
		expect(
			revisions.every((r) => r.authorId === staff.id && r.authorName === staff.displayName),
		).toBe(true);
		expect(previewHintMarkdown(staff, '## Step\n\n**bold**')).toBe(
			'<h2 id="hint-step">Step <a class="heading-anchor" href="#hint-step" aria-label="Permalink: Step">#</a></h2>\n<p><strong>bold</strong></p>\n',
		);
	});

	it('saving unchanged content adds no revision', async () => {
		const db = use();
		const staff = await staffUser(db);
		const hint = await makeHint(db, staff);
		const again = await updateHint(db, staff, editForm(hint), TEST_HINT_CONTEXT);
		expect(again.version).toBe(1);
		expect((await listHintRevisions(db, staff, hint.id)).revisions).toHaveLength(1);
	});

	it('refuses an edit based on an old revision and keeps the newer text', async () => {
		const db = use();
		const staff = await staffUser(db);
		const hint = await makeHint(db, staff);
		await updateHint(
			db,
			staff,
			editForm(hint, { body: 'Someone else saved first.' }),
			TEST_HINT_CONTEXT,
		);
		const stale = updateHint(
			db,
			staff,
			editForm(hint, { body: 'My late edit.' }),
			TEST_HINT_CONTEXT,
		);
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		const { hint: current } = await listHintRevisions(db, staff, hint.id);
		expect(current.body).toBe('Someone else saved first.');
	});

	it('derives the address from the title and keeps addresses unique', async () => {
		const db = use();
		const staff = await staffUser(db);
		const a = await makeHint(db, staff, { title: 'Währung: CNY rate, explained!' });
		const b = await makeHint(db, staff, { title: 'Währung: CNY rate, explained!' });
		expect(a.slug).toBe('wahrung-cny-rate-explained');
		expect(b.slug).toBe('wahrung-cny-rate-explained-2');
		const clash = createHint(db, staff, hintForm({ slug: a.slug }), TEST_HINT_CONTEXT);
		await expect(clash).rejects.toMatchObject({ details: { slug: expect.any(String) } });
	});

	it('accepts only existing manual pages as related links', async () => {
		const db = use();
		const staff = await staffUser(db);
		const ok = await makeHint(db, staff, { relatedManuals: ['admin-panel/currencies'] });
		expect(ok.relatedManuals).toEqual(['admin-panel/currencies']);
		const bad = makeHint(db, staff, { relatedManuals: ['admin-panel/nope'] });
		await expect(bad).rejects.toBeInstanceOf(BadRequestError);
		await expect(bad).rejects.toMatchObject({
			details: { relatedManuals: expect.stringContaining('admin-panel/nope') },
		});
	});

	it('normalises tags and keeps a slightly earlier publish date when the form only shows minutes', async () => {
		const db = use();
		const staff = await staffUser(db);
		const hint = await makeHint(db, staff, {
			tags: 'API Key, #cron, api key, ',
			state: 'published',
			publishedAt: '2026-10-01T10:15:42.500Z',
		});
		expect(hint.tags).toEqual(['api-key', 'cron']);
		const saved = await updateHint(
			db,
			staff,
			editForm(hint, { publishedAt: '2026-10-01T13:15', body: `${hint.body} More.` }),
			TEST_HINT_CONTEXT,
		);
		expect(saved.publishedAt?.toISOString()).toBe('2026-10-01T10:15:42.500Z');
	});

	for (const role of ['customer', 'developer'] as const) {
		it(`refuses every staff operation to a ${role} and changes nothing`, async () => {
			const db = use();
			const staff = await staffUser(db);
			const outsider = asSessionUser(await makeUser(db, { role }));
			const hint = await makeHint(db, staff, { state: 'published', body: 'Original text stays.' });
			await expect(createHint(db, outsider, hintForm(), TEST_HINT_CONTEXT)).rejects.toBeInstanceOf(
				ForbiddenError,
			);
			await expect(
				updateHint(
					db,
					outsider,
					editForm(hint, { body: 'Vandalised text here.' }),
					TEST_HINT_CONTEXT,
				),
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				restoreHintRevision(db, outsider, { id: hint.id, revision: 1, version: 1 }),
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listHintRevisions(db, outsider, hint.id)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listHintsForStaff(db, outsider, 'all')).rejects.toBeInstanceOf(ForbiddenError);
			expect(() => previewHintMarkdown(outsider, '**x**')).toThrow(ForbiddenError);
			const { hint: after } = await getHintForReader(db, outsider, hint.slug);
			expect(after).toMatchObject({ body: 'Original text stays.', version: 1 });
		});
	}
});
