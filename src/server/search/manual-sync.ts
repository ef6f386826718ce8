import type { Db } from '#server/db/schema.ts';
import { enqueueSearchDocument, enqueueSearchRemoval } from './search-document.ts';
import { documentsHash, listManualSearchDocuments } from './manuals-source.ts';

const STATE_KEY = 'manuals';

interface ManualState {
	hash: string;
	ids: string[];
}

/**
 * Queues the manual pages for indexing when their content differs from the last sync (a
 * hash in `search_state`), and removals of pages that disappeared. Cheap when nothing
 * changed: one read of the files and one row. Returns how many pages were queued.
 */
export async function syncManualDocuments(db: Db, contentDir?: string): Promise<number> {
	const docs = listManualSearchDocuments(contentDir);
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

/** Records the manuals as indexed (after a full reindex). */
export async function markManualsIndexed(db: Db, contentDir?: string): Promise<void> {
	const docs = listManualSearchDocuments(contentDir);
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
