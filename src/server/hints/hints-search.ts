/**
 * Hints in the public search index. Only hints anyone may read are indexed: published with a
 * publish date that has passed. A hint published with a future date is flagged `index_pending`
 * and enters the index when `releaseScheduledHints` runs after that date (the server does every
 * minute, see `startHintRelease`), or at the next full reindex.
 */
import type { Db } from '#server/db/schema.ts';
import { now as clockNow } from '#server/clock.ts';
import {
	enqueueSearchDocument,
	enqueueSearchRemoval,
	type SearchDocument,
} from '#server/search/search-document.ts';
import {
	hasDueScheduledHints,
	listAllPublicHints,
	takeDueScheduledHints,
	type Hint,
} from './hints.repo.ts';

export function hintUrl(slug: string): string {
	return `/hints/${slug}`;
}

/** Whether anyone (not only staff) may read `hint` at `now`. */
export function isHintPublic(hint: Pick<Hint, 'state' | 'publishedAt'>, now: Date): boolean {
	return hint.state === 'published' && hint.publishedAt !== null && hint.publishedAt <= now;
}

export function toHintSearchDocument(hint: Hint): SearchDocument {
	return {
		kind: 'hint',
		sourceId: hint.id,
		title: hint.title,
		body: hint.body,
		url: hintUrl(hint.slug),
		tags: hint.tags,
		updatedAt: hint.updatedAt,
	};
}

/**
 * Queues the index change for a hint that went from `before` to `after`. Call inside the
 * transaction that wrote `after`.
 */
export async function syncHintSearch(
	trx: Db,
	before: Pick<Hint, 'state'> | undefined,
	after: Hint,
	now: Date,
): Promise<void> {
	if (isHintPublic(after, now)) {
		await enqueueSearchDocument(trx, toHintSearchDocument(after));
	} else if (before?.state === 'published') {
		await enqueueSearchRemoval(trx, 'hint', after.id);
	}
}

/** Every hint that belongs in the index now, for a full reindex. */
export async function listHintSearchDocuments(db: Db): Promise<SearchDocument[]> {
	return (await listAllPublicHints(db, clockNow())).map(toHintSearchDocument);
}

/**
 * Queues scheduled hints whose publish date has passed for the index; returns how many.
 * Safe to call often and from several instances at once (each hint is queued once).
 */
export async function releaseScheduledHints(db: Db): Promise<number> {
	const now = clockNow();
	if (!(await hasDueScheduledHints(db, now))) return 0;
	return db.transaction().execute(async (trx) => {
		const due = await takeDueScheduledHints(trx, now);
		for (const hint of due) await enqueueSearchDocument(trx, toHintSearchDocument(hint));
		return due.length;
	});
}

const RELEASE_EVERY_MS = 60_000;

/**
 * The server's scheduled-hint release (started by the composition root, src/server/app.ts):
 * queues due hints now and every minute. Returns its stop function, which waits for a release
 * under way.
 */
export function startHintRelease(db: Db): () => Promise<void> {
	let running: Promise<unknown> | undefined;
	const release = () => {
		running ??= releaseScheduledHints(db)
			.catch((error: unknown) =>
				console.warn('[hints] could not release scheduled hints:', (error as Error).message),
			)
			.finally(() => (running = undefined));
	};
	release();
	const timer = setInterval(release, RELEASE_EVERY_MS);
	timer.unref();
	return async () => {
		clearInterval(timer);
		await running;
	};
}
