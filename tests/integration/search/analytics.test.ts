import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { searchDashboard } from '#server/search/search-dashboard.ts';
import {
	flushSearchEvents,
	logSearch,
	recordSearchClick,
	recordTicketStarted,
	resetSearchEventMemory,
} from '#server/search/search-events.ts';
import { describeEachDb } from '../../helpers/db.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describeEachDb('search analytics', (use) => {
	beforeEach(async () => {
		resetSearchEventMemory();
		await use().deleteFrom('search_events').execute();
	});

	it('counts typing a question as one search, and a new question as another', async () => {
		const db = use();
		const t = Date.now();
		logSearch(
			db,
			{ visitor: 'v1', query: 'curr', route: 'self_service', resultCount: 3, source: 'suggest' },
			t,
		);
		logSearch(
			db,
			{
				visitor: 'v1',
				query: 'currency rate',
				route: 'self_service',
				resultCount: 2,
				source: 'suggest',
			},
			t + 500,
		);
		logSearch(
			db,
			{ visitor: 'v1', query: 'site is down', route: 'urgent', resultCount: 0, source: 'suggest' },
			t + 900,
		);
		await flushSearchEvents();
		const rows = await db
			.selectFrom('search_events')
			.select(['query', 'route', 'result_count'])
			.orderBy('query')
			.execute();
		expect(rows).toEqual([
			{ query: 'currency rate', route: 'self_service', result_count: 2 },
			{ query: 'site is down', route: 'urgent', result_count: 0 },
		]);
	});

	it('records a started ticket only for visitors who searched', async () => {
		const db = use();
		await db
			.insertInto('search_events')
			.values({ visitor: 'asker', type: 'search', query: 'x', created_at: hoursAgo(1) })
			.execute();
		expect(await recordTicketStarted(db, 'asker', NOW)).toBe(true);
		expect(await recordTicketStarted(db, 'stranger', NOW)).toBe(false);
	});

	it('computes searches per day, route mix, no-result queries and deflection', async () => {
		const db = use();
		const search = (visitor: string, at: Date, query: string, route: string, results: number) =>
			db
				.insertInto('search_events')
				.values({ visitor, type: 'search', query, route, result_count: results, created_at: at })
				.execute();
		await search('a', hoursAgo(2), 'payment methods', 'self_service', 4);
		await search('b', hoursAgo(3), 'Warp drive', 'ticket', 0);
		await search('c', hoursAgo(30), 'warp drive', 'forum', 0);
		await search('d', hoursAgo(26), 'site down', 'urgent', 1);
		await search('old', hoursAgo(24 * 40), 'ancient', 'chat', 0);
		// a and d opened an article; d then opened the ticket form within the window, a did not.
		await recordSearchClick(db, { visitor: 'a', url: '/manuals/x' });
		await sql`update search_events set created_at = ${hoursAgo(2)} where type = 'click'`.execute(
			db,
		);
		await db
			.insertInto('search_events')
			.values({ visitor: 'd', type: 'click', url: '/manuals/y', created_at: hoursAgo(25) })
			.execute();
		await db
			.insertInto('search_events')
			.values({ visitor: 'd', type: 'ticket_started', created_at: hoursAgo(24) })
			.execute();

		const board = await searchDashboard(db, { now: NOW, days: 7, zone: 'Europe/Moscow' });
		expect(board.perDay).toHaveLength(7);
		expect(board.perDay.at(-1)).toEqual({ day: '2026-11-20', searches: 2 });
		expect(board.perDay.at(-2)).toEqual({ day: '2026-11-19', searches: 2 });
		expect(board.totalSearches).toBe(4);
		expect(board.routeMix).toContainEqual({ route: 'self_service', searches: 1 });
		expect(board.routeMix).toContainEqual({ route: 'chat', searches: 0 });
		expect(board.noResults).toEqual([{ query: 'warp drive', searches: 2 }]);
		expect(board.deflection).toMatchObject({
			askers: 4,
			openedArticle: 2,
			deflected: 1,
			share: 0.25,
		});
	});
});
