/**
 * What anyone may read: published hints whose publish date has passed.
 */
import type { Db } from '#server/db/schema.ts';
import { now as clockNow } from '#server/clock.ts';
import { normalizeTag } from '#lib/hint-slug.ts';
import {
	listAllPublicHints,
	listPublicHintRows,
	listPublicTagCounts,
	type Hint,
} from './hints.repo.ts';
import type { PublicHintQuery } from './hints.schema.ts';

export const HINTS_PER_PAGE = 10;
export const FEED_SIZE = 30;

export interface PublicHintList {
	hints: Hint[];
	total: number;
	/** 1-based, clamped to the last page. */
	page: number;
	pageCount: number;
	/** The normalised tag filter, if any. */
	tag: string | undefined;
}

/** One page of public hints, newest publish date first, optionally with a tag. */
export async function listPublicHints(db: Db, query: PublicHintQuery): Promise<PublicHintList> {
	const tag = query.tag ? normalizeTag(query.tag) || undefined : undefined;
	const now = clockNow();
	const first = await listPublicHintRows(db, {
		now,
		tag,
		limit: HINTS_PER_PAGE,
		offset: (query.page - 1) * HINTS_PER_PAGE,
	});
	const pageCount = Math.max(1, Math.ceil(first.total / HINTS_PER_PAGE));
	if (query.page <= pageCount) {
		return { hints: first.hints, total: first.total, page: query.page, pageCount, tag };
	}
	// Past the end (a hint was archived, or a hand-typed page number): show the last page.
	const last = await listPublicHintRows(db, {
		now,
		tag,
		limit: HINTS_PER_PAGE,
		offset: (pageCount - 1) * HINTS_PER_PAGE,
	});
	return { hints: last.hints, total: last.total, page: pageCount, pageCount, tag };
}

/** Tags on public hints with their counts, most used first. */
export async function listHintTags(db: Db): Promise<{ tag: string; count: number }[]> {
	return listPublicTagCounts(db, clockNow());
}

/** The newest public hints for the feed. */
export async function listFeedHints(db: Db, limit = FEED_SIZE): Promise<Hint[]> {
	return listAllPublicHints(db, clockNow(), limit);
}
