import { AppError, ServiceUnavailableError, TooManyRequestsError } from '#server/errors.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...headers,
		},
	});
}

/** `{ error: { code, message, fields? } }` with the error's status; unexpected errors are logged. */
export function errorResponse(error: unknown, context = 'request'): Response {
	if (error instanceof AppError) {
		const headers: Record<string, string> = {};
		if (error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError) {
			headers['retry-after'] = String(error.retryAfter);
		}
		return json(
			{
				error: {
					code: error.code,
					message: error.message,
					...(error.details ? { fields: error.details } : {}),
				},
			},
			error.status,
			headers,
		);
	}
	if (isUnstorableText(error)) {
		return json({ error: { code: 'BAD_REQUEST', message: UNSTORABLE_TEXT_MESSAGE } }, 400);
	}
	if (isDatabaseUnavailable(error)) {
		return json(
			{
				error: {
					code: 'SERVICE_UNAVAILABLE',
					message: 'The database is unavailable. Try again shortly.',
				},
			},
			503,
			{ 'retry-after': '5' },
		);
	}
	console.error(`[${context}] unexpected error:`, error);
	return json(
		{ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' } },
		500,
	);
}

const CONNECTION_ERRORS = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08003',
	'08006',
	'08001',
	'08004',
]);

/** True for errors that mean "the database cannot be reached right now" (pg codes and socket errors). */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const err = e as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof err.code === 'string' && CONNECTION_ERRORS.has(err.code)) return true;
		if (
			typeof err.message === 'string' &&
			/Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
				err.message,
			)
		)
			return true;
		e = err.cause;
	}
	return false;
}

// NOTE: PostgreSQL text cannot hold NUL (0x00); it answers 22021 ("invalid byte sequence") when a
// value reaches a query, which is the client's input at fault, not a server error.
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
export const UNSTORABLE_TEXT_MESSAGE =
	'The input contains characters we cannot store (such as NUL). Remove them and try again.';

/** True when the database refused a value's characters (client input, answered with 400). */
export function isUnstorableText(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const err = e as { code?: unknown; cause?: unknown };
		if (typeof err.code === 'string' && UNSTORABLE_TEXT.has(err.code)) return true;
		e = err.cause;
	}
	return false;
}
