const MiB = 1024 * 1024;

/** Largest request body we read (astro.config.mjs and the launcher share it); 413 above it. */
export const BODY_SIZE_LIMIT = 4 * MiB;
/**
 * Largest body of a form post with files (multipart/form-data): the 25 MB of files one message
 * may have (src/server/attachments/limits.ts), 1 MiB of text fields and framing, and 1 MiB more.
 * NOTE: the attachments reader stops first (at 26 MiB) with its own 413 naming the limit; were
 * both limits equal, the cut stream's error could reach it first, told apart less reliably.
 */
export const UPLOAD_BODY_LIMIT = 27 * MiB;
export const BODY_TOO_LARGE_MESSAGE = `Request body too large (limit ${BODY_SIZE_LIMIT / MiB} MiB).`;

/** The limit of a request by its content type: multipart posts may carry files. */
export function bodyLimitFor(contentType: string | undefined): number {
	return /^multipart\/form-data\b/i.test(contentType ?? '') ? UPLOAD_BODY_LIMIT : BODY_SIZE_LIMIT;
}

export function bodyTooLargeMessage(limit: number): string {
	return `Request body too large (limit ${limit / MiB} MiB).`;
}

/**
 * `source` cut at `limit` bytes: past it, the error the adapter raises for its own limit
 * (`isBodyTooLarge` recognises it, answered with 413). For streamed bodies, whose size no
 * header declares.
 */
export async function* limitBody(
	source: AsyncIterable<Uint8Array>,
	limit: number,
): AsyncGenerator<Uint8Array> {
	let received = 0;
	for await (const chunk of source) {
		received += chunk.byteLength;
		if (received > limit) throw new Error(`Body size limit exceeded: more than ${limit} bytes`);
		yield chunk;
	}
}

/**
 * True for the error the Node adapter raises while reading a streamed (chunked) body past
 * bodySizeLimit; declared lengths are refused before that, in src/cli/serve.ts.
 */
export function isBodyTooLarge(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const err = e as { message?: unknown; cause?: unknown };
		if (typeof err.message === 'string' && /^Body size limit exceeded/.test(err.message))
			return true;
		e = err.cause;
	}
	return false;
}
