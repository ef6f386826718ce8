import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { asSessionUser, makeUser } from '../../helpers/factories.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { editForm, makeHint, TEST_HINT_CONTEXT } from '../../helpers/hints.ts';
import { withNow } from '#server/clock.ts';
import { updateHint } from '#server/hints/hints.service.ts';
import { listHintSearchDocuments, releaseScheduledHints } from '#server/hints/hints-search.ts';
import type { Db } from '#server/db/schema.ts';

const HOUR = 3_600_000;

async function outboxFor(db: Db, hintId: string) {
	const rows = await db
		.selectFrom('search_outbox')
		.select(['op', 'payload'])
		.where('kind', '=', 'hint')
		.where('source_id', '=', hintId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ op: r.op, payload: r.payload as Record<string, unknown> | null }));
}

describeEachDb('hints in the search outbox', (use, kind) => {
	it('queues an upsert on publish and edit, and a removal on archive', async () => {
		const db = use();
		const staff = asSessionUser(await makeUser(db, { role: 'staff' }));
		const draft = await makeHint(db, staff, { tags: 'cron' });
		expect(await outboxFor(db, draft.id)).toEqual([]);
		const published = await updateHint(
			db,
			staff,
			editForm(draft, { state: 'published' }),
			TEST_HINT_CONTEXT,
		);
		const edited = await updateHint(
			db,
			staff,
			editForm(published, { title: 'A better title here' }),
			TEST_HINT_CONTEXT,
		);
		await updateHint(db, staff, editForm(edited, { state: 'archived' }), TEST_HINT_CONTEXT);
		const rows = await outboxFor(db, draft.id);
		expect(rows.map((r) => r.op)).toEqual(['upsert', 'upsert', 'delete']);
		expect(rows[1]!.payload).toMatchObject({
			kind: 'hint',
			sourceId: draft.id,
			title: 'A better title here',
			url: `/hints/${draft.slug}`,
			tags: ['cron'],
		});
	});

	it('indexes a future-dated hint only once its date has passed, exactly once', async () => {
		const db = use();
		const staff = asSessionUser(await makeUser(db, { role: 'staff' }));
		const at = new Date(Date.now() + 24 * HOUR);
		const hint = await makeHint(db, staff, { state: 'published', publishedAt: at.toISOString() });
		expect(await outboxFor(db, hint.id)).toEqual([]);
		expect((await listHintSearchDocuments(db)).map((d) => d.sourceId)).not.toContain(hint.id);
		expect(await releaseScheduledHints(db)).toBe(0);

		const later = new Date(at.getTime() + HOUR).toISOString();
		const released = await withNow(later, () => releaseScheduledHints(db));
		expect(released).toBeGreaterThanOrEqual(1);
		expect(await withNow(later, () => releaseScheduledHints(db))).toBe(0);
		expect((await outboxFor(db, hint.id)).map((r) => r.op)).toEqual(['upsert']);
		const docs = await withNow(later, () => listHintSearchDocuments(db));
		expect(docs.map((d) => d.sourceId)).toContain(hint.id);
	});

	it('writes the outbox row in the same transaction as the hint (a failed commit leaves neither)', async () => {
		const db = use();
		const staff = asSessionUser(await makeUser(db, { role: 'staff' }));
		const hint = await makeHint(db, staff, {
			state: 'published',
			body: 'Text before the failed edit.',
		});
		const before = await outboxFor(db, hint.id);
		// A deferred trigger fails the commit after every statement (outbox insert included) ran.
		const fn = `fail_outbox_${kind}_${Date.now().toString(36)}`;
		await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as $$
			begin
				if new.payload::text like '%FAIL-COMMIT%' then raise exception 'commit refused'; end if;
				return new;
			end $$`.execute(db);
		await sql`create constraint trigger ${sql.id(`${fn}_trg`)} after insert on search_outbox
			deferrable initially deferred for each row execute function ${sql.id(fn)}()`.execute(db);
		try {
			const failing = updateHint(
				db,
				staff,
				editForm(hint, { body: 'FAIL-COMMIT edit text.' }),
				TEST_HINT_CONTEXT,
			);
			await expect(failing).rejects.toThrow(/commit refused/);
		} finally {
			await sql`drop trigger ${sql.id(`${fn}_trg`)} on search_outbox`.execute(db);
			await sql`drop function ${sql.id(fn)}()`.execute(db);
		}
		expect(await outboxFor(db, hint.id)).toEqual(before);
		const row = await db
			.selectFrom('hints')
			.select(['body', 'version'])
			.where('id', '=', hint.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ body: 'Text before the failed edit.', version: 1 });
		const revisions = await db
			.selectFrom('hint_revisions')
			.select('number')
			.where('hint_id', '=', hint.id)
			.execute();
		expect(revisions).toHaveLength(1);
	});
});
