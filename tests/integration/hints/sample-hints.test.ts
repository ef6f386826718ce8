import { expect, it } from 'vitest';
import { describeEachDb } from '../../helpers/db.ts';
import { loadHintSeeds } from '#server/hints/hint-seed.ts';
import { seedSampleHints } from '#server/hints/sample-hints.ts';
import { listPublicHints } from '#server/hints/hints-public.ts';

const seeds = loadHintSeeds();

describeEachDb('sample hints', (use) => {
	it('ships at least 15 sample hints', () => {
		expect(seeds.length).toBeGreaterThanOrEqual(15);
	});

	it('seeds an empty table once, even when two instances start together', async () => {
		const db = use();
		const [a, b] = await Promise.all([seedSampleHints(db, seeds), seedSampleHints(db, seeds)]);
		expect(a + b).toBe(seeds.length);
		expect(await seedSampleHints(db, seeds)).toBe(0);
		const count = await db
			.selectFrom('hints')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(seeds.length);
		const list = await listPublicHints(db, { page: 1 });
		expect(list.total).toBe(seeds.length);
		const revisions = await db.selectFrom('hint_revisions').select('hint_id').execute();
		expect(revisions).toHaveLength(seeds.length);
		const outbox = await db
			.selectFrom('search_outbox')
			.select('source_id')
			.where('kind', '=', 'hint')
			.execute();
		expect(outbox).toHaveLength(seeds.length);
	});
});
