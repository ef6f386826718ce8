import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countPending } from '#server/search/outbox.ts';
import { syncManualDocuments } from '#server/search/manual-sync.ts';
import { listManualSearchDocuments } from '#server/manuals/manual-search.ts';
import { createPgEngine } from '#server/search/pg-engine.ts';
import { reindexAll } from '#server/search/reindex.ts';
import { enqueueSearchDocument } from '#server/search/search-document.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { createFakeEngine, makeSearchDocument } from '../../helpers/search.ts';

const dirs: string[] = [];
function contentDir(pages: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuals-'));
	dirs.push(dir);
	for (const [id, body] of Object.entries(pages)) {
		fs.mkdirSync(path.join(dir, 'manuals', path.dirname(id)), { recursive: true });
		fs.writeFileSync(path.join(dir, 'manuals', `${id}.md`), body);
	}
	return dir;
}
const page = (title: string, text: string) =>
	`---\ntitle: '${title}'\ndescription: 'About ${title}'\nsection: Admin panel\norder: 1\n---\n\n## Heading\n\n${text}\n`;

afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

it('reads the shipped manual pages with ids, urls and sections', () => {
	const docs = listManualSearchDocuments(path.resolve('content'));
	const currencies = docs.find((d) => d.sourceId === 'admin-panel/currencies');
	expect(currencies).toMatchObject({
		kind: 'manual',
		url: '/manuals/admin-panel/currencies',
		section: 'Admin panel',
	});
	expect(currencies?.title).toMatch(/Currencies/);
	expect(docs.length).toBeGreaterThan(20);
});

describeEachDb('manual sync and reindex', (use) => {
	it('queues manual pages once, then only when they change, removing deleted pages', async () => {
		const db = use();
		await db.deleteFrom('search_state').execute();
		const dir = contentDir({
			'admin-panel/a': page('Alpha page', 'first'),
			'admin-panel/b': page('Bravo page', 'second'),
		});
		expect(await syncManualDocuments(db, listManualSearchDocuments(dir))).toBe(2);
		expect(await syncManualDocuments(db, listManualSearchDocuments(dir))).toBe(0);
		fs.rmSync(path.join(dir, 'manuals', 'admin-panel', 'b.md'));
		expect(await syncManualDocuments(db, listManualSearchDocuments(dir))).toBe(1);
		const ops = await db
			.selectFrom('search_outbox')
			.select(['source_id', 'op'])
			.where('kind', '=', 'manual')
			.orderBy('id')
			.execute();
		expect(ops.slice(-2)).toEqual([
			{ source_id: 'admin-panel/b', op: 'delete' },
			{ source_id: 'admin-panel/a', op: 'upsert' },
		]);
	});

	it('rebuilds every engine from the sources and settles the outbox written before', async () => {
		const db = use();
		await enqueueSearchDocument(db, makeSearchDocument({ title: 'Stale queued hint' }));
		await createPgEngine(db).upsert([
			makeSearchDocument({ title: 'Leftover document from before' }),
		]);
		const fresh = [
			makeSearchDocument({ kind: 'topic', title: 'Rebuilt topic about parcels' }),
			makeSearchDocument({ title: 'Rebuilt hint about parcels' }),
		];
		const external = createFakeEngine();
		const progress: string[] = [];
		const result = await reindexAll(db, {
			external,
			sources: [{ kind: 'topic', label: 'test docs', list: () => fresh }],
			onProgress: (p) => progress.push(`${p.step} ${p.done}/${p.total}`),
		});
		expect(result).toEqual({ documents: 2, engines: ['postgres', 'meilisearch'] });
		expect((await createPgEngine(db).search({ q: 'parcels' })).total).toBe(2);
		expect((await createPgEngine(db).search({ q: 'leftover' })).total).toBe(0);
		expect(external.docs.size).toBe(2);
		expect(await countPending(db, 'processed_at')).toBe(0);
		expect(await countPending(db, 'external_processed_at')).toBe(0);
		expect(progress).toContain('postgres 2/2');
	});
});
