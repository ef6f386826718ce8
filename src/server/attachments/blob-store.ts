/** A content-addressed store of bytes (see ./storage.ts for the one in use). */
export interface BlobStore {
	/**
	 * Stores the bytes `open()` yields (exactly `size` bytes whose SHA-256 is `sha256`) unless they
	 * are stored already (then `open` is not called), and marks the blob as used now either way so
	 * a concurrent cleanup leaves it alone. Inside a database transaction, the blob is stored whole
	 * or not at all.
	 */
	put(sha256: string, size: number, open: () => AsyncIterable<Uint8Array>): Promise<void>;
	/** Size of the stored blob, or undefined when it is not stored. */
	stat(sha256: string): Promise<{ size: number } | undefined>;
	/** The whole blob in memory (thumbnails); undefined when it is not stored. */
	read(sha256: string): Promise<Buffer | undefined>;
	/** The blob piece by piece, so serving a large file takes little memory. */
	stream(sha256: string): AsyncIterable<Uint8Array>;
	/** Blobs not marked used since `cutoff`, in hash order after `after`, at most `limit`. */
	listUnusedSince(cutoff: Date, page: { after: string; limit: number }): Promise<string[]>;
	/** Deletes the blob unless it was marked used since `cutoff`. True when it was deleted. */
	deleteUnusedSince(sha256: string, cutoff: Date): Promise<boolean>;
}
