/**
 * Seeds the sample hints into an empty hints table, once. Safe with several instances starting
 * together: inserts skip slugs that exist (`on conflict do nothing`), and only rows this call
 * inserted get a revision and a search entry.
 */
import type { Db } from '#server/db/schema.ts';
import { config } from '#server/config.ts';
import { now as clockNow } from '#server/clock.ts';
import { countAllHints, insertHint } from './hints.repo.ts';
import { insertRevision } from './hint-revisions.repo.ts';
import { loadHintSeeds, type HintSeed } from './hint-seed.ts';
import { syncHintSearch } from './hints-search.ts';

const SEED_NOTE = 'Sample hint shipped with the portal';

/**
 * Inserts `seeds` when the hints table is empty; returns how many were inserted (0 when the
 * table had hints). Author is null (the portal itself).
 */
export async function seedSampleHints(db: Db, seeds: readonly HintSeed[]): Promise<number> {
	if ((await countAllHints(db)) > 0) return 0;
	const now = clockNow();
	return db.transaction().execute(async (trx) => {
		let inserted = 0;
		for (const seed of seeds) {
			const hint = await insertHint(trx, {
				slug: seed.slug,
				title: seed.title,
				body: seed.body,
				tags: seed.tags,
				relatedManuals: seed.related,
				state: 'published',
				publishedAt: seed.publishedAt,
				authorId: null,
				indexPending: seed.publishedAt > now,
				createdAt: seed.publishedAt,
			});
			if (!hint) continue;
			await insertRevision(trx, hint, SEED_NOTE, null);
			await syncHintSearch(trx, undefined, hint, now);
			inserted += 1;
		}
		return inserted;
	});
}

const done = new WeakMap<Db, Promise<number>>();

/**
 * Seeds the shipped sample hints on a fresh database, at most once per process and database
 * (unless `SEED_SAMPLE_CONTENT=0`). Call before reading hints; cheap after the first call.
 */
export function ensureSampleHints(db: Db): Promise<number> {
	if (!config().seedSampleContent) return Promise.resolve(0);
	let pending = done.get(db);
	if (!pending) {
		pending = seedSampleHints(db, loadHintSeeds()).catch((error: unknown) => {
			// NOTE: let the next request retry (the database may have been briefly unavailable).
			done.delete(db);
			throw error;
		});
		done.set(db, pending);
	}
	return pending;
}
