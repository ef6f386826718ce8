import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';

export interface ManualVoteTally {
	pageId: string;
	yes: number;
	no: number;
	lastVoteAt: Date;
}

/** One vote per voter and page: a later vote replaces the earlier one. */
export async function upsertManualVote(
	db: Db,
	vote: { pageId: string; voterKey: string; helpful: boolean; at: Date },
): Promise<void> {
	await db
		.insertInto('manual_votes')
		.values({
			page_id: vote.pageId,
			voter_key: vote.voterKey,
			helpful: vote.helpful,
			created_at: vote.at,
			updated_at: vote.at,
		})
		.onConflict((oc) =>
			oc
				.columns(['page_id', 'voter_key'])
				.doUpdateSet({ helpful: vote.helpful, updated_at: vote.at }),
		)
		.execute();
}

export async function listManualVoteTallies(db: Db): Promise<ManualVoteTally[]> {
	const rows = await db
		.selectFrom('manual_votes')
		.select([
			'page_id',
			sql<number>`count(*) filter (where helpful)::int`.as('yes'),
			sql<number>`count(*) filter (where not helpful)::int`.as('no'),
			sql<Date>`max(updated_at)`.as('last_vote_at'),
		])
		.groupBy('page_id')
		.orderBy('page_id')
		.execute();
	return rows.map((r) => ({
		pageId: r.page_id,
		yes: Number(r.yes),
		no: Number(r.no),
		lastVoteAt: r.last_vote_at instanceof Date ? r.last_vote_at : new Date(r.last_vote_at),
	}));
}

export async function findManualVote(
	db: Db,
	pageId: string,
	voterKey: string,
): Promise<boolean | undefined> {
	const row = await db
		.selectFrom('manual_votes')
		.select('helpful')
		.where('page_id', '=', pageId)
		.where('voter_key', '=', voterKey)
		.executeTakeFirst();
	return row?.helpful;
}
