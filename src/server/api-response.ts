import { AppError } from './errors.ts';

/** A JSON response that no cache keeps (answers depend on the current time or user). */
export function jsonResponse(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
	});
}

/**
 * Translates a thrown AppError into `{ error: { code, message, details? } }` with its status.
 * Anything else is rethrown, for Astro to log and answer with a generic 500.
 */
export function errorResponse(error: unknown): Response {
	if (!(error instanceof AppError)) throw error;
	const body = { error: { code: error.code, message: error.message, details: error.details } };
	return jsonResponse(body, error.status);
}
