import type { Db } from '#server/db/schema.ts';

export const SEARCH_KINDS = ['manual', 'hint', 'topic'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What the public search engines index: one manual page, published hint or visible forum topic. */
export interface SearchDocument {
	kind: SearchKind;
	/** Stable id within the kind: manual id (`admin-panel/currencies`), hint id, topic id. */
	sourceId: string;
	title: string;
	/** Plain text or Markdown source; a topic's body includes its visible posts. */
	body: string;
	url: string;
	/** Manual section title or forum category slug, for filters. */
	section?: string | undefined;
	/** Forum category name or manual section title, for display. */
	sectionLabel?: string | undefined;
	tags?: string[] | undefined;
	updatedAt: Date;
}

/**
 * Queues a document for the search index. Call it in the same transaction as the change
 * (`trx`), so a committed change always reaches the index, even when the engine is down.
 */
export async function enqueueSearchDocument(db: Db, doc: SearchDocument): Promise<void> {
	await db
		.insertInto('search_outbox')
		.values({
			kind: doc.kind,
			source_id: doc.sourceId,
			op: 'upsert',
			payload: JSON.stringify({ ...doc, updatedAt: doc.updatedAt.toISOString() }),
		})
		.execute();
}

/** Queues the removal of a document (hidden, deleted, unpublished, archived). Same transaction rule. */
export async function enqueueSearchRemoval(
	db: Db,
	kind: SearchKind,
	sourceId: string,
): Promise<void> {
	await db
		.insertInto('search_outbox')
		.values({ kind, source_id: sourceId, op: 'delete', payload: null })
		.execute();
}
