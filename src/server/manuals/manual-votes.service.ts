/**
 * "Was this helpful?" votes on manual pages: one per voter and page (a later vote replaces the
 * earlier one), limited per client address; staff see the tallies.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '#server/db/schema.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { requireRole } from '#server/auth/guards.ts';
import { now as clockNow } from '#server/clock.ts';
import { NotFoundError } from '#server/errors.ts';
import { consumeRateLimit } from '#server/rate-limit/rate-limit.ts';
import {
	listManualVoteTallies as listTallies,
	upsertManualVote,
	type ManualVoteTally,
} from './manual-votes.repo.ts';
import type { ManualVote } from './manual-votes.schema.ts';

export type { ManualVoteTally } from './manual-votes.repo.ts';

export const VOTE_LIMIT = { limit: 30, windowSeconds: 10 * 60 };

/** Who votes: a logged-in user, or an anonymous browser with its random voter cookie. */
export type Voter = { userId: string } | { cookie: string };

/** A fresh value for the anonymous voter cookie (random, 20 bytes). */
export function newVoterCookie(): string {
	return randomBytes(20).toString('base64url');
}

/** The stored key: a SHA-256, so the table never holds a user id or a cookie value. */
export function voterKeyOf(voter: Voter): string {
	const raw = 'userId' in voter ? `user:${voter.userId}` : `cookie:${voter.cookie}`;
	return createHash('sha256').update(raw).digest('hex');
}

/**
 * Records (or replaces) a vote.
 * @throws NotFoundError when `vote.pageId` is not a manual page; TooManyRequestsError when the
 * address voted too often.
 */
export async function recordManualVote(
	db: Db,
	vote: ManualVote,
	voter: Voter,
	address: string,
	knownPageIds: ReadonlySet<string>,
): Promise<void> {
	if (!knownPageIds.has(vote.pageId)) throw new NotFoundError('There is no such manual page.');
	await consumeRateLimit(
		db,
		`manual-vote:${address}`,
		VOTE_LIMIT,
		'Thanks, we have your votes. Please wait a little before voting again.',
	);
	await upsertManualVote(db, {
		pageId: vote.pageId,
		voterKey: voterKeyOf(voter),
		helpful: vote.helpful,
		at: clockNow(),
	});
}

/** Vote counts per page that has votes. @throws ForbiddenError unless staff. */
export async function listManualVoteTallies(db: Db, user: SessionUser): Promise<ManualVoteTally[]> {
	requireRole(user, 'staff');
	return listTallies(db);
}
