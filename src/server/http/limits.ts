/** Largest request body we read (astro.config.mjs and the launcher share it); 413 above it. */
export const BODY_SIZE_LIMIT = 4 * 1024 * 1024;
export const BODY_TOO_LARGE_MESSAGE = `Request body too large (limit ${BODY_SIZE_LIMIT / 1024 / 1024} MiB).`;

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
