/**
 * Where the bytes of attachments live: a content-addressed store, keyed by the SHA-256 (lowercase
 * hex) of the bytes, so the same file uploaded twice is kept once. The database store
 * (./db-store.ts) is the default: every instance sees the same files with no shared disk. A
 * filesystem or S3-compatible store can take its place by implementing this interface and being
 * returned from `blobStore()`.
 */
import type { Db } from '#server/db/schema.ts';
import type { BlobStore } from './blob-store.ts';
import { createDbBlobStore } from './db-store.ts';

export type { BlobStore };

/** The store in use, working in `db` (a transaction when given one). */
export function blobStore(db: Db): BlobStore {
	return createDbBlobStore(db);
}
