/**
 * The one mapping from a thrown error to what the portal answers. Actions (src/web/actions.ts),
 * JSON endpoints (`errorResponse`) and pages (the middleware) only format the result differently.
 */
import {
	AppError,
	ServiceUnavailableError,
	TooManyRequestsError,
	type ErrorCode,
} from '#server/errors.ts';
import { BODY_TOO_LARGE_MESSAGE, isBodyTooLarge } from './limits.ts';

export type PortalErrorCode = ErrorCode | 'CONTENT_TOO_LARGE' | 'INTERNAL_SERVER_ERROR';

export interface PortalError {
	code: PortalErrorCode;
	status: number;
	message: string;
	/** Field name → message, for errors that belong next to a form field. */
	fields?: Record<string, string>;
	/** Seconds the client should wait before retrying (429, 503). */
	retryAfter?: number;
	/** A server bug: the edge logs the original error and shows only the generic message. */
	unexpected: boolean;
}

export const UNSTORABLE_TEXT_MESSAGE =
	'The input contains characters we cannot store (such as NUL). Remove them and try again.';
export const DATABASE_UNAVAILABLE_MESSAGE =
	'The database is briefly unavailable. Please retry in a few seconds.';
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side.';
/** How long to wait after a database outage before retrying. */
const OUTAGE_RETRY_AFTER_S = 5;

/**
 * What `error` means to the client: an `AppError` keeps its code, message and fields; text the
 * database cannot store is a 400, a database outage a 503 with Retry-After, a body over the
 * limit a 413; anything else is a 500 marked `unexpected`.
 */
export function toPortalError(error: unknown): PortalError {
	if (error instanceof AppError) {
		return {
			code: error.code,
			status: error.status,
			message: error.message,
			...(error.details ? { fields: error.details } : {}),
			...(error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError
				? { retryAfter: error.retryAfter }
				: {}),
			unexpected: false,
		};
	}
	if (isUnstorableText(error))
		return {
			code: 'BAD_REQUEST',
			status: 400,
			message: UNSTORABLE_TEXT_MESSAGE,
			unexpected: false,
		};
	if (isDatabaseUnavailable(error)) {
		return {
			code: 'SERVICE_UNAVAILABLE',
			status: 503,
			message: DATABASE_UNAVAILABLE_MESSAGE,
			retryAfter: OUTAGE_RETRY_AFTER_S,
			unexpected: false,
		};
	}
	if (isBodyTooLarge(error))
		return {
			code: 'CONTENT_TOO_LARGE',
			status: 413,
			message: BODY_TOO_LARGE_MESSAGE,
			unexpected: false,
		};
	return {
		code: 'INTERNAL_SERVER_ERROR',
		status: 500,
		message: INTERNAL_ERROR_MESSAGE,
		unexpected: true,
	};
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

/** True when the database refused a value's characters (client input, answered with 400). */
export function isUnstorableText(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const err = e as { code?: unknown; cause?: unknown };
		if (typeof err.code === 'string' && UNSTORABLE_TEXT.has(err.code)) return true;
		e = err.cause;
	}
	return false;
}
