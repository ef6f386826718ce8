import { createHash } from 'node:crypto';
import type { Db } from '#server/db/schema.ts';
import {
	enqueueSearchDocument,
	enqueueSearchRemoval,
	type SearchDocument,
} from './search-document.ts';

const STATE_KEY = 'manuals';

interface ManualState {
	hash: string;
	ids: string[];
}

/**
 * Queues the manual pages `docs` (every one there is) for indexing when their content differs
 * from the last sync (a hash in `search_state`), and removals of pages that disappeared. Cheap
 * when nothing changed: one row. Returns how many pages were queued.
 */
export async function syncManualDocuments(
	db: Db,
	docs: readonly SearchDocument[],
): Promise<number> {
	const hash = documentsHash(docs);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('search_state')
			.select('value')
			.where('key', '=', STATE_KEY)
			.forUpdate()
			.executeTakeFirst();
		const previous = row ? (JSON.parse(row.value) as ManualState) : undefined;
		if (previous?.hash === hash) return 0;
		const ids = docs.map((d) => d.sourceId);
		for (const gone of (previous?.ids ?? []).filter((id) => !ids.includes(id)))
			await enqueueSearchRemoval(trx, 'manual', gone);
		for (const doc of docs) await enqueueSearchDocument(trx, doc);
		await writeManualState(trx, { hash, ids });
		return docs.length;
	});
}

/** Records the manual pages `docs` as indexed (after a full reindex). */
export async function markManualsIndexed(db: Db, docs: readonly SearchDocument[]): Promise<void> {
	await writeManualState(db, { hash: documentsHash(docs), ids: docs.map((d) => d.sourceId) });
}

async function writeManualState(db: Db, state: ManualState): Promise<void> {
	const value = JSON.stringify(state);
	await db
		.insertInto('search_state')
		.values({ key: STATE_KEY, value, updated_at: new Date() })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
		.execute();
}

/** A fingerprint of the documents' content (not their mtimes), to skip unchanged syncs. */
export function documentsHash(docs: readonly SearchDocument[]): string {
	const hash = createHash('sha256');
	for (const d of docs)
		hash.update(JSON.stringify([d.sourceId, d.title, d.body, d.url, d.section ?? '']));
	return hash.digest('hex');
}
