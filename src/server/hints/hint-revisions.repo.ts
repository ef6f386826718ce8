import type { Selectable } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { HintRevisionsTable } from '#server/db/schema.ts';
import {
	hintContentColumns,
	toDate,
	toHintContent,
	type Hint,
	type HintContent,
} from './hints.repo.ts';

export interface HintRevision extends HintContent {
	id: string;
	hintId: string;
	number: number;
	note: string;
	authorId: string | null;
	authorName: string | null;
	createdAt: Date;
}

type RevisionRow = Selectable<HintRevisionsTable> & { author_name: string | null };

function toRevision(row: RevisionRow): HintRevision {
	return {
		id: row.id,
		hintId: row.hint_id,
		number: Number(row.number),
		...toHintContent(row),
		note: row.note,
		authorId: row.author_id,
		authorName: row.author_name,
		createdAt: toDate(row.created_at),
	};
}

function selectRevisions(db: Db) {
	return db
		.selectFrom('hint_revisions')
		.leftJoin('users', 'users.id', 'hint_revisions.author_id')
		.selectAll('hint_revisions')
		.select('users.display_name as author_name');
}

export async function insertRevision(
	db: Db,
	hint: Hint,
	note: string,
	authorId: string | null,
): Promise<void> {
	await db
		.insertInto('hint_revisions')
		.values({
			hint_id: hint.id,
			number: hint.version,
			...hintContentColumns(hint),
			note,
			author_id: authorId,
			created_at: hint.updatedAt,
		})
		.execute();
}

export async function listRevisions(db: Db, hintId: string): Promise<HintRevision[]> {
	const rows = await selectRevisions(db)
		.where('hint_revisions.hint_id', '=', hintId)
		.orderBy('hint_revisions.number', 'desc')
		.execute();
	return rows.map(toRevision);
}

export async function findRevision(
	db: Db,
	hintId: string,
	number: number,
): Promise<HintRevision | undefined> {
	const row = await selectRevisions(db)
		.where('hint_revisions.hint_id', '=', hintId)
		.where('hint_revisions.number', '=', number)
		.executeTakeFirst();
	return row && toRevision(row);
}
