/**
 * The database blob store: a row per blob in `attachment_blobs` and its bytes in 256 KiB `bytea`
 * chunks in `attachment_blob_chunks`. Chunks keep every query small: writing streams a file in
 * without holding it, and reading streams it out a chunk at a time.
 */
import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { BlobStore } from './blob-store.ts';

export const CHUNK_BYTES = 256 * 1024;

export function createDbBlobStore(db: Db): BlobStore {
	return {
		async put(sha256, size, open) {
			// NOTE: `on conflict … do update` locks an existing row, so a cleanup deleting it waits and
			// then sees the fresh `last_used_at`; a concurrent put of the same new bytes waits for ours.
			const inserted = await sql<{ fresh: boolean }>`
				insert into attachment_blobs (sha256, size) values (${sha256}, ${size})
				on conflict (sha256) do update set last_used_at = now()
				returning (xmax = 0) as fresh`.execute(db);
			if (!inserted.rows[0]?.fresh) return;
			let seq = 0;
			let written = 0;
			for await (const chunk of rechunk(open(), CHUNK_BYTES)) {
				await db
					.insertInto('attachment_blob_chunks')
					.values({ sha256, seq: seq++, data: chunk })
					.execute();
				written += chunk.byteLength;
			}
			if (written !== size) throw new Error(`Blob ${sha256}: wrote ${written} of ${size} bytes`);
		},

		async stat(sha256) {
			const row = await db
				.selectFrom('attachment_blobs')
				.select('size')
				.where('sha256', '=', sha256)
				.executeTakeFirst();
			return row && { size: Number(row.size) };
		},

		async read(sha256) {
			if (!(await this.stat(sha256))) return undefined;
			const parts: Buffer[] = [];
			for await (const chunk of this.stream(sha256)) parts.push(Buffer.from(chunk));
			return Buffer.concat(parts);
		},

		async *stream(sha256) {
			for (let seq = 0; ; seq++) {
				const row = await db
					.selectFrom('attachment_blob_chunks')
					.select('data')
					.where('sha256', '=', sha256)
					.where('seq', '=', seq)
					.executeTakeFirst();
				if (!row) return;
				yield asBytes(row.data);
			}
		},

		async listUnusedSince(cutoff, { after, limit }) {
			const rows = await db
				.selectFrom('attachment_blobs')
				.select('sha256')
				.where('last_used_at', '<', cutoff)
				.where('sha256', '>', after)
				.orderBy('sha256')
				.limit(limit)
				.execute();
			return rows.map((r) => r.sha256);
		},

		async deleteUnusedSince(sha256, cutoff) {
			const result = await db
				.deleteFrom('attachment_blobs')
				.where('sha256', '=', sha256)
				.where('last_used_at', '<', cutoff)
				.executeTakeFirst();
			return Number(result.numDeletedRows) > 0;
		},
	};
}

/** pg returns `bytea` as a Buffer, PGlite as a Uint8Array. */
function asBytes(value: unknown): Uint8Array {
	if (value instanceof Uint8Array) return value;
	throw new Error('Blob chunk is not binary');
}

/** Re-cuts a byte stream into pieces of exactly `size` bytes (the last one shorter). */
export async function* rechunk(
	source: AsyncIterable<Uint8Array>,
	size: number,
): AsyncIterable<Uint8Array> {
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	for await (const chunk of source) {
		let offset = 0;
		while (offset < chunk.byteLength) {
			const take = Math.min(size - pendingBytes, chunk.byteLength - offset);
			pending.push(chunk.subarray(offset, offset + take));
			pendingBytes += take;
			offset += take;
			if (pendingBytes === size) {
				yield Buffer.concat(pending);
				pending = [];
				pendingBytes = 0;
			}
		}
	}
	if (pendingBytes > 0) yield Buffer.concat(pending);
}
