/**
 * Forum topics in the public search index: one document per visible topic, made of its title,
 * first post and visible replies as plain text.
 */
import type { Db } from '#server/db/schema.ts';
import {
	enqueueSearchDocument,
	enqueueSearchRemoval,
	type SearchDocument,
} from '#server/search/search-document.ts';
import { listVisiblePostBodies } from './post-lists.repo.ts';
import { markdownToText } from '#server/markdown/text.ts';
import { topicPath } from './urls.ts';

/** Cap on a topic document's body, in characters. */
export const MAX_TOPIC_DOCUMENT_CHARS = 20_000;

interface TopicIndexRow {
	id: string;
	title: string;
	hidden: boolean;
	deleted_at: Date | null;
	last_activity_at: Date;
	category_slug: string;
	category_name: string;
}

function topicsForIndex(db: Db) {
	return db
		.selectFrom('forum_topics as t')
		.innerJoin('forum_categories as c', 'c.id', 't.category_id')
		.select([
			't.id',
			't.title',
			't.hidden',
			't.deleted_at',
			't.last_activity_at',
			'c.slug as category_slug',
			'c.name as category_name',
		]);
}

function toDocument(row: TopicIndexRow, bodies: readonly string[]): SearchDocument {
	let body = '';
	for (const text of bodies) {
		const plain = markdownToText(text);
		if (!plain) continue;
		body = body ? `${body}\n\n${plain}` : plain;
		if (body.length >= MAX_TOPIC_DOCUMENT_CHARS) break;
	}
	return {
		kind: 'topic',
		sourceId: row.id,
		title: row.title,
		body: body.slice(0, MAX_TOPIC_DOCUMENT_CHARS),
		url: topicPath(row),
		section: row.category_slug,
		sectionLabel: row.category_name,
		updatedAt: new Date(row.last_activity_at),
	};
}

/**
 * Queues the topic's current public state for the search index: an upsert when the public can
 * see it, a removal otherwise. Call it with the `trx` of every change to a topic or its posts.
 */
export async function syncTopicSearch(trx: Db, topicId: string): Promise<void> {
	const row = await topicsForIndex(trx).where('t.id', '=', topicId).executeTakeFirst();
	if (!row || row.hidden || row.deleted_at) {
		await enqueueSearchRemoval(trx, 'topic', topicId);
		return;
	}
	const bodies = await listVisiblePostBodies(trx, [topicId]);
	await enqueueSearchDocument(trx, toDocument(row, bodies.get(topicId) ?? []));
}

/** Every visible topic as a search document, read in batches (for big forums). */
export async function* iterateTopicSearchDocuments(
	db: Db,
	batchSize = 200,
): AsyncIterable<SearchDocument> {
	let after = '00000000-0000-0000-0000-000000000000';
	for (;;) {
		const rows = await topicsForIndex(db)
			.where('t.hidden', '=', false)
			.where('t.deleted_at', 'is', null)
			.where('t.id', '>', after)
			.orderBy('t.id')
			.limit(batchSize)
			.execute();
		if (rows.length === 0) return;
		const bodies = await listVisiblePostBodies(
			db,
			rows.map((r) => r.id),
		);
		for (const row of rows) yield toDocument(row, bodies.get(row.id) ?? []);
		const last = rows.at(-1);
		if (!last || rows.length < batchSize) return;
		after = last.id;
	}
}

/**
 * Every visible topic as a search document (the reindex command's `SearchSource.list`).
 * Hidden and deleted topics, hidden posts and deleted posts are left out.
 */
export async function listTopicSearchDocuments(db: Db): Promise<SearchDocument[]> {
	const docs: SearchDocument[] = [];
	for await (const doc of iterateTopicSearchDocuments(db)) docs.push(doc);
	return docs;
}
