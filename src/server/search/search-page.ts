import { sql } from 'kysely';
import { routeStep, type RouteStep } from '#lib/route-steps.ts';
import type { Db } from '#server/db/schema.ts';
import { routeQuestion } from '#server/triage/router.ts';
import type { Policy } from '#server/support/policy.schema.ts';
import { chatInfo } from './chat-info.ts';
import type { SearchHit } from './engine.ts';
import { logSearch } from './search-events.ts';
import { MAX_QUERY_LENGTH, searchPublic } from './search.service.ts';
import { SEARCH_KINDS, type SearchKind } from './search-document.ts';
import { MIN_SUGGEST_CHARS, questionLength } from './suggest.service.ts';

export const PAGE_SIZE = 20;
export const KIND_LABELS: Record<SearchKind, string> = {
	manual: 'Manuals',
	hint: 'Hints',
	topic: 'Forum topics',
};

export interface SearchPageParams {
	q: string;
	kinds: SearchKind[];
	section: string;
	page: number;
	/** The query was cut to MAX_QUERY_LENGTH. */
	truncated: boolean;
}

export interface SectionOption {
	value: string;
	label: string;
}

export interface SearchPageView {
	params: SearchPageParams;
	groups: { kind: SearchKind; label: string; hits: SearchHit[] }[];
	total: number;
	pages: number;
	route: (RouteStep & { reason: string }) | null;
	filters: { manualSections: SectionOption[]; forumCategories: SectionOption[] };
}

/** Reads `/search?q=&kind=manual&kind=topic&section=&page=` leniently (bad values are ignored). */
export function parseSearchParams(params: URLSearchParams): SearchPageParams {
	const raw = params.get('q') ?? '';
	const kinds = params
		.getAll('kind')
		.filter((k): k is SearchKind => SEARCH_KINDS.includes(k as SearchKind));
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		q: raw.slice(0, MAX_QUERY_LENGTH),
		kinds: [...new Set(kinds)],
		section: (params.get('section') ?? '').slice(0, 200),
		page: Number.isFinite(page) && page >= 1 ? Math.min(page, 500) : 1,
		truncated: raw.length > MAX_QUERY_LENGTH,
	};
}

/**
 * Everything the search page shows: hits of the requested page grouped by kind (in the
 * engine's order within each group), the recommended route for the question, and the filter
 * options (manual sections and forum categories present in the index).
 */
export async function searchPageView(
	db: Db,
	params: SearchPageParams,
	context: { policy: Policy; now: Date; visitor?: string | undefined },
): Promise<SearchPageView> {
	const filters = await listSectionOptions(db);
	const asked = questionLength(params.q) >= MIN_SUGGEST_CHARS;
	if (!params.q.trim()) return { params, groups: [], total: 0, pages: 0, route: null, filters };
	const result = await searchPublic(db, {
		q: params.q,
		kinds: params.kinds.length > 0 ? params.kinds : undefined,
		section: params.section || undefined,
		limit: PAGE_SIZE,
		offset: (params.page - 1) * PAGE_SIZE,
		countTotal: true,
	});
	const groups = SEARCH_KINDS.map((kind) => ({
		kind,
		label: KIND_LABELS[kind],
		hits: result.hits.filter((h) => h.kind === kind),
	})).filter((g) => g.hits.length > 0);
	let route: SearchPageView['route'] = null;
	if (asked) {
		const decision = routeQuestion(params.q);
		route = {
			...routeStep(decision.route, params.q, chatInfo(context.policy, context.now)),
			reason: decision.reason,
		};
		if (context.visitor && params.page === 1) {
			logSearch(db, {
				visitor: context.visitor,
				query: params.q,
				route: decision.route,
				resultCount: result.total,
				source: 'search_page',
			});
		}
	}
	return {
		params,
		groups,
		total: result.total,
		pages: Math.ceil(result.total / PAGE_SIZE),
		route,
		filters,
	};
}

/** Manual sections and forum categories that have indexed documents, for the filter form. */
export async function listSectionOptions(db: Db): Promise<SearchPageView['filters']> {
	const { rows } = await sql<{ kind: SearchKind; section: string; label: string | null }>`
		select kind, section, max(section_label) as label from search_documents
		where section is not null and kind in ('manual', 'topic')
		group by kind, section order by kind, max(section_label), section`.execute(db);
	const options = (kind: SearchKind) =>
		rows
			.filter((r) => r.kind === kind)
			.map((r) => ({ value: r.section, label: r.label ?? r.section }));
	return { manualSections: options('manual'), forumCategories: options('topic') };
}
