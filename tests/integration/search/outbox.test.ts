import { afterEach, expect, it } from 'vitest';
import { countPending, drainOutboxBatch, type OutboxTarget } from '#server/search/outbox.ts';
import { startSearchWorker } from '#server/search/outbox-worker.ts';
import { createPgEngine } from '#server/search/pg-engine.ts';
import { enqueueSearchDocument, enqueueSearchRemoval } from '#server/search/search-document.ts';
import type { Db } from '#server/db/schema.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { createFakeEngine, makeSearchDocument, type FakeEngine } from '../../helpers/search.ts';

const external = (engine: FakeEngine): OutboxTarget => ({
	column: 'external_processed_at',
	engineFor: () => engine,
});
const builtin: OutboxTarget = { column: 'processed_at', engineFor: (trx) => createPgEngine(trx) };

/** Edits as the domains make them: each change and its outbox row in one transaction. */
async function makeEdits(db: Db, tag: string) {
	const a = makeSearchDocument({ kind: 'topic', title: `Alpha ${tag} first draft` });
	const b = makeSearchDocument({ kind: 'topic', title: `Bravo ${tag}` });
	const c = makeSearchDocument({ kind: 'hint', title: `Charlie ${tag}` });
	await db.transaction().execute(async (trx) => {
		await enqueueSearchDocument(trx, a);
		await enqueueSearchDocument(trx, b);
	});
	await db
		.transaction()
		.execute((trx) => enqueueSearchDocument(trx, { ...a, title: `Alpha ${tag} final` }));
	await db.transaction().execute((trx) => enqueueSearchRemoval(trx, 'topic', b.sourceId));
	await db.transaction().execute((trx) => enqueueSearchDocument(trx, c));
	return { a, b, c };
}

async function drainAll(db: Db, target: OutboxTarget) {
	for (;;) {
		const result = await drainOutboxBatch(db, target, { batchSize: 2 });
		if (!result.more) return;
	}
}

describeEachDb('search outbox', (use) => {
	let stop: (() => Promise<void>) | undefined;
	afterEach(async () => {
		await stop?.();
		stop = undefined;
		await use().deleteFrom('search_outbox').execute();
	});

	it('keeps rows pending while the engine is down and catches up, latest state and deletes included, once it is back', async () => {
		const db = use();
		const engine = createFakeEngine();
		engine.down = true;
		const { a, b, c } = await makeEdits(db, 'outage');

		await expect(drainOutboxBatch(db, external(engine))).rejects.toThrow(/ECONNREFUSED/);
		expect(await countPending(db, 'external_processed_at')).toBe(5);
		const failed = await db
			.selectFrom('search_outbox')
			.select(['attempts', 'last_error'])
			.execute();
		expect(failed.every((r) => r.attempts === 1 && /ECONNREFUSED/.test(r.last_error ?? ''))).toBe(
			true,
		);

		engine.down = false;
		await drainAll(db, external(engine));
		expect(await countPending(db, 'external_processed_at')).toBe(0);
		expect(engine.docs.get(`topic:${a.sourceId}`)?.title).toBe('Alpha outage final');
		expect(engine.docs.has(`topic:${b.sourceId}`)).toBe(false);
		expect(engine.docs.get(`hint:${c.sourceId}`)?.title).toBe('Charlie outage');
		expect(engine.docs.size).toBe(2);
	});

	it('applies batches in order, so a later edit in a later batch wins', async () => {
		const db = use();
		const doc = makeSearchDocument({ kind: 'topic', title: 'Version one' });
		for (const title of ['Version one', 'Version two', 'Version three']) {
			await enqueueSearchDocument(db, { ...doc, title });
		}
		const engine = createFakeEngine();
		await drainAll(db, external(engine));
		expect(engine.docs.get(`topic:${doc.sourceId}`)?.title).toBe('Version three');
	});

	it('fills the built-in index from the outbox, independently of the external engine', async () => {
		const db = use();
		const { a } = await makeEdits(db, 'builtin');
		await drainAll(db, builtin);
		expect(await countPending(db, 'processed_at')).toBe(0);
		expect(await countPending(db, 'external_processed_at')).toBe(5);
		const found = await createPgEngine(db).search({ q: 'builtin' });
		expect(found.hits.map((h) => h.title).sort()).toEqual([
			'Alpha builtin final',
			'Charlie builtin',
		]);
		expect(found.hits.find((h) => h.sourceId === a.sourceId)).toBeDefined();
	});

	it('runs a worker that survives an outage of the external engine and catches up when it returns', async () => {
		const db = use();
		const engine = createFakeEngine();
		engine.down = true;
		const worker = startSearchWorker(db, engine, {
			pollMs: 20,
			maxBackoffMs: 50,
			externalInTransaction: false,
		});
		stop = () => worker.stop();
		const { a, b } = await makeEdits(db, 'worker');
		await worker.settled();
		expect(await countPending(db, 'processed_at')).toBe(0);
		expect(await countPending(db, 'external_processed_at')).toBe(5);
		expect((await createPgEngine(db).search({ q: 'worker' })).total).toBe(2);

		engine.down = false;
		await worker.settled();
		await worker.settled();
		expect(await countPending(db, 'external_processed_at')).toBe(0);
		expect(engine.docs.get(`topic:${a.sourceId}`)?.title).toBe('Alpha worker final');
		expect(engine.docs.has(`topic:${b.sourceId}`)).toBe(false);
	});
});
