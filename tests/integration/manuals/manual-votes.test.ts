import { expect, it } from 'vitest';
import { asSessionUser, makeUser } from '../../helpers/factories.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { ForbiddenError, NotFoundError, TooManyRequestsError } from '#server/errors.ts';
import { ManualVoteSchema } from '#server/manuals/manual-votes.schema.ts';
import {
	listManualVoteTallies,
	newVoterCookie,
	recordManualVote,
	VOTE_LIMIT,
	voterKeyOf,
} from '#server/manuals/manual-votes.service.ts';

const PAGES = new Set(['api-key/connecting-the-key', 'support/how-support-works']);
const vote = (pageId: string, helpful: 'yes' | 'no') => ManualVoteSchema.parse({ pageId, helpful });
let address = 0;
const nextAddress = () => `10.1.0.${++address}`;

describeEachDb('manual votes', (use) => {
	it('keeps one vote per voter and page; a later vote replaces it', async () => {
		const db = use();
		const staff = asSessionUser(await makeUser(db, { role: 'staff' }));
		const reader = { cookie: newVoterCookie() };
		const user = { userId: (await makeUser(db)).id };
		const ip = nextAddress();
		await recordManualVote(db, vote('api-key/connecting-the-key', 'yes'), reader, ip, PAGES);
		await recordManualVote(db, vote('api-key/connecting-the-key', 'no'), reader, ip, PAGES);
		await recordManualVote(db, vote('api-key/connecting-the-key', 'yes'), user, ip, PAGES);
		await recordManualVote(db, vote('support/how-support-works', 'yes'), reader, ip, PAGES);
		const tallies = await listManualVoteTallies(db, staff);
		expect(tallies.find((t) => t.pageId === 'api-key/connecting-the-key')).toMatchObject({
			yes: 1,
			no: 1,
		});
		expect(tallies.find((t) => t.pageId === 'support/how-support-works')).toMatchObject({
			yes: 1,
			no: 0,
		});
	});

	it('stores only a hash of who voted', async () => {
		const db = use();
		const cookie = newVoterCookie();
		await recordManualVote(
			db,
			vote('support/how-support-works', 'no'),
			{ cookie },
			nextAddress(),
			PAGES,
		);
		const rows = await db.selectFrom('manual_votes').select('voter_key').execute();
		expect(rows.map((r) => r.voter_key)).toContain(voterKeyOf({ cookie }));
		expect(rows.some((r) => r.voter_key.includes(cookie))).toBe(false);
		expect(voterKeyOf({ cookie })).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuses votes for pages that do not exist', async () => {
		const db = use();
		const attempt = recordManualVote(
			db,
			vote('api-key/nope', 'yes'),
			{ cookie: newVoterCookie() },
			nextAddress(),
			PAGES,
		);
		await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
		const rows = await db
			.selectFrom('manual_votes')
			.select('page_id')
			.where('page_id', '=', 'api-key/nope')
			.execute();
		expect(rows).toEqual([]);
	});

	it('limits votes per address', async () => {
		const db = use();
		const ip = nextAddress();
		for (let i = 0; i < VOTE_LIMIT.limit; i++) {
			await recordManualVote(
				db,
				vote('support/how-support-works', 'yes'),
				{ cookie: newVoterCookie() },
				ip,
				PAGES,
			);
		}
		const over = recordManualVote(
			db,
			vote('support/how-support-works', 'yes'),
			{ cookie: newVoterCookie() },
			ip,
			PAGES,
		);
		await expect(over).rejects.toBeInstanceOf(TooManyRequestsError);
		await recordManualVote(
			db,
			vote('support/how-support-works', 'yes'),
			{ cookie: newVoterCookie() },
			nextAddress(),
			PAGES,
		);
	});

	it('shows the tallies to staff only', async () => {
		const db = use();
		for (const role of ['customer', 'developer'] as const) {
			const user = asSessionUser(await makeUser(db, { role }));
			await expect(listManualVoteTallies(db, user)).rejects.toBeInstanceOf(ForbiddenError);
		}
		const admin = asSessionUser(await makeUser(db, { role: 'admin' }));
		expect(Array.isArray(await listManualVoteTallies(db, admin))).toBe(true);
	});
});
