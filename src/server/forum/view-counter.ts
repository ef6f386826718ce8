/**
 * Topic view counting: one UPDATE per view, but the same visitor (session or address) counts
 * once per topic per hour on this instance.
 */
import type { Db } from '#server/db/schema.ts';
import { incrementTopicViews } from './topics.repo.ts';

const WINDOW_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 50_000;
// NOTE: per instance and in memory: a visitor who hits two instances counts twice, which is fine
// for a popularity hint and keeps views free of extra tables.
const seen = new Map<string, number>();

/** Counts a view unless `visitorKey` viewed `topicId` within the hour. */
export async function recordTopicView(
	db: Db,
	topicId: string,
	visitorKey: string,
	at = Date.now(),
): Promise<boolean> {
	const key = `${visitorKey}|${topicId}`;
	const last = seen.get(key);
	if (last !== undefined && at - last < WINDOW_MS) return false;
	if (seen.size >= MAX_ENTRIES) prune(at);
	seen.set(key, at);
	await incrementTopicViews(db, topicId);
	return true;
}

function prune(at: number): void {
	for (const [key, time] of seen) {
		if (at - time >= WINDOW_MS) seen.delete(key);
	}
	// Still full: forget the oldest half (Map keeps insertion order).
	if (seen.size >= MAX_ENTRIES) {
		let drop = seen.size / 2;
		for (const key of seen.keys()) {
			if (drop-- <= 0) break;
			seen.delete(key);
		}
	}
}
