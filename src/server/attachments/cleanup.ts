/**
 * The periodic cleanup: files uploaded but never sent are dropped after a day, and bytes no
 * attachment uses any more (a message deleted, a file never sent) are removed from the store.
 */
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { deletePendingBefore, listReferencedBlobs } from './attachments.repo.ts';
import { blobStore } from './storage.ts';

const HOUR_MS = 60 * 60 * 1000;
/** How long an uploaded file waits for its message to be sent. */
export const PENDING_TTL_MS = 24 * HOUR_MS;
/**
 * Blobs used within this time are kept even when nothing references them: an upload in flight
 * may have stored the bytes but not yet committed its attachment.
 */
export const BLOB_GRACE_MS = HOUR_MS;
const BATCH = 200;

export interface CleanupReport {
	pendingRemoved: number;
	blobsRemoved: number;
}

/** One pass of the cleanup at `at`. Safe to run on several instances at once. */
export async function cleanUpAttachments(db: Db, at: Date = now()): Promise<CleanupReport> {
	const pendingRemoved = await deletePendingBefore(db, new Date(at.getTime() - PENDING_TTL_MS));
	const cutoff = new Date(at.getTime() - BLOB_GRACE_MS);
	const store = blobStore(db);
	let blobsRemoved = 0;
	let after = '';
	for (;;) {
		const candidates = await store.listUnusedSince(cutoff, { after, limit: BATCH });
		if (candidates.length === 0) break;
		const referenced = await listReferencedBlobs(db, candidates);
		for (const sha256 of candidates) {
			if (!referenced.has(sha256) && (await store.deleteUnusedSince(sha256, cutoff)))
				blobsRemoved++;
		}
		after = candidates[candidates.length - 1]!;
	}
	return { pendingRemoved, blobsRemoved };
}

/**
 * Runs the cleanup every `intervalMs` (first run after one interval) and returns its stop
 * function: a service of the composition root (src/server/app.ts). Errors are logged; the next
 * run tries again.
 */
export function startAttachmentCleanup(db: Db, intervalMs: number = HOUR_MS): () => void {
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		cleanUpAttachments(db)
			.catch((error: unknown) => console.error('[attachments] cleanup failed:', error))
			.finally(() => (running = false));
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
