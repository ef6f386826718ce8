import type { Db } from '#server/db/schema.ts';
import { now } from '#server/clock.ts';
import { recordTicketStarted } from './search-events.ts';
import { isVisitorId, visitorHash } from './visitor.ts';

/**
 * Notes that the visitor with cookie `sid` opened the new-ticket form (only recorded when
 * they searched recently). Never throws, not even when the database cannot be opened:
 * analytics must not break the page.
 */
export async function noteTicketFormOpened(
	database: () => Promise<Db>,
	sid: string | undefined,
): Promise<void> {
	if (!isVisitorId(sid)) return;
	try {
		await recordTicketStarted(await database(), visitorHash(sid), now());
	} catch (error) {
		console.warn('[search] could not record a started ticket:', (error as Error).message);
	}
}
