import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '#server/db/schema.ts';
import { ROUTES, type Route } from '#server/triage/router.ts';
import { DEFLECTION_WINDOW_HOURS } from './search-events.ts';
import { portalZone } from '#server/support/portal-time.ts';

export interface SearchDashboard {
	from: Date;
	to: Date;
	zone: string;
	/** One entry per calendar day in `zone`, oldest first, zeros included. */
	perDay: { day: string; searches: number }[];
	totalSearches: number;
	deflection: {
		/** Distinct visitors who searched in the period. */
		askers: number;
		/** Of them, who opened a suggested article or search result. */
		openedArticle: number;
		/** Of those, who did not start a ticket within the window after opening it. */
		deflected: number;
		/** deflected / askers, 0..1 (0 without askers). */
		share: number;
		windowHours: number;
	};
	routeMix: { route: Route; searches: number }[];
	noResults: { query: string; searches: number }[];
}

/**
 * Figures for the staff search dashboard over the `days` calendar days ending at `now`
 * (in `zone`). Deflection = share of askers who opened a suggested article and did not open
 * the new-ticket form within DEFLECTION_WINDOW_HOURS of first doing so.
 */
export async function searchDashboard(
	db: Db,
	options: { now: Date; days?: number; zone?: string },
): Promise<SearchDashboard> {
	const zone = options.zone ?? portalZone().zone;
	const days = Math.min(Math.max(options.days ?? 30, 1), 366);
	const end = DateTime.fromJSDate(options.now, { zone });
	const start = end.startOf('day').minus({ days: days - 1 });
	const from = start.toJSDate();
	const to = options.now;
	const inPeriod = (column: string) =>
		sql`${sql.ref(column)} >= ${from} and ${sql.ref(column)} <= ${to}`;

	const dayRows = await sql<{ day: string; n: number }>`
		select to_char(created_at at time zone ${zone}, 'YYYY-MM-DD') as day, count(*)::int as n
		from search_events where type = 'search' and ${inPeriod('created_at')}
		group by 1`.execute(db);
	const counts = new Map(dayRows.rows.map((r) => [r.day, r.n]));
	const perDay = Array.from({ length: days }, (_, i) => {
		const day = start.plus({ days: i }).toISODate() ?? '';
		return { day, searches: counts.get(day) ?? 0 };
	});

	const routeRows = await sql<{ route: string; n: number }>`
		select route, count(*)::int as n from search_events
		where type = 'search' and route is not null and ${inPeriod('created_at')} group by route`.execute(
		db,
	);
	const routeCounts = new Map(routeRows.rows.map((r) => [r.route, r.n]));

	const noResults = await sql<{ query: string; n: number }>`
		select lower(query) as query, count(*)::int as n from search_events
		where type = 'search' and result_count = 0 and query is not null and ${inPeriod('created_at')}
		group by lower(query) order by n desc, query limit 10`.execute(db);

	const window = sql.raw(`interval '${DEFLECTION_WINDOW_HOURS} hours'`);
	const deflection = await sql<{ askers: number; opened: number; ticketed: number }>`
		with askers as (
			select distinct visitor from search_events where type = 'search' and ${inPeriod('created_at')}
		),
		opened as (
			select e.visitor, min(e.created_at) as first_open from search_events e
			join askers a on a.visitor = e.visitor
			where e.type = 'click' and ${inPeriod('e.created_at')}
			group by e.visitor
		),
		ticketed as (
			select distinct o.visitor from opened o
			join search_events t on t.visitor = o.visitor and t.type = 'ticket_started'
				and t.created_at >= o.first_open and t.created_at < o.first_open + ${window}
		)
		select (select count(*)::int from askers) as askers, (select count(*)::int from opened) as opened,
			(select count(*)::int from ticketed) as ticketed`.execute(db);
	const d = deflection.rows[0] ?? { askers: 0, opened: 0, ticketed: 0 };
	const deflected = d.opened - d.ticketed;

	return {
		from,
		to,
		zone,
		perDay,
		totalSearches: perDay.reduce((sum, p) => sum + p.searches, 0),
		deflection: {
			askers: d.askers,
			openedArticle: d.opened,
			deflected,
			share: d.askers === 0 ? 0 : deflected / d.askers,
			windowHours: DEFLECTION_WINDOW_HOURS,
		},
		routeMix: ROUTES.map((route) => ({ route, searches: routeCounts.get(route) ?? 0 })),
		noResults: noResults.rows.map((r) => ({ query: r.query, searches: r.n })),
	};
}
